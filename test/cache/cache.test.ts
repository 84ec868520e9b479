// The cache answers exactly what did not change: each edit below re-does the work that read the
// edited bytes and nothing else, and the report is always the one an uncached run gives.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProjectCache, type CacheStats } from '../../src/cache/project-cache.js';
import { main } from '../../src/cli/main.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import { checkProject } from '../../src/project/check-project.js';
import { findMappings } from '../../src/project/find-mappings.js';
import { BUILTIN_SAMPLES } from '../../src/samples/index.js';

const A = `import { defineMapping } from 'dodo-transform';
import { label } from './lib/label';

export default defineMapping({
  url: 'https://hooks.acme-shop.io/a',
  events: {
    'payment.succeeded': (event) => ({ payload: { id: event.data.payment_id, label: label(event.data.currency) } }),
  },
});
`;
const B = `import { defineMapping } from 'dodo-transform';

export default defineMapping({
  url: 'https://hooks.acme-shop.io/b',
  events: {
    // \`??\` is lowered for es2015: the target changes this snippet's text, not a's.
    'refund.succeeded': (event) => ({ payload: { refund: (event.data.refund_id as string | undefined) ?? 'none', note: 'B' } }),
  },
});
`;
const LABEL = `export function label(currency: string): string {
  return 'paid in ' + currency;
}
`;
const CONFIG = `import { defineConfig } from 'dodo-transform';

export default defineConfig({
  mappings: ['mappings/*.ts'],
});
`;

/** A project of two mappings (one with a helper) and one sample file, checked once: its cache is warm. */
let warm: string;

beforeAll(async () => {
  warm = await mkdtemp(join(tmpdir(), 'dodo-transform-cache-'));
  await mkdir(join(warm, 'mappings', 'lib'), { recursive: true });
  await mkdir(join(warm, 'samples', 'payment.succeeded'), { recursive: true });
  await writeFile(join(warm, 'package.json'), '{"name":"cache-test","private":true}\n');
  await writeFile(join(warm, 'dodo-transform.config.ts'), CONFIG);
  await writeFile(join(warm, 'mappings', 'a.ts'), A);
  await writeFile(join(warm, 'mappings', 'b.ts'), B);
  await writeFile(join(warm, 'mappings', 'lib', 'label.ts'), LABEL);
  await writeFile(join(warm, 'samples', 'payment.succeeded', 'mine.json'), JSON.stringify(BUILTIN_SAMPLES['payment.succeeded'], null, 2));
  const cold = await check(warm);
  // Two mappings compiled (their unlowered references bundle to the same code: taken from the snippets), one program type-checked, two snippets run.
  expect(cold.stats).toEqual(stats({ compiled: 2, typechecked: 1, validated: 2 }));
  expect(cold.warnings).toEqual([]);
}, 120_000);

/** A copy of the warm project, cache included (entries name project paths, never absolute ones). */
async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-cache-'));
  await cp(warm, dir, { recursive: true });
  return dir;
}

function stats(partial: Partial<CacheStats>): CacheStats {
  return { compiled: 0, compileHits: 0, typechecked: 0, typecheckHits: 0, validated: 0, validationHits: 0, ...partial };
}

const ALL_HITS = stats({ compileHits: 4, typecheckHits: 1, validationHits: 2 });

async function check(dir: string, options: { toolKey?: string; cacheDir?: string; cache?: false } = {}) {
  const config = await resolveConfig({ cwd: dir });
  const mappings = await findMappings(config.root, config.mappings);
  const warnings: string[] = [];
  const cache = options.cache === false ? undefined
    : new ProjectCache({ root: config.root, warn: (m) => warnings.push(m), toolKey: options.toolKey ?? 'tool-1', ...(options.cacheDir && { dir: options.cacheDir }) });
  const result = await checkProject({ config, mappings, ...(cache && { cache }) });
  await cache?.close();
  return { report: result.report, stats: result.stats, warnings };
}

