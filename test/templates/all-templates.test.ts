import { afterAll, describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../src/destinations/registry.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { listTemplateNames } from '../../src/templates/list-templates.js';
import { compareStrings } from '../../src/util/compare.js';
import { fromCompiled } from '../../src/validate/from-compiled.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { compiledTemplates, referenceSnippet } from '../support/templates.js';

const sandbox = createSandbox();
afterAll(() => sandbox.close());
const names = listTemplateNames();

describe('every built-in template', () => {
  it('there is one per documented integration', () => {
    expect(names).toEqual(DESTINATIONS.map((d) => d.id).sort(compareStrings));
  });

  it('compiles with the type check and no finding at all', () => {
    const { findings, snippets } = compiledTemplates();
    expect(findings).toEqual([]);
    expect(snippets.map((s) => s.name)).toEqual(names);
  });

  it.each(names)('%s: its snippet matches the committed file', async (name) => {
    const snippet = compiledTemplates().snippets.find((s) => s.name === name);
    await expect(snippet?.code).toMatchFileSnapshot(`../__snapshots__/templates/${name}.js`);
  });

  it.each(names)('%s: validates clean on every sample and variant, and agrees with its unlowered build', async (name) => {
    const snippet = compiledTemplates().snippets.find((s) => s.name === name)!;
    const ref = referenceSnippet(name)!;
    const { inputs } = await getSampleInputs({ root: REPO_ROOT });
    const report = await validateSnippet(fromCompiled(REPO_ROOT, snippet, ref.code), { inputs, sandbox });
    expect(report.findings).toEqual([]);
    // It must send something: a template that cancelled every event would pass vacuously.
    expect(report.summary.reduce((n, e) => n + e.passed, 0)).toBeGreaterThan(0);
    // Every request goes to the template's own destination.
    expect(report.destinations).toEqual([name]);
  });
});
