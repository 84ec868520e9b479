import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import { fromCompiled } from '../../src/validate/from-compiled.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { FIXTURES, REPO_ROOT } from '../support/fixtures.js';
import { compileTemplate } from '../support/templates.js';

const sandbox = createSandbox();
afterAll(() => sandbox.close());

async function seedReport(seed: string) {
  const code = await readFile(join(FIXTURES, 'seeds', `${seed}.js`), 'utf8');
  const { inputs } = await getSampleInputs({ root: FIXTURES });
  return validateSnippet({ file: `${seed}.js`, name: seed, code }, { inputs, sandbox });
}

async function templateReport(name: string) {
  const { snippets, findings } = compileTemplate(name);
  expect(findings).toEqual([]);
  const { inputs } = await getSampleInputs({ root: REPO_ROOT });
  return validateSnippet(fromCompiled(REPO_ROOT, snippets[0]!), { inputs, sandbox });
}

const codesBySample = (findings: { code: string; sample?: string }[]) =>
  [...new Set(findings.map((f) => `${f.code} ${f.sample}`))].sort();

describe('vendor seed snippets fail validation where the templates pass', () => {
  it('Customer.io: the seed is rejected for its action, and for /100 on JPY and KWD; the template is clean', async () => {
    const seed = await seedReport('customer-io-payment');
    expect(codesBySample(seed.findings.filter((f) => f.event === 'payment.succeeded'))).toEqual([
      'customerio.invalid-action builtin/base', 'customerio.invalid-action builtin/currency-jpy', 'customerio.invalid-action builtin/currency-kwd',
      'customerio.invalid-action builtin/long-strings', 'customerio.invalid-action builtin/markup-chars', 'customerio.invalid-action builtin/nullable-absent',
      'customerio.invalid-action builtin/unicode-names',
      'wrong-decimals builtin/currency-jpy', 'wrong-decimals builtin/currency-kwd',
    ]);
    const template = await templateReport('customer-io');
    expect(template.findings).toEqual([]);
    expect(template.destinations).toEqual(['customer-io']);
  });

  it('Segment: the seed sends string amounts (all currencies) and /100 for JPY and KWD; the template is clean', async () => {
    const seed = await seedReport('segment-payment');
    const codes = codesBySample(seed.findings);
    expect(codes).toContain('segment.string-amount builtin/base');
    expect(codes).toContain('wrong-decimals builtin/currency-jpy');
    expect(codes).toContain('wrong-decimals builtin/currency-kwd');
    expect(codes).not.toContain('wrong-decimals builtin/base');
    const template = await templateReport('segment');
    expect(template.findings).toEqual([]);
    expect(template.destinations).toEqual(['segment']);
  });
});
