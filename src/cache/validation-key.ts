import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SnippetUnderTest } from '../validate/validate-snippets.js';
import { toProjectPath } from '../util/path.js';
import { hashParts } from './hash.js';

export interface ValidationContext {
  /** Digest of every sample run, in order: built-in samples and variants, the user's, with env. */
  inputs: string;
  /** The project root: the key holds paths relative to it, so a moved checkout keeps its cache. */
  root: string;
  /** The golden folder (absolute), when results are compared with expected outputs. */
  goldenDir?: string;
  timeoutMs?: number;
}

/**
 * Everything a snippet's report depends on besides the tool: its text, its reference, how its
 * positions map to the TypeScript, the samples and the expected outputs of its name. Undefined
 * when positions are mapped by a function the key cannot see.
 */
export async function snippetParts(snippet: SnippetUnderTest, context: ValidationContext): Promise<string[] | undefined> {
  if (snippet.mapPosition && snippet.mapPositionKey === undefined) return undefined;
  return [
    'validate', snippet.file, snippet.name, snippet.code, snippet.reference ?? '\0none', snippet.destination ?? '\0none',
    snippet.mapPositionKey ?? '\0none', context.inputs, String(context.timeoutMs ?? 'default'),
    context.goldenDir === undefined ? '\0none' : toProjectPath(context.root, context.goldenDir), context.goldenDir === undefined ? '' : await goldenDigest(join(context.goldenDir, snippet.name)),
  ];
}

/** The expected outputs a snippet's run is compared with: `<golden dir>/<name>/*.json`. */
async function goldenDigest(dir: string): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return 'none';
  }
  const parts: (string | Uint8Array)[] = [];
  for (const name of names) {
    try {
      parts.push(name, await readFile(join(dir, name)));
    } catch {
      parts.push(name, '\0unreadable');
    }
  }
  return hashParts(parts);
}