/** What a user sees of a report (paths are relative, so copies of one project compare equal). */
const shown = (r: Awaited<ReturnType<typeof check>>) => ({ findings: r.report.findings, summaries: r.report.summaries });

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('the check cache', () => {
  it('answers an unchanged project entirely, with the report an uncached run gives', async () => {
    const dir = await project();
    const cached = await check(dir);
    expect(cached.stats).toEqual(ALL_HITS);
    const uncached = await check(dir, { cache: false });
    expect(uncached.stats).toBeUndefined();
    expect(shown(cached)).toEqual(shown(uncached));
    // Not vacuous: the samples ran and were summarised (b has no committed snippet: that is a finding).
    expect(cached.report.summaries.map((s) => s.file)).toEqual(['mappings/a.ts', 'mappings/b.ts']);
    expect(cached.report.findings.map((f) => f.code)).toContain('missing-snippet');
  });

  it('an edited mapping: that mapping is compiled and run again, and the program type-checked', async () => {
    const dir = await project();
    await edit(join(dir, 'mappings', 'b.ts'), "note: 'B'", "note: 'B2'");
    const result = await check(dir);
    expect(result.stats).toEqual(stats({ compiled: 1, compileHits: 2, typechecked: 1, validated: 1, validationHits: 1 }));
    expect(shown(result)).toEqual(shown(await check(dir, { cache: false })));
  });

  it('an edited helper: only the mapping that imports it', async () => {
    const dir = await project();
    await edit(join(dir, 'mappings', 'lib', 'label.ts'), "'paid in '", "'paid in: '");
    const result = await check(dir);
    expect(result.stats).toEqual(stats({ compiled: 1, compileHits: 2, typechecked: 1, validated: 1, validationHits: 1 }));
    expect(JSON.stringify(shown(result))).not.toContain('paid in: ');
    expect(shown(result)).toEqual(shown(await check(dir, { cache: false })));
  });

  it('a new file an import now resolves to counts as an edit of that mapping', async () => {
    const dir = await project();
    // esbuild tries .tsx before .ts: `./lib/label` now means this file.
    await writeFile(join(dir, 'mappings', 'lib', 'label.tsx'), LABEL.replace("'paid in '", "'shadowed '"));
    const result = await check(dir);
    expect(result.stats?.compiled).toBe(1);
    expect(result.stats?.validated).toBe(1);
    expect(shown(result)).toEqual(shown(await check(dir, { cache: false })));
  });

  it('an edited sample: every snippet runs again, nothing is compiled', async () => {
    const dir = await project();
    await edit(join(dir, 'samples', 'payment.succeeded', 'mine.json'), '"currency": "USD"', '"currency": "EUR"');
    const result = await check(dir);
    expect(result.stats).toEqual(stats({ compileHits: 4, typecheckHits: 1, validated: 2 }));
    expect(shown(result)).toEqual(shown(await check(dir, { cache: false })));
  });

  it('the config: a changed option re-does what it affects, a changed comment nothing', async () => {
    const dir = await project();
    const config = join(dir, 'dodo-transform.config.ts');
    await edit(config, "mappings: ['mappings/*.ts'],", "mappings: ['mappings/*.ts'], // the two of them");
    expect((await check(dir)).stats).toEqual(ALL_HITS);

    await edit(config, '// the two of them', "env: { REGION: 'eu' },");
    const env = await check(dir);
    // env changes the runs only.
    expect(env.stats).toEqual(stats({ compileHits: 4, typecheckHits: 1, validated: 2 }));
    expect(shown(env)).toEqual(shown(await check(dir, { cache: false })));

    await edit(config, "env: { REGION: 'eu' },", "env: { REGION: 'eu' }, target: 'es2015',");
    const target = await check(dir);
    // The lowered snippets and the type check change; the unlowered references do not. Only b's
    // text changed (a has nothing to lower): a's run is still the same run.
    expect(target.stats).toEqual(stats({ compiled: 2, compileHits: 2, typechecked: 1, validated: 1, validationHits: 1 }));
    expect(shown(target)).toEqual(shown(await check(dir, { cache: false })));
  });

  it('one cache kept across runs (as a long-lived caller would) still sees an edit between them', async () => {
    const dir = await project();
    const config = await resolveConfig({ cwd: dir });
    const mappings = await findMappings(config.root, config.mappings);
    const cache = new ProjectCache({ root: config.root, warn: () => undefined, toolKey: 'tool-1' });
    expect((await checkProject({ config, mappings, cache })).stats).toEqual(ALL_HITS);
    await edit(join(dir, 'mappings', 'b.ts'), "note: 'B'", "note: 'B3'");
    const second = await checkProject({ config, mappings, cache });
    expect(second.stats).toEqual(stats({ compiled: 1, compileHits: 2, typechecked: 1, validated: 1, validationHits: 1 }));
    await cache.close();
  });

  it('another build of the tool invalidates everything', async () => {
    const dir = await project();
    expect((await check(dir, { toolKey: 'tool-2' })).stats).toEqual(stats({ compiled: 2, typechecked: 1, validated: 2 }));
    expect((await check(dir, { toolKey: 'tool-2' })).stats).toEqual(ALL_HITS);
    // The older build's entries are still there for it.
    expect((await check(dir, { toolKey: 'tool-1' })).stats).toEqual(ALL_HITS);
  });

  it('a corrupt entry is ignored with one warning, and written again', async () => {
    const dir = await project();
    const folder = join(dir, 'node_modules', '.cache', 'dodo-transform', 'v1');
    const names = await readdir(folder);
    expect(names.length).toBeGreaterThan(0);
    // Not JSON, JSON of the wrong shape, an entry under another key: each one a miss.
    await Promise.all(names.map((name, i) => writeFile(join(folder, name),
      i % 3 === 0 ? '{"key": ' : i % 3 === 1 ? JSON.stringify({ key: name.replace(/\.json$/, ''), data: { findings: 'x' } }) : JSON.stringify({ key: 'other', data: {} }))));
    const result = await check(dir);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^ignoring a corrupt cache entry .*; it will be written again$/);
    expect(result.stats).toEqual(stats({ compiled: 2, typechecked: 1, validated: 2 }));
    expect(shown(result)).toEqual(shown(await check(dir, { cache: false })));
    const again = await check(dir);
    expect(again.warnings).toEqual([]);
    expect(again.stats).toEqual(ALL_HITS);
  });

  it('an unwritable cache folder is ignored with one warning', async () => {
    const dir = await project();
    // Under a regular file: no folder can be made there, whoever runs the test (root included).
    const result = await check(dir, { cacheDir: join(dir, 'package.json', 'cache') });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^cannot write the cache in .*package\.json[/\\]cache \(ENOTDIR\); running without it/);
    expect(result.stats).toEqual(stats({ compiled: 2, typechecked: 1, validated: 2 }));
    expect(shown(result)).toEqual(shown(await check(dir, { cache: false })));
  });
});

