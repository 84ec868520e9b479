import { createSandbox, type RunOutcome, type Sandbox, type SandboxOptions } from '../sandbox/index.js';

/** Outcomes that depend on the machine's load, not on the code and its input: never cached. */
const TIMING_KINDS: ReadonlySet<string> = new Set(['timeout', 'memory', 'crash', 'skipped']);

/**
 * The same sandbox, noting whether any run ended on a limit: a result built on such an outcome
 * could differ on the next run, so it is not stored.
 */
export function watchTiming(sandbox: Sandbox): { sandbox: Sandbox; timingDependent: () => boolean } {
  let hit = false;
  const note = (outcomes: RunOutcome[]) => {
    if (outcomes.some((o) => !o.ok && TIMING_KINDS.has(o.error.kind))) hit = true;
    return outcomes;
  };
  return {
    sandbox: {
      run: async (code, input) => note([await sandbox.run(code, input)])[0]!,
      runMany: async (code, inputs, options) => note(await sandbox.runMany(code, inputs, options)),
      close: () => sandbox.close(),
    },
    timingDependent: () => hit,
  };
}

/** A sandbox whose processes start on `start()` or the first run: a run the cache answers starts none. */
export interface LazySandbox extends Sandbox {
  start(): void;
}

export function createLazySandbox(options: SandboxOptions = {}): LazySandbox {
  let sandbox: Sandbox | undefined;
  const get = () => (sandbox ??= createSandbox(options));
  return {
    start: () => void get(),
    run: (code, input) => get().run(code, input),
    runMany: (code, inputs, runOptions) => get().runMany(code, inputs, runOptions),
    close: async () => { await sandbox?.close(); },
  };
}
