// What judging a run costs beside running it: the result checks (runtime contract and destination
// schema), the amount checks, and the text checks (money in text, rendered garbage, markup), timed
// on the real results of every template on every sample, against the sandbox time of those runs.
// Also the static checks of one hand-written snippet (parse, analysis, comparisons, amounts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '../../src/compile/compile.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { listTemplateNames } from '../../src/templates/list-templates.js';
import { checkAmounts } from '../../src/validate/check-amounts.js';
import { checkResult } from '../../src/validate/check-result.js';
import { checkSnippetSource } from '../../src/validate/check-source.js';
import { checkText } from '../../src/validate/check-text.js';
import { withCardUrl } from '../../src/validate/card-url.js';
import { getSampleInputs, toRuntimeInput } from '../../src/validate/sample-inputs.js';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export async function benchJudging(root: string, rounds = 5): Promise<{ runs: number; runMs: number; resultMs: number; amountMs: number; textMs: number; staticMs: number }> {
  const names = listTemplateNames();
  const { snippets } = await compile({ root, mappings: names.map((n) => join('templates', `${n}.ts`)), typecheck: false });
  const { inputs } = await getSampleInputs({ root });
  const sandbox = createSandbox();
  const outcomes: { input: (typeof inputs)[number]; runtime: Record<string, unknown>; result: unknown; destination?: string }[] = [];
  const runTimes: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      for (const snippet of snippets) {
        const runtime = inputs.map((i) => withCardUrl(toRuntimeInput(i), snippet.destination));
        const results = await sandbox.runMany(snippet.code, runtime);
        if (round === 0) results.forEach((r, i) => { if (r.ok) outcomes.push({ input: inputs[i]!, runtime: runtime[i]!, result: r.result, ...(snippet.destination && { destination: snippet.destination }) }); });
      }
      runTimes.push(performance.now() - start);
    }
  } finally {
    await sandbox.close();
  }
  const time = (fn: () => void) => {
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      fn();
      times.push(performance.now() - start);
    }
    return Math.round(median(times) * 10) / 10;
  };
  const resultMs = time(() => { for (const o of outcomes) checkResult(o.result, { inputUrl: String(o.runtime['url']), ...(o.destination && { declared: o.destination }) }); });
  const requests = outcomes.map((o) => o.result as { url?: unknown; headers?: unknown; payload?: unknown });
  const amountMs = time(() => { outcomes.forEach((o, i) => checkAmounts(requests[i]!.payload, o.input.event)); });
  const textMs = time(() => { outcomes.forEach((o, i) => checkText(requests[i]!, { event: o.input.event, sample: o.input.name, ...(o.destination && { destination: o.destination }) })); });
  const corpus = await readFile(join(root, 'test', 'fixtures', 'corpus', 'slack-order.js'), 'utf8');
  const staticMs = time(() => { for (let i = 0; i < 100; i++) checkSnippetSource(corpus, 'slack-order.js'); }) / 100;
  return { runs: outcomes.length, runMs: Math.round(median(runTimes)), resultMs, amountMs, textMs, staticMs: Math.round(staticMs * 1000) / 1000 };
}
