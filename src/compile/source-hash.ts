import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { toProjectPath } from '../util/path.js';

/**
 * Hash of a mapping's own sources (not the tool's), keyed by project path.
 * CRLF is folded to LF so a Windows checkout hashes like a Unix one.
 */
export function hashSources(sources: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [...sources.keys()].sort()) {
    hash.update(path).update('\0').update((sources.get(path) ?? '').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The user's files a bundle read (the tool's own virtual modules have a `:` in their name), by project path. */
export async function readSources(root: string, inputBytes: Record<string, number>): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const input of Object.keys(inputBytes)) {
    if (input.includes(':')) continue;
    const path = toProjectPath(root, resolve(root, input));
    sources.set(path, await readFile(resolve(root, input), 'utf8'));
  }
  return sources;
}

/**
 * The source hash a snippet of `file` made now would carry in its header, or undefined when the
 * mapping does not bundle. Bundling only: esbuild finds the helpers it imports.
 */
export async function currentSourceHash(root: string, file: string): Promise<string | undefined> {
  const { bundleMappings } = await import('./bundle.js');
  const { bundles } = await bundleMappings({ root, files: [file], target: 'es2020', minify: false });
  const [bundle] = bundles;
  return bundle ? hashSources(await readSources(root, bundle.inputBytes)) : undefined;
}
