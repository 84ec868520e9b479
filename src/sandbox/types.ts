// Public types of the sandbox that runs a transformation snippet against sample inputs.

/** One `console.*` call made by the snippet, formatted inside the sandbox. */
export interface ConsoleEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  text: string;
}

export type RunErrorKind =
  | 'syntax' // the snippet does not parse (as a function body, like the runtime wraps it)
  | 'throw' // the snippet threw (anything, Errors or not), or tried a forbidden capability such as import()
  | 'timeout' // it ran past the time limit (vm timeout or the hard watchdog)
  | 'memory' // it ran past the memory limit: the sandbox process was killed and restarted
  | 'stack' // Maximum call stack size exceeded
  | 'too-large' // the result is larger or deeper than validation reads (MAX_RESULT_CHARS, MAX_RESULT_DEPTH)
  | 'invalid-result' // handler returned a non-object, an array, or something JSON cannot carry
  | 'promise' // handler returned a Promise/thenable: the runtime does not await it
  | 'no-handler' // no function named `handler` is declared
  | 'crash' // the sandbox process died for another reason (reported, then restarted)
  | 'skipped'; // not run: the snippet had already failed the run's budget (see RunManyOptions.stopAfter)

export interface RunError {
  kind: RunErrorKind;
  message: string;
  /** 1-based line in the snippet as pasted (the runtime's wrapper is accounted for). */
  line?: number;
  /** 1-based column in the snippet as pasted. */
  column?: number;
  /** The snippet-side stack text, frames named `snippet.js:LINE:COL` in pasted coordinates. */
  stack?: string;
}

interface OutcomeBase {
  logs: ConsoleEntry[];
  durationMs: number;
  /** Characters of the JSON envelope the run sent back (what the sandbox's output budget counts). */
  size?: number;
  /** Reads of keys the payload did not have, as `payload.data.customer.phone` (arrays as `[]`), with the snippet position. */
  reads?: { path: string; line?: number; column?: number }[];
  /** Code generation from strings the run attempted ("eval", "the Function constructor", …), even if it caught the error. */
  escapes?: string[];
}

export type RunOutcome =
  | ({ ok: true; result: unknown } & OutcomeBase)
  | ({ ok: false; error: RunError } & OutcomeBase);

export interface RunManyOptions {
  /**
   * 'run' (default): `code` is a snippet, each outcome's result is what handler returned.
   * 'inspect': `code` is a mapping module ending in `return <mapping>;`, each result describes the
   * mapping's shape as plain data (see MappingShape).
   * 'data': `code` ends in `return <value>;`, each result is `{ value }`, the value as JSON data.
   */
  mode?: 'run' | 'inspect' | 'data';
  /**
   * After this many samples end in a timeout, the memory limit or a crash, the remaining ones are
   * not run: their outcome is 'skipped'. Bounds a whole run of a looping snippet. @default Infinity
   */
  stopAfter?: number;
  /**
   * Once the runs of this call have sent back this many characters of results in all, the
   * remaining ones are not run ('skipped'): a snippet with huge results is judged in bounded
   * time and memory. @default Infinity
   */
  maxOutputChars?: number;
  /**
   * Once the runs of this call have taken this many milliseconds in all (each sample's own run
   * time, summed), the remaining ones are not run: a snippet that is slow on every sample without
   * reaching the per-sample limit still ends in bounded time. @default Infinity
   */
  maxTotalMs?: number;
}

/** What 'inspect' mode reports of a value the mapping module made: plain data, capped. */
export interface ValueShape {
  type?: 'undefined' | 'object' | 'boolean' | 'number' | 'bigint' | 'string' | 'symbol' | 'function' | 'null' | 'array' | 'revoked proxy';
  value?: string | number | boolean;
  /** Reading it threw (a getter or a Proxy trap): what was thrown. */
  error?: string;
}

export interface MappingShape extends ValueShape {
  url?: ValueShape;
  otherEvents?: ValueShape;
  destination?: ValueShape;
  events?: ValueShape & { keys?: (ValueShape & { key: string })[]; more?: number };
}

export interface SandboxOptions {
  /** Per-sample time limit (vm `timeout`). @default 1000 */
  timeoutMs?: number;
  /** V8 old-space limit of each sandbox process; external memory (ArrayBuffers) is capped at a multiple of it. @default 64 */
  memoryMb?: number;
  /** Sandbox processes run in parallel by `runMany`. @default min(2, available cores) */
  concurrency?: number;
  /**
   * Extra time the hard watchdog allows past `timeoutMs` before killing the process; catches code
   * that the vm timeout cannot interrupt (long native calls). @default max(500, timeoutMs / 2)
   */
  watchdogMarginMs?: number;
  /**
   * On close, keep one idle process running for the next sandbox of the same limits in this
   * process (the config file's, handed to the compile that follows) instead of stopping it.
   * It never keeps the host alive. @default false
   */
  handOver?: boolean;
}

export interface Sandbox {
  /** Runs `code` once against `input`. */
  run(code: string, input: object): Promise<RunOutcome>;
  /** Runs `code` against each input (a fresh V8 context each); outcomes are in input order. */
  runMany(code: string, inputs: object[], options?: RunManyOptions): Promise<RunOutcome[]>;
  /** Stops the sandbox processes. Pending runs settle as 'crash'. */
  close(): Promise<void>;
}

/** The file name the snippet's stack frames carry. */
export const SNIPPET_FILENAME = 'snippet.js';
