// Benchmarks that need the library in-process (bundled by bench.mjs): the sandbox's throughput
// and the latency of a watch-mode re-check after one mapping changes.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { watch } from '../../src/cli/commands/watch.js';
import type { CycleResult } from '../../src/cli/watch/watch-session.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { checkProject } from '../../src/project/check-project.js';
import { findMappings } from '../../src/project/find-mappings.js';
import { benchSandbox } from '../../src/sandbox/bench.js';
import { renderHtmlReport } from '../../src/report/html/render-report.js';
import { syntheticReport } from '../support/synthetic-report.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

export { benchSandbox };

/** The HTML report of a made-up 20 mappings × 300 samples project, for the load-time figure. */
export function syntheticHtmlReport(): string {
  return renderHtmlReport(syntheticReport(20, 300), { generatedAt: new Date(0) });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Time from saving a mapping to the end of the re-check it triggers, in watch mode.
 * The project must already be built (check mode compares with committed snippets).
 */
export async function benchWatch(dir: string, mode: 'build' | 'check', edits = 5): Promise<{ firstRunMs: number; recheckMs: number[]; medianMs: number }> {
  const io = { cwd: dir, env: { CI: '1' }, stdout: { write: () => true }, stderr: { write: () => true } };
  const controller = new AbortController();
  let notify: ((r: CycleResult) => void) | undefined;
  const nextCycle = () => new Promise<CycleResult>((resolve) => { notify = resolve; });
  let cycle = nextCycle();
  const done = watch(io, { mode, signal: controller.signal, loadConfig: () => resolveConfig({ cwd: dir }), onCycle: (r) => notify?.(r) });
  const first = await cycle;
  const file = join(dir, 'mappings', 'm0.ts');
  const original = await readFile(file, 'utf8');
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    cycle = nextCycle();
    const start = performance.now();
    await writeFile(file, `${original}\n// edit ${i}\n`);
    await cycle;
    times.push(performance.now() - start);
  }
  await writeFile(file, original);
  controller.abort();
  await done;
  return { firstRunMs: first.durationMs, recheckMs: times.map(Math.round), medianMs: Math.round(median(times)) };
}
export { benchJudging } from './judging-cost.js';

/**
 * Sample runs `check --no-cache` makes on a project (snippets, references and mapping inspections),
 * in all and per mapping: the count the floor multiplies by the cost of a fresh context.
 */
export async function countSampleRuns(dir: string): Promise<{ total: number; perFile: Record<string, number> }> {
  const config = await resolveConfig({ cwd: dir });
  const mappings = await findMappings(config.root, config.mappings);
  const inner = createSandbox();
  let total = 0;
  const byCode = new Map<string, number>();
  const sandbox: Sandbox = {
    run: (code, input) => inner.run(code, input),
    runMany: (code, inputs, options) => {
      total += inputs.length;
      byCode.set(code, (byCode.get(code) ?? 0) + inputs.length);
      return inner.runMany(code, inputs, options);
    },
    close: () => inner.close(),
  };
  try {
    const { prepared } = await checkProject({ config, mappings, sandbox });
    const perFile: Record<string, number> = {};
    for (const s of prepared.snippets) {
      // The snippet and its reference; the mapping's inspection is one run more.
      perFile[s.file] = (byCode.get(s.code) ?? 0) + (s.reference !== undefined && s.reference !== s.code ? byCode.get(s.reference) ?? 0 : 0) + 1;
    }
    return { total, perFile };
  } finally {
    await inner.close();
  }
}