describe('check --cache-dir / --no-cache', () => {
  const io = (cwd: string) => {
    let err = '';
    return { cwd, env: { NO_COLOR: '1', DODO_TRANSFORM_CACHE_STATS: '1' }, stdout: { write: () => true }, stderr: { write: (t: string) => { err += t; return true; } }, err: () => err };
  };

  it('--no-cache reads and writes nothing; --cache-dir keeps it where it says', async () => {
    const dir = await project();
    await rm(join(dir, 'node_modules'), { recursive: true, force: true });
    const off = io(dir);
    expect(await main(['check', '--no-cache'], off)).toBe(1);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(off.err()).not.toContain('cache:');

    const elsewhere = io(dir);
    expect(await main(['check', '--cache-dir', 'my-cache'], elsewhere)).toBe(1);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect((await readdir(join(dir, 'my-cache', 'v1'))).length).toBeGreaterThan(0);
    expect(elsewhere.err()).toContain(`cache: ${JSON.stringify(stats({ compiled: 2, typechecked: 1, validated: 2 }))}`);

    const again = io(dir);
    expect(await main(['check', '--cache-dir', 'my-cache'], again)).toBe(1);
    expect(again.err()).toContain(`cache: ${JSON.stringify(ALL_HITS)}`);
  });

  it('build keeps its compile for check, and takes --no-cache too', async () => {
    const dir = await project();
    await rm(join(dir, 'node_modules'), { recursive: true, force: true });
    expect(await main(['build', '--no-cache'], io(dir))).toBe(0);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(await main(['build'], io(dir))).toBe(0);
    const after = io(dir);
    expect(await main(['check'], after)).toBe(0);
    // build compiled the snippets; check adds only the unlowered references, and runs them all.
    expect(after.err()).toContain(`cache: ${JSON.stringify(stats({ compiled: 2, compileHits: 2, typecheckHits: 1, validated: 2 }))}`);
  });

  it('generate handler keeps its compile in the project cache: the same snippet again, an edit seen, --no-cache writes nothing', async () => {
    const dir = await project();
    await rm(join(dir, 'node_modules'), { recursive: true, force: true });
    const generate = async (...flags: string[]) => {
      let out = '';
      const run = { ...io(dir), stdout: { write: (t: string) => { out += t; return true; } } };
      expect(await main(['generate', 'handler', 'mappings/a.ts', ...flags], run)).toBe(0);
      return out;
    };
    const uncached = await generate('--no-cache');
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    const first = await generate();
    expect((await readdir(join(dir, 'node_modules', '.cache', 'dodo-transform', 'v1'))).length).toBeGreaterThan(0);
    expect(await generate()).toBe(first);
    expect(first).toBe(uncached);
    await edit(join(dir, 'mappings', 'a.ts'), 'hooks.acme-shop.io/a', 'hooks.acme-shop.io/a-edited');
    expect(await generate()).toContain('hooks.acme-shop.io/a-edited');
  });

  it('an unwritable cache folder: one warning on stderr, no stack trace, the same exit code', async () => {
    const dir = await project();
    const run = io(dir);
    expect(await main(['check', '--cache-dir', 'package.json/cache'], run)).toBe(1);
    const warnings = run.err().split('\n').filter((l) => l.includes('cache in'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^warning: cannot write the cache in /);
    expect(run.err()).not.toMatch(/\n\s+at /);
  });
});
