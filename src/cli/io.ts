import { Chalk, type ChalkInstance } from 'chalk';

/** Everything a command may touch of the outside world, passed in so tests can capture it. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Registers a Ctrl-C handler (watch mode) and returns a function that removes it. */
  onInterrupt?: (handler: () => void) => () => void;
}

/**
 * Colour for one stream: FORCE_COLOR wins, then NO_COLOR (any non-empty value),
 * then whether the stream is a terminal.
 */
export function createColors(io: CliIo, stream: 'stdout' | 'stderr'): ChalkInstance {
  const force = io.env['FORCE_COLOR'];
  let level: 0 | 1 | 2 | 3;
  if (force !== undefined && force !== '') level = force === '0' || force === 'false' ? 0 : (Math.min(3, Number(force) || 1) as 1 | 2 | 3);
  else if (io.env['NO_COLOR']) level = 0;
  else level = io[stream].isTTY ? 1 : 0;
  return new Chalk({ level });
}
