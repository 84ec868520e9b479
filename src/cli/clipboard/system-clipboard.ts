import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Where `copy` puts text; injected so tests never touch the machine's real clipboard. */
export interface Clipboard {
  /** Resolves once the text is on the clipboard; should stop trying when `signal` aborts. */
  write(text: string, signal?: AbortSignal): Promise<void>;
}

/**
 * Why the system clipboard is not even tried, if it is not. In CI there is nobody to paste.
 * Over SSH without X11 forwarding, a clipboard that works (pbcopy on a Mac you SSH into) is
 * the remote machine's, not the user's: the text would land where nobody can paste it.
 */
export function getClipboardSkipReason(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0') return 'CI is set';
  if ((env['SSH_CONNECTION'] || env['SSH_TTY']) && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) return 'SSH session without X11 forwarding';
  return undefined;
}

// The child: read stdin, hand it to clipboardy, report a failure as one line on stderr.
const WORKER = `
try {
  const { default: clipboard } = await import(process.argv[1]);
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  await clipboard.write(text);
} catch (error) {
  process.stderr.write(String(error?.message ?? error).split('\\n')[0]);
  process.exitCode = 1;
}`;

/**
 * clipboardy (xsel, wl-copy, pbcopy, clip.exe…), run in a child Node process. In-process,
 * a clipboard tool that hangs could not be stopped: clipboardy takes no signal, and its
 * pending child would keep this process alive after `copy` gave up and printed. A child of
 * our own can be killed, and clipboardy is only loaded there, never by `--help` or tests.
 */
export function createSystemClipboard(env: Readonly<Record<string, string | undefined>>): Clipboard {
  return {
    write: (text, signal) => {
      const clipboardy = pathToFileURL(createRequire(import.meta.url).resolve('clipboardy')).href;
      return writeToChild([process.execPath, '--input-type=module', '-e', WORKER, clipboardy], text, { env, ...(signal && { signal }) });
    },
  };
}

/** Runs `command`, writes `text` to its stdin; rejects with its stderr if it fails, kills it when `signal` aborts. */
export function writeToChild(command: readonly string[], text: string, options: { env: Readonly<Record<string, string | undefined>>; signal?: AbortSignal }): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const [file = '', ...args] = command;
    const child = spawn(file, args, { env: { ...options.env }, stdio: ['pipe', 'ignore', 'pipe'], ...(options.signal && { signal: options.signal }) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    // The child may exit before reading everything (killed, or failed early): 'close' reports that.
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(stderr.trim() || `clipboard process exited with ${code}`))));
    child.stdin.end(text);
  });
}
