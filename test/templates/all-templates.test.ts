import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { listTemplateNames } from '../../src/templates/list-templates.js';
import { fromCompiled } from '../../src/validate/from-compiled.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { REPO_ROOT } from '../support/fixtures.js';

const sandbox = createSandbox();
afterAll(() => sandbox.close());
const names = listTemplateNames();
const compiled = compile({ root: REPO_ROOT, mappings: names.map((n) => `templates/${n}.ts`) });
const reference = compile({ root: REPO_ROOT, mappings: names.map((n) => `templates/${n}.ts`), target: 'es2022', typecheck: false });

describe('every built-in template', () => {
  it('there is one per documented integration', () => {
    expect(names).toEqual([
      'autosend', 'close-crm', 'customer-io', 'datafast', 'discord', 'dub', 'hubspot', 'inngest', 'keplars', 'loops',
      'mailerlite', 'microsoft-teams', 'n8n', 'resend', 'segment', 'sendgrid', 'slack', 'windmill', 'zapier',
    ]);
  });

  it('compiles with the type check and no finding at all', async () => {
    const { findings, snippets } = await compiled;
    expect(findings).toEqual([]);
    expect(snippets.map((s) => s.name)).toEqual(names);
  });

  it.each(names)('%s: its snippet matches the committed file', async (name) => {
    const snippet = (await compiled).snippets.find((s) => s.name === name);
    await expect(snippet?.code).toMatchFileSnapshot(`../__snapshots__/templates/${name}.js`);
  });

  it.each(names)('%s: validates clean on every sample and variant, and agrees with its unlowered build', async (name) => {
    const snippet = (await compiled).snippets.find((s) => s.name === name)!;
    const ref = (await reference).snippets.find((s) => s.name === name)!;
    const { inputs } = await getSampleInputs({ root: REPO_ROOT });
    const report = await validateSnippet(fromCompiled(REPO_ROOT, snippet, ref.code), { inputs, sandbox });
    expect(report.findings).toEqual([]);
    // It must send something: a template that cancelled every event would pass vacuously.
    expect(report.summary.reduce((n, e) => n + e.passed, 0)).toBeGreaterThan(0);
  });
});
