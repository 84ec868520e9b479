import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { fromCompiled } from '../../src/validate/from-compiled.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { FIXTURES } from '../support/fixtures.js';

const sandbox = createSandbox({ timeoutMs: 200 });
afterAll(() => sandbox.close());

describe('running snippets on samples', () => {
  it('a runtime error in a compiled mapping points at the TypeScript line that threw', async () => {
    const { snippets } = await compile({ root: FIXTURES, mappings: ['validate/throws-on-yen.ts'], typecheck: false });
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['payment.succeeded'] });
    const report = await validateSnippet(fromCompiled(FIXTURES, snippets[0]!), { inputs, sandbox });
    const errors = report.findings.filter((f) => f.code === 'runtime-error');
    expect(errors).toEqual([expect.objectContaining({ file: 'validate/throws-on-yen.ts', line: 7, event: 'payment.succeeded', sample: 'builtin/currency-jpy', message: 'Error: no yen here' })]);
    expect(report.summary).toEqual([{ event: 'payment.succeeded', runs: inputs.length, passed: inputs.length - 1, warned: 0, failed: 1, cancelled: 0 }]);
  });

  it('stops a snippet after 3 timeouts and says so once; console output is kept with the finding', async () => {
    const code = await readFile(join(FIXTURES, 'validate/slow-on-refunds.js'), 'utf8');
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['refund.succeeded', 'payment.failed'] });
    const refunds = inputs.filter((i) => i.eventType === 'refund.succeeded').length;
    const report = await validateSnippet({ file: 'slow.js', name: 'slow', code }, { inputs, sandbox });
    const timeouts = report.findings.filter((f) => f.code === 'timeout');
    expect(timeouts).toHaveLength(1);
    expect(timeouts[0]?.message).toMatch(new RegExp(`^timed out on 3 samples \\(refund\\.succeeded builtin/base, .*\\); the other ${refunds - 3} were not run`));
    expect(timeouts[0]?.logs).toEqual(['console.log: event refund.succeeded']);
    // Samples that ran before the budget was spent were judged as usual.
    expect(report.summary.find((s) => s.event === 'payment.failed')).toMatchObject({ failed: 0, passed: inputs.length - refunds });
    expect(report.summary.find((s) => s.event === 'refund.succeeded')?.failed).toBe(refunds);
  });

  it('parity-mismatch when the snippet and its reference disagree', async () => {
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['payment.failed'] });
    const snippet = 'function handler(webhook) { webhook.url = "https://hooks.acme-shop.io/a"; return webhook; }';
    const reference = 'function handler(webhook) { webhook.url = "https://hooks.acme-shop.io/b"; return webhook; }';
    const report = await validateSnippet({ file: 'p.js', name: 'p', code: snippet, reference }, { inputs: inputs.slice(0, 1), sandbox });
    expect(report.findings.map((f) => f.code)).toEqual(['parity-mismatch']);
    expect(report.findings[0]?.details).toContain('-  "url": "https://hooks.acme-shop.io/b",');
    // A unified diff: both file headers, then the hunks.
    expect(report.findings[0]?.details?.slice(0, 3).map((l) => l.slice(0, 4))).toEqual(['--- ', '+++ ', '@@ -']);
  });

  it('golden files: --update writes them, a later change is a golden-mismatch with a diff', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-golden-'));
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['payment.failed'] });
    const code = 'function handler(webhook) { webhook.url = "https://hooks.acme-shop.io/a"; webhook.payload = { id: webhook.payload.data.payment_id }; return webhook; }';
    const first = await validateSnippet({ file: 'g.js', name: 'g', code }, { inputs, sandbox, golden: { dir, update: true } });
    expect([...first.goldenWrites.keys()]).toEqual([join(dir, 'g', 'payment.failed.json')]);
    await mkdir(join(dir, 'g'), { recursive: true });
    for (const [path, content] of first.goldenWrites) await writeFile(path, content);
    const same = await validateSnippet({ file: 'g.js', name: 'g', code }, { inputs, sandbox, golden: { dir, update: false } });
    expect(same.findings).toEqual([]);
    const changed = await validateSnippet({ file: 'g.js', name: 'g', code: code.replace('/a"', '/b"') }, { inputs, sandbox, golden: { dir, update: false } });
    expect(changed.findings.map((f) => f.code)).toEqual(['golden-mismatch']);
    expect(changed.findings[0]?.details).toContain('+  "url": "https://hooks.acme-shop.io/b",');
  });

  it('bad sample files become bad-sample findings, good ones are run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-samples-'));
    await mkdir(join(dir, 'payment.succeeded'));
    await mkdir(join(dir, 'payment.succeded'));
    await writeFile(join(dir, 'payment.succeeded', 'broken.json'), '{ "type": ');
    const { inputs, findings } = await getSampleInputs({ root: dir, samplesDir: dir, builtin: false });
    expect(inputs).toEqual([]);
    expect(findings.map((f) => `${f.code} ${f.file}`).sort()).toEqual(['bad-sample payment.succeded', 'bad-sample payment.succeeded/broken.json']);
    expect(findings.find((f) => f.file === 'payment.succeded')?.message).toContain('payment.succeeded');
  });
});
