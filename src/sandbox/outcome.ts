// Turns one result message of a sandbox process into a RunOutcome. Everything in the message
// is data (strings and numbers); the envelope is JSON text built inside the snippet's context.

import type { ConsoleEntry, RunError, RunErrorKind, RunOutcome } from './types.js';

/** The outcome of one sample as the sandbox process reports it. */
export interface SampleResult {
  /** Index of the input within the job. */
  index: number;
  /** JSON text made inside the context: {ok, logs, result} or {ok, logs, error}. */
  envelope?: string;
  /** Set when the process itself failed the run (timeout, unreadable outcome). */
  error?: RunError;
  /** JSON text of the console entries, when `error` is set and they could be recovered. */
  logs?: string;
  durationMs: number;
  /** The specifier of an import() the snippet attempted. */
  importAttempt?: string;
}

const KINDS: ReadonlySet<string> = new Set<RunErrorKind>([
  'syntax', 'throw', 'timeout', 'memory', 'stack', 'too-large', 'invalid-result', 'promise', 'no-handler', 'crash', 'skipped',
]);
const LEVELS: ReadonlySet<string> = new Set(['log', 'info', 'warn', 'error', 'debug']);

function unreadable(durationMs: number): RunOutcome {
  return { ok: false, error: { kind: 'crash', message: 'The sandbox returned an unreadable outcome' }, logs: [], durationMs };
}

function parseLogs(text: string | undefined): ConsoleEntry[] {
  if (text === undefined) return [];
  try {
    return asLogs(JSON.parse(text));
  } catch {
    return [];
  }
}

function asLogs(value: unknown): ConsoleEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter((e): e is ConsoleEntry =>
    typeof e === 'object' && e !== null && LEVELS.has((e as ConsoleEntry).level) && typeof (e as ConsoleEntry).text === 'string');
}

/**
 * Position of the first stack frame inside the pasted code (frames past its last line belong to
 * the runtime's wrapper). The script is compiled with a column offset, so V8 already reports
 * the coordinates of the code as pasted.
 */
export function positionFromStack(stack: string, lineCount: number): { line: number; column: number } | undefined {
  for (const m of stack.matchAll(/snippet\.js:(\d+):(\d+)/g)) {
    const line = Number(m[1]);
    const column = Number(m[2]);
    if (line >= 1 && line <= lineCount && column >= 1) return { line, column };
  }
  return undefined;
}

export function toOutcome(message: SampleResult, lineCount: number): RunOutcome {
  const { durationMs } = message;
  let outcome: RunOutcome;
  if (message.error !== undefined) {
    outcome = { ok: false, error: message.error, logs: parseLogs(message.logs), durationMs };
  } else {
    let envelope: unknown;
    try {
      envelope = JSON.parse(message.envelope ?? '');
    } catch {
      return unreadable(durationMs);
    }
    if (typeof envelope !== 'object' || envelope === null) return unreadable(durationMs);
    const { ok, logs, result, error, escapes, reads } = envelope as { ok?: unknown; logs?: unknown; result?: unknown; error?: Partial<RunError>; escapes?: unknown; reads?: unknown };
    if (ok === true) {
      outcome = { ok: true, result, logs: asLogs(logs), durationMs };
    } else if (ok === false && error && typeof error.kind === 'string' && KINDS.has(error.kind) && typeof error.message === 'string') {
      const runError: RunError = { kind: error.kind, message: error.message };
      if (typeof error.stack === 'string') {
        runError.stack = error.stack;
        const at = positionFromStack(error.stack, lineCount);
        if (at) Object.assign(runError, at);
      }
      outcome = { ok: false, error: runError, logs: asLogs(logs), durationMs };
    } else {
      return unreadable(durationMs);
    }
    outcome.size = message.envelope?.length ?? 0;
    if (Array.isArray(reads)) {
      const list = reads.filter((r): r is { path: string; line?: number; column?: number } => typeof r === 'object' && r !== null && typeof (r as { path?: unknown }).path === 'string')
        .slice(0, 20).map((r) => ({ path: r.path, ...(Number.isInteger(r.line) && { line: r.line }), ...(Number.isInteger(r.column) && { column: r.column }) }));
      if (list.length > 0) outcome.reads = list;
    }
    if (Array.isArray(escapes)) {
      const names = escapes.filter((e): e is string => typeof e === 'string').slice(0, 10);
      if (names.length > 0) outcome.escapes = names;
    }
  }
  if (message.importAttempt !== undefined && !(outcome.ok === false && outcome.error.kind === 'timeout')) {
    // The runtime has no module loader: code relying on import() cannot work there.
    return {
      ok: false,
      error: { kind: 'throw', message: `import(${JSON.stringify(message.importAttempt)}) is not available: a transformation cannot load modules` },
      logs: outcome.logs,
      durationMs,
      ...(outcome.escapes && { escapes: outcome.escapes }),
    };
  }
  return outcome;
}
