// The sandbox: runs a transformation snippet against sample inputs the way the runtime wraps it,
// one fresh V8 context per sample, inside separate, restartable, locked-down Node processes.
export { createSandbox } from './sandbox.js';
export { preparedInput } from './input-text.js';
export { benchSandbox } from './bench.js';
export type { BenchOptions, BenchResult } from './bench.js';
export { SNIPPET_FILENAME } from './types.js';
export type { ConsoleEntry, MappingShape, RunError, RunErrorKind, RunManyOptions, RunOutcome, Sandbox, SandboxOptions, ValueShape } from './types.js';
