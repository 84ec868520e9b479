import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, CacheStore, MAX_AGE_MS } from '../../src/cache/cache-store.js';

const isNumber = (v: unknown): v is number => typeof v === 'number';

describe('CacheStore', () => {
  it('keeps the newest entries within its bounds and removes old ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-store-'));
    const warnings: string[] = [];
    const store = new CacheStore({ dir, warn: (m) => warnings.push(m), maxEntries: 3 });
    for (let i = 0; i < 5; i++) await store.write(`k${i}`, i);
    const folder = join(dir, CACHE_FORMAT);
    const now = Date.now();
    // k0 is older than the age limit; k1…k4 one minute apart, k4 the newest.
    await utimes(join(folder, 'k0.json'), new Date(now - MAX_AGE_MS - 1000), new Date(now - MAX_AGE_MS - 1000));
    for (let i = 1; i < 5; i++) await utimes(join(folder, `k${i}.json`), new Date(now - (5 - i) * 60_000), new Date(now - (5 - i) * 60_000));
    // A temporary file a killed run left behind, an hour ago.
    await writeFile(join(folder, 'k9.json.123.0.tmp'), '{');
    await utimes(join(folder, 'k9.json.123.0.tmp'), new Date(now - 3_600_000), new Date(now - 3_600_000));
    await store.prune(now);
    expect((await readdir(folder)).sort()).toEqual(['k2.json', 'k3.json', 'k4.json']);
    expect(await store.read('k4', isNumber)).toBe(4);
    expect(await store.read('k0', isNumber)).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('reads back only what it wrote under that key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-store-'));
    const warnings: string[] = [];
    const store = new CacheStore({ dir, warn: (m) => warnings.push(m) });
    await store.write('a', { n: 1 });
    expect(await store.read('a', (v): v is { n: number } => typeof v === 'object' && v !== null)).toEqual({ n: 1 });
    // The right JSON under the wrong name (a copied file) is not taken for it.
    await writeFile(join(dir, CACHE_FORMAT, 'b.json'), JSON.stringify({ key: 'a', data: { n: 1 } }));
    expect(await store.read('b', (v): v is unknown => true)).toBeUndefined();
    expect(await store.read('missing', (v): v is unknown => true)).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });
});
