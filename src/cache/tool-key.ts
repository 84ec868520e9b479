import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOOL_ROOT, TOOL_VERSION } from '../util/tool-info.js';
import { hashParts } from './hash.js';

let memo: string | undefined;

/**
 * What identifies this build of the tool in cache keys: its version, the bytes of its own code
 * (a rebuilt tool invalidates everything, even under the same version), the runtime modules
 * bundled into snippets, its package.json (which pins esbuild, TypeScript and the SDK types),
 * the native compiler's version and Node's (the sandbox's V8).
 */
export function getToolKey(): string {
  memo ??= computeToolKey();
  return memo;
}

function computeToolKey(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // Bundled (dist/*.js) or run from the sources (tests, a checkout): the code that runs, the
  // declarations the type check reads (not the public API's, which no result depends on) and
  // the runtime modules bundled into snippets.
  const bundled = relative(TOOL_ROOT, here).split(sep)[0] === 'dist';
  const dist = join(TOOL_ROOT, 'dist');
  const files = bundled
    ? [...listFiles(dist).filter((f) => !f.startsWith(join(dist, 'types') + sep)), ...listFiles(join(dist, 'types', 'runtime'))]
    : listFiles(join(TOOL_ROOT, 'src'));
  if (bundled) files.push(...listFiles(join(TOOL_ROOT, 'src', 'runtime')));
  const parts: (string | Uint8Array)[] = [TOOL_VERSION, process.version, readFileSync(join(TOOL_ROOT, 'package.json')), compilerVersions()];
  for (const file of files) parts.push(relative(TOOL_ROOT, file), readFileSync(file));
  return hashParts(parts).slice(0, 32);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** The compilers' versions: the native one ships in a per-platform package whose version may differ from typescript's. */
function compilerVersions(): string {
  const parts: string[] = [];
  const require = createRequire(join(TOOL_ROOT, 'package.json'));
  for (const name of [`@typescript/typescript-${process.platform}-${process.arch}/package.json`, 'typescript/package.json', 'esbuild/package.json']) {
    try {
      parts.push(name, (JSON.parse(readFileSync(require.resolve(name), 'utf8')) as { version?: string }).version ?? '');
    } catch {
      parts.push(name, 'none');
    }
  }
  return parts.join(' ');
}
