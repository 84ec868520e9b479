import type { Clipboard } from '../../src/cli/clipboard/system-clipboard.js';
import type { CliIo } from '../../src/cli/io.js';
import { FIXTURES } from '../support/fixtures.js';

/** A CliIo that records what a command writes; `tty` is what stdout claims to be. */
export function createFakeIo(options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    cwd: FIXTURES,
    // Never process.env: the machine running the tests may have CI, SSH_TTY or TMUX set.
    env: options.env ?? {},
    stdout: { write: (text: string) => { out.stdout += text; return true; }, isTTY: options.tty ?? false },
    stderr: { write: (text: string) => { out.stderr += text; return true; }, isTTY: false },
  };
  return { io, out };
}

/** A clipboard that records writes and the signal it got, and then succeeds, fails or never answers. */
export function createFakeClipboard(behaviour: 'ok' | 'fail' | 'hang' = 'ok') {
  const writes: string[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const clipboard: Clipboard = {
    write(text, signal) {
      writes.push(text);
      signals.push(signal);
      if (behaviour === 'fail') {
        // clipboardy's message on Linux with neither xsel nor a display.
        return Promise.reject(new Error("Couldn't find the `xsel` binary and fallback didn't work. On Debian/Ubuntu you can install xsel with: sudo apt install xsel"));
      }
      return behaviour === 'hang' ? new Promise<void>(() => {}) : Promise.resolve();
    },
  };
  return { clipboard, writes, signals };
}
