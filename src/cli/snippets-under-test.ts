import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import { compile, type CompiledSnippet } from '../compile/compile.js';
import { REFERENCE_TARGET } from '../compile/targets.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Finding } from '../findings/finding.js';
import { toProjectPath } from '../util/path.js';
import { checkSnippetSource } from '../validate/check-source.js';
import { fromCompiled } from '../validate/from-compiled.js';
import type { SnippetUnderTest } from '../validate/validate-snippets.js';

export interface PreparedSnippets {
  snippets: SnippetUnderTest[];
  compiled: CompiledSnippet[];
  findings: Finding[];
}

/**
 * `.js` files are taken as pasted snippets (static checks only here); `.ts` files
 * are compiled with the project's settings, plus an unlowered reference build.
 */
export async function prepareSnippets(root: string, files: readonly string[], config: ResolvedConfig): Promise<PreparedSnippets> {
  const mappings = files.filter((f) => /\.(c|m)?ts$/.test(f));
  const scripts = files.filter((f) => !mappings.includes(f));
  const findings: Finding[] = [];
  const snippets: SnippetUnderTest[] = [];
  for (const file of scripts) {
    const code = await readFile(resolve(root, file), 'utf8');
    const path = toProjectPath(root, resolve(root, file));
    findings.push(...checkSnippetSource(code, path));
    snippets.push({ file: path, name: basename(file, extname(file)), code });
  }
  let compiled: CompiledSnippet[] = [];
  if (mappings.length > 0) {
    const [result, reference] = await Promise.all([
      compile({ root, mappings, target: config.target, minify: config.minify, typecheck: config.typecheck }),
      compile({ root, mappings, target: REFERENCE_TARGET, minify: false, typecheck: false }),
    ]);
    findings.push(...result.findings);
    compiled = result.snippets;
    for (const snippet of result.snippets) {
      const ref = reference.snippets.find((r) => r.source === snippet.source);
      snippets.push(fromCompiled(root, snippet, ref?.code));
    }
  }
  return { snippets, compiled, findings };
}
