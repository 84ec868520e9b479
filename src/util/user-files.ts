// Reading a file the user named or a glob found: only regular files, never through a symbolic
// link that leaves the project, and never more than a bounded number of bytes. A FIFO, a device
// such as /dev/zero or /dev/stdin, or a directory named like a file would otherwise hang the
// command, fill its memory, or fail with a bare EISDIR.
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { UserError } from './errors.js';
import { isInside } from './path.js';

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Why `file` may not be read, or undefined when it may: it must be a regular file, and when it
 * is (or passes through) a symbolic link, its real path must stay inside `root`.
 */
export function unreadableReason(file: string, root: string | undefined): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`;
  }
  if (!stats.isFile()) return `is ${kindOf(stats)}, not a file`;
  if (root !== undefined) {
    let linked = false;
    try { linked = lstatSync(file).isSymbolicLink() || realpathSync(file) !== file; } catch { linked = true; }
    if (linked) {
      let real: string;
      try { real = realpathSync(file); } catch { return 'cannot be resolved'; }
      let realRoot: string;
      try { realRoot = realpathSync(root); } catch { realRoot = root; }
      if (!isInside(realRoot, real)) return 'is a symbolic link out of the project; it is not followed';
    }
  }
  return undefined;
}

/** Throws a one-line usage error (exit 2) naming the file when it may not be read. */
export function assertReadableFile(file: string, shown: string, root?: string): void {
  const reason = unreadableReason(file, root);
  if (reason !== undefined) throw new UserError(`${shown}: ${reason}`);
}

/**
 * Reads at most `maxBytes` of a regular file as UTF-8. `truncated` says there was more: the
 * caller reports the file as too large without parsing or running it.
 */
export async function readBounded(file: string, maxBytes: number): Promise<{ text: string; truncated: boolean; bytes: number }> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { text: buffer.subarray(0, read).toString('utf8'), truncated: size > maxBytes, bytes: size };
  } finally {
    await handle.close();
  }
}
