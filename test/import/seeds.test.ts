import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSnippet } from '../../src/import/convert-snippet.js';
import { FIXTURES } from '../support/fixtures.js';
import { convertAndCompile, errorsOf, expectSameBehaviour } from './helpers.js';

const SEEDS = ['customer-io-payment', 'customer-io-subscription', 'customer-io-identify', 'segment-payment', 'segment-subscription', 'segment-identify'];
const readSeed = (seed: string) => readFile(join(FIXTURES, 'seeds', `${seed}.js`), 'utf8');

describe('import: the six vendor seed snippets', () => {
  it.each(SEEDS)('%s converts without notes, compiles, and sends the same requests on every sample', async (seed) => {
    const original = await readSeed(seed);
    const converted = await convertAndCompile(original, { name: seed });
    await expect(converted.source).toMatchFileSnapshot(`../__snapshots__/imported/${seed}.ts`);
    expect(converted.notes).toEqual([]);
    expect(errorsOf(converted.findings)).toEqual([]);
    // The seeds return other events unchanged: so must the mapping, not cancel them.
    expect(converted.source).toContain("otherEvents: 'passthrough'");
    expect(expectSameBehaviour(original, converted.compiled)).toBeGreaterThan(0);
  });

  it.each(SEEDS)('%s: one typed handler per event the snippet handled, reading the event, not webhook.payload', async (seed) => {
    const { source } = convertSnippet(await readSeed(seed), { fileName: `${seed}.js` });
    const handlers = [...source.matchAll(/^ {4}'([a-z_]+\.[a-z_]+)': \(event\) =>/gm)].map((m) => m[1]);
    expect(handlers).toEqual(seed.endsWith('subscription') ? ['subscription.active', 'subscription.cancelled'] : ['payment.succeeded']);
    expect(source).not.toContain('webhook');
    expect(source).toMatch(/const [ps] = event\.data;/);
  });

  it('the type checker finds nothing wrong in the converted seeds: their bugs are in values, not in types', async () => {
    for (const seed of SEEDS) {
      const { findings } = await convertAndCompile(await readSeed(seed), { name: seed, typecheck: true });
      expect(findings, seed).toEqual([]);
    }
  });
});
