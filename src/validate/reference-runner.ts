import { createContext, Script } from 'node:vm';

export type ReferenceOutcome = { ok: true; result: unknown } | { ok: false; error: string };

// One script call for the whole batch: a vm timeout starts a watchdog thread per call,
// which cost ~0.3 ms per sample when each sample was its own call.
const RUN_ALL = new Script(`__inputs.map(function (input) {
  try { return { ok: true, json: JSON.stringify(__handler(JSON.parse(input))) }; }
  catch (error) { return { ok: false, error: String(error && error.message || error) }; }
})`);

/**
 * Runs a mapping's unlowered build in this process, in one V8 context, as the
 * "mapping called directly" that parity is judged against. It is only run on
 * samples the sandbox has already run the same mapping on without failing, so it
 * needs no process isolation, and costs microseconds instead of a round trip.
 */
export function runReference(code: string, inputJsons: readonly string[], timeoutMsPerSample = 1000): ReferenceOutcome[] {
  if (inputJsons.length === 0) return [];
  const context = createContext({ __inputs: [...inputJsons] }, { codeGeneration: { strings: false, wasm: false } });
  try {
    new Script(`var __handler = (function () {\n${code}\nreturn handler;\n})();`).runInContext(context, { timeout: timeoutMsPerSample });
    const results = RUN_ALL.runInContext(context, { timeout: timeoutMsPerSample * inputJsons.length }) as { ok: boolean; json?: string; error?: string }[];
    return results.map((r) => (r.ok ? { ok: true, result: JSON.parse(r.json ?? 'null') as unknown } : { ok: false, error: r.error ?? '' }));
  } catch (error) {
    const message = String((error as { message?: unknown } | null)?.message ?? error);
    return inputJsons.map(() => ({ ok: false, error: message }));
  }
}
