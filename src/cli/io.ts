import { Chalk, type ChalkInstance } from 'chalk';
import { guardTerminalText } from '../util/terminal-text.js';

/** Everything a command may touch of the outside world, passed in so tests can capture it. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: CliStream;
  stderr: CliStream;
  /** Registers a Ctrl-C handler (watch mode) and returns a function that removes it. */
  onInterrupt?: (handler: () => void) => () => void;
}

export interface CliStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Writes terminal control sequences the tool means (progress line, OSC 52); `write` escapes them. */
  writeRaw?(text: string): unknown;
}

/** Writes a control sequence the tool means to send (see CliStream.writeRaw). */
export function writeRaw(stream: CliStream, text: string): void {
  if (stream.writeRaw) stream.writeRaw(text);
  else stream.write(text);
}

/**
 * The io every command gets: whatever it writes has control characters escaped (colours pass
 * when that stream has colour on), so that no byte of user text reaches the terminal raw.
 */
export function guardIo(io: CliIo): CliIo {
  const guard = (stream: CliStream, name: 'stdout' | 'stderr'): CliStream => {
    const colour = createColors(io, name).level > 0;
    return {
      ...(stream.isTTY !== undefined && { isTTY: stream.isTTY }),
      write: (text: string) => stream.write(guardTerminalText(text, colour)),
      writeRaw: (text: string) => writeRaw(stream, text),
    };
  };
  return { ...io, stdout: guard(io.stdout, 'stdout'), stderr: guard(io.stderr, 'stderr') };
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
