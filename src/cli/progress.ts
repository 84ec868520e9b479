import { writeRaw, type CliIo } from './io.js';

export interface Progress {
  update(text: string): void;
  done(): void;
}

/**
 * One self-overwriting status line on a terminal's stderr; nothing at all in CI
 * or when stderr is piped, so logs stay clean.
 */
export function createProgress(io: CliIo): Progress {
  if (!io.stderr.isTTY || io.env['CI']) return { update: () => {}, done: () => {} };
  let shown = false;
  return {
    update(text) {
      writeRaw(io.stderr, `\r\u001b[2K${text}`);
      shown = true;
    },
    done() {
      if (shown) writeRaw(io.stderr, '\r\u001b[2K');
      shown = false;
    },
  };
}
