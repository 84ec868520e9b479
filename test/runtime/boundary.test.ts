import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures.js';

// src/runtime/ is what a snippet may bundle: its code runs in the webhook runtime, which has no Node APIs.
const RUNTIME = join(REPO_ROOT, 'src', 'runtime');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const inRuntime = (path: string) => path === RUNTIME || path.startsWith(RUNTIME + sep);

describe('src/runtime/, the code snippets are bundled from', () => {
  it('never names a Node built-in, even for types', () => {
    const offenders = files(RUNTIME).filter((f) => /['"]node:|\brequire\s*\(|\bprocess\.|\bBuffer\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(REPO_ROOT, f))).toEqual([]);
  });

  it('imports code only from inside src/runtime/ (type-only imports are erased and may look outside)', async () => {
    const outside: string[] = [];
    const sources = files(RUNTIME).filter((f) => !f.endsWith('.d.ts'));
    await build({
      entryPoints: sources, bundle: true, write: false, outdir: 'out', format: 'esm', platform: 'neutral', logLevel: 'silent',
      plugins: [{
        name: 'record-imports',
        setup(b) {
          // esbuild drops `import type` and type-only specifiers before resolving, so what arrives here is code.
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point') return undefined;
            const target = args.path.startsWith('.') ? resolve(args.resolveDir, args.path) : args.path;
            if (!args.path.startsWith('.') || !inRuntime(target)) outside.push(`${relative(REPO_ROOT, args.importer)} → ${args.path}`);
            return { path: args.path, external: true };
          });
        },
      }],
    });
    expect(sources.length).toBeGreaterThan(20);
    expect(outside).toEqual([]);
  });
});
