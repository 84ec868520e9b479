import { lstatSync, realpathSync, type Stats } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { isInside, shownPath } from './path.js';
import { UserError } from './errors.js';
import { escapeLine } from './terminal-text.js';

export interface WriteOptions {
  /** Files that are this command's inputs: writing over one of them is refused, whatever --force says. */
  inputs?: Iterable<string>;
  /** Paths in messages are shown relative to this folder. @default process.cwd() */
  cwd?: string;
  /**
   * The project folder, for files in folders the project's config names: each must land inside
   * it once the links in its folder path are followed. A repository just cloned may hold
   * `handlers` as a link to anywhere on the machine. A folder given on the command line is the
   * user's own choice and is not checked.
   */
  within?: string;
}

const shown = (path: string, cwd: string): string => escapeLine(shownPath(cwd, path));

function lstatOrUndefined(path: string): Stats | undefined {
  try { return lstatSync(path); } catch { return undefined; }
}

function realOrSelf(path: string): string {
  try { return realpathSync(path); } catch { return path; }
}

/** Where `path` really is: the links in the part of its folder path that exists, followed. */
function realLocation(path: string): string {
  let existing = path;
  const rest: string[] = [];
  while (lstatOrUndefined(existing) === undefined && dirname(existing) !== existing) {
    rest.unshift(basename(existing));
    existing = dirname(existing);
  }
  return join(realOrSelf(existing), ...rest);
}

/**
 * Why `path` may not be replaced, or undefined. Only a regular file (or a link, which the
 * rename replaces, never its target) is overwritten: renaming over /dev/null or a FIFO would
 * replace the device for every program on the machine, and a folder cannot take a file's place.
 */
function unwritableReason(path: string, inputs: ReadonlySet<string>): string | undefined {
  const stats = lstatOrUndefined(path);
  if (stats === undefined) return undefined;
  if (stats.isDirectory()) return 'is a folder; give a file path';
  if (!stats.isFile() && !stats.isSymbolicLink()) return 'is not a regular file (a device, pipe or socket); it is never replaced';
  if (inputs.has(realOrSelf(path))) return 'is one of this command\'s inputs; write the output elsewhere';
  return undefined;
}

function writeError(error: unknown, path: string, cwd: string): UserError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its folder path is a file'
      : code === 'ENOSPC' ? 'no space left on the device'
        : code === 'EROFS' ? 'the file system is read-only'
          : code === 'EISDIR' ? 'is a folder' : code;
  return new UserError(`${shown(path, cwd)}: cannot write it (${why})`, { cause: error });
}

/**
 * Writes every file to a temporary sibling first and renames only once all writes
 * succeeded, so a failure leaves the previous files untouched and no temporary file behind.
 * Every target is checked before anything is written.
 */
export async function writeFilesAtomic(files: ReadonlyMap<string, string>, options: WriteOptions = {}): Promise<void> {
  const cwd = options.cwd ?? process.cwd();
  const inputs = new Set([...(options.inputs ?? [])].map(realOrSelf));
  const root = options.within === undefined ? undefined : realOrSelf(options.within);
  for (const path of files.keys()) {
    const reason = unwritableReason(path, inputs);
    if (reason !== undefined) throw new UserError(`${shown(path, cwd)}: ${reason}`);
    if (root !== undefined && !isInside(root, realLocation(dirname(path)))) {
      throw new UserError(`${shown(path, cwd)}: its folder is a symbolic link out of the project; nothing was written (replace the link with a real folder)`);
    }
  }
  const staged: [string, string][] = [];
  let current = '';
  try {
    for (const [path, content] of files) {
      current = path;
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      staged.push([temp, path]);
      // 'wx' never follows a link planted at the temporary name; a stale one is removed first.
      await rm(temp, { force: true });
      await writeFile(temp, content, { flag: 'wx' });
    }
    for (const [temp, path] of staged) {
      current = path;
      await rename(temp, path);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw writeError(error, current, cwd);
  }
}
