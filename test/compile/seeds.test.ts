import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../src/samples/index.js';
import { FIXTURES } from '../support/fixtures.js';
import { makeWebhook, runSnippet } from '../support/run-snippet.js';

const SEEDS = ['customer-io-payment', 'customer-io-subscription', 'customer-io-identify', 'segment-payment', 'segment-subscription', 'segment-identify'];

describe('the six vendor seed snippets, re-expressed as mappings', () => {
  it.each(SEEDS)('%s: the compiled mapping sends the same request as the hand-written snippet', async (seed) => {
    const handWritten = await readFile(join(FIXTURES, 'seeds', `${seed}.js`), 'utf8');
    const { snippets, findings } = await compile({ root: FIXTURES, mappings: [join(FIXTURES, 'seeds', `${seed}.ts`)] });
    expect(findings).toEqual([]);
    const compiled = snippets[0]?.code ?? '';
    let rewritten = 0;
    for (const type of EVENT_TYPES) {
      for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
        const webhook = makeWebhook(variant.event as { type: string });
        const expected = runSnippet(handWritten, webhook);
        expect(runSnippet(compiled, webhook), `${type}/${variant.name}`).toEqual(expected);
        if ((expected as { url: string }).url !== webhook['url']) rewritten++;
      }
    }
    expect(rewritten).toBeGreaterThan(0);
  });
});
