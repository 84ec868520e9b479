import { writeRaw, type CliIo } from '../io.js';
import { formatOsc52 } from './osc52.js';
import { getClipboardSkipReason, type Clipboard } from './system-clipboard.js';

/** Where the text went, and for the fallbacks why the system clipboard was not used. */
export type Delivery =
  | { via: 'clipboard' }
  | { via: 'terminal'; reason: string }
  | { via: 'stdout'; reason?: string };

export interface DeliverOptions {
  clipboard: Clipboard;
  /** Print to stdout without trying any clipboard. */
  print?: boolean;
  /** A clipboard tool that does not answer within this is given up on. */
  timeoutMs: number;
}

/**
 * System clipboard → OSC 52 when stdout is a terminal → the text on stdout. Each step is
 * taken only when the one before cannot work, and none can wait longer than `timeoutMs`.
 */
export async function deliverText(io: CliIo, text: string, options: DeliverOptions): Promise<Delivery> {
  if (options.print) {
    io.stdout.write(text);
    return { via: 'stdout' };
  }
  const reason = getClipboardSkipReason(io.env) ?? await tryClipboard(options.clipboard, text, options.timeoutMs);
  if (reason === undefined) return { via: 'clipboard' };
  if (io.stdout.isTTY) {
    writeRaw(io.stdout, formatOsc52(text, { tmux: Boolean(io.env['TMUX']) }));
    return { via: 'terminal', reason };
  }
  io.stdout.write(text);
  return { via: 'stdout', reason };
}

/** undefined when the text is on the clipboard, else why not (the tool's first error line). */
async function tryClipboard(clipboard: Clipboard, text: string, timeoutMs: number): Promise<string | undefined> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(`the clipboard tool did not answer within ${timeoutMs / 1000} s`);
    }, timeoutMs);
  });
  try {
    return await Promise.race([clipboard.write(text, controller.signal).then(() => undefined), timeout]);
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/\.$/, '') || 'the clipboard failed';
  } finally {
    clearTimeout(timer);
  }
}
