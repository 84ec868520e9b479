import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import { applyMapping, type Webhook } from '../../src/runtime/mapping/apply-mapping.js';
import type { Mapping } from '../../src/runtime/mapping/define-mapping.js';
import { BUILTIN_SAMPLES, getVariants } from '../../src/samples/index.js';
import { FIXTURES } from '../support/fixtures.js';
import { makeWebhook, runSnippet } from '../support/run-snippet.js';

const MAPPINGS = [
  'mappings/basic.ts', 'mappings/passthrough.ts', 'mappings/modern-syntax.ts',
  'seeds/customer-io-payment.ts', 'seeds/customer-io-subscription.ts', 'seeds/customer-io-identify.ts',
  'seeds/segment-payment.ts', 'seeds/segment-subscription.ts', 'seeds/segment-identify.ts',
];

/** Every built-in sample and every variant of it: 48 events, several shapes each. */
const INPUTS = EVENT_TYPES.flatMap((type) => getVariants(BUILTIN_SAMPLES[type]).map((v) => ({ label: `${type}/${v.name}`, event: v.event })));

async function directResult(file: string, webhook: Record<string, unknown>): Promise<unknown> {
  const mapping = ((await import(join(FIXTURES, file))) as { default: Mapping }).default;
  try {
    return JSON.parse(JSON.stringify(applyMapping(mapping, structuredClone(webhook) as Webhook)));
  } catch (error) {
    return { threw: (error as Error).constructor.name };
  }
}

function snippetResult(code: string, webhook: Record<string, unknown>): unknown {
  try {
    return runSnippet(code, webhook);
  } catch (error) {
    // Errors from the VM realm are not instanceof the host's Error: compare by constructor name.
    return { threw: (error as Error).constructor.name };
  }
}

describe('differential: compiled snippet vs the TypeScript mapping called directly', () => {
  it('uses a broad input set', () => {
    expect(INPUTS.length).toBeGreaterThan(48 * 3);
  });

  for (const target of ['es2020', 'es2015'] as const) {
    it.each(MAPPINGS)(`%s (${target}) agrees on every sample and variant`, async (file) => {
      const { snippets, findings } = await compile({ root: FIXTURES, mappings: [join(FIXTURES, file)], target, typecheck: false });
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      const code = snippets[0]?.code ?? '';
      let handled = 0;
      for (const { label, event } of INPUTS) {
        const webhook = makeWebhook(event as { type: string }, { API_KEY: 'k_test' });
        const expected = await directResult(file, webhook);
        expect(snippetResult(code, webhook), label).toEqual(expected);
        if (JSON.stringify(expected) !== JSON.stringify(webhook)) handled++;
      }
      // The comparison must have exercised the mapping, not just unchanged passthroughs.
      expect(handled).toBeGreaterThan(0);
    });
  }

  it('dispatches only on own event keys (no prototype lookups)', async () => {
    const source = await readFile(join(FIXTURES, 'mappings/basic.ts'), 'utf8');
    expect(source).not.toContain('constructor');
    const { snippets } = await compile({ root: FIXTURES, mappings: [join(FIXTURES, 'mappings/basic.ts')], typecheck: false });
    const result = runSnippet(snippets[0]?.code ?? '', { method: 'POST', url: 'https://x.example', eventType: 'constructor', payload: {} });
    expect(result).toEqual({ method: 'POST', url: 'https://x.example', eventType: 'constructor', payload: {}, cancel: true });
  });
});
