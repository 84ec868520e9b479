import { afterAll, describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../src/destinations/registry.js';
import { createSandbox } from '../../src/sandbox/index.js';
import { listTemplateNames } from '../../src/templates/list-templates.js';
import { compareStrings } from '../../src/util/compare.js';
import { fromCompiled } from '../../src/validate/from-compiled.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { REPO_ROOT } from '../support/fixtures.js';
import { makeWebhook, runSnippet } from '../support/run-snippet.js';
import { BUILTIN_SAMPLES } from '../../src/samples/index.js';
import { getTemplateCatalog } from '../../src/templates/catalog.js';
import { CARD_URL_DESTINATIONS, DESTINATION_IDS } from '../../src/runtime/mapping/destination-ids.js';
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

  it.each(names)('%s: declares its destination, and keeps the card\'s URL where the card supplies it', (name) => {
    const snippet = compiledTemplates().snippets.find((s) => s.name === name)!;
    const destination = DESTINATIONS.find((d) => d.id === name)!;
    expect(snippet.destination).toBe(name);
    expect(snippet.code).toContain(`// Destination: ${name}.`);
    const url = runSnippet(snippet.code, makeWebhook(BUILTIN_SAMPLES['payment.succeeded'])) as { url?: string; cancel?: boolean };
    if (destination.urlFrom === 'card') {
      // Pasted into the card, the snippet must send where the user's URL points, never elsewhere.
      expect(url.url).toBe('https://endpoint.example.com/original');
    } else {
      expect(url.cancel === true || url.url !== 'https://endpoint.example.com/original').toBe(true);
    }
  });
});

describe('the template list', () => {
  it('says where each template\'s URL comes from, as its destination declares', () => {
    const catalog = getTemplateCatalog();
    expect(catalog.filter((t) => t.urlFrom === 'card').map((t) => t.name)).toEqual(DESTINATIONS.filter((d) => d.urlFrom === 'card').map((d) => d.id).sort(compareStrings));
    expect(CARD_URL_DESTINATIONS).toEqual(DESTINATIONS.filter((d) => d.urlFrom === 'card').map((d) => d.id).sort(compareStrings));
    expect([...DESTINATION_IDS]).toEqual(DESTINATIONS.map((d) => d.id).sort(compareStrings));
  });
});
