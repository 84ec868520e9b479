import { basename, extname, resolve } from 'node:path';
import type { ProjectCache } from '../cache/project-cache.js';
import { compile, compileDeferred, type CompiledSnippet } from '../compile/compile.js';
import { sortFindings } from '../findings/finding.js';
import { REFERENCE_TARGET } from '../compile/targets.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Finding } from '../findings/finding.js';
import type { Sandbox } from '../sandbox/index.js';
import { MAX_SNIPPET_CHARS } from '../compile/targets.js';
import { toProjectPath } from '../util/path.js';
import { readBounded } from '../util/user-files.js';
import { fromCompiled } from '../validate/from-compiled.js';
import { readDeclaredDestination } from '../compile/emit-snippet.js';
import type { SnippetUnderTest } from '../validate/validate-snippets.js';

export interface PreparedSnippets {
  snippets: SnippetUnderTest[];
  compiled: CompiledSnippet[];
  findings: Finding[];
}

/** Snippets ready to run while the type check may still be going (see compileDeferred). */
export interface DeferredPreparedSnippets extends PreparedSnippets {
  typeFindings: Promise<Finding[]>;
}

/**
 * `.js` files are taken as pasted snippets (static checks only here); `.ts` files
 * are compiled with the project's settings, plus an unlowered reference build.
 */
export async function prepareSnippets(root: string, files: readonly string[], config: ResolvedConfig, sandbox?: Sandbox, cache?: ProjectCache): Promise<PreparedSnippets> {
  const { typeFindings, ...prepared } = await prepareSnippetsDeferred(root, files, config, sandbox, cache);
  return { ...prepared, findings: sortFindings([...prepared.findings, ...await typeFindings]) };
}

/** prepareSnippets(), returning before the type check ends; the caller must await `typeFindings`. */
export async function prepareSnippetsDeferred(root: string, files: readonly string[], config: ResolvedConfig, sandbox?: Sandbox, cache?: ProjectCache): Promise<DeferredPreparedSnippets> {
  const mappings = files.filter((f) => /\.(c|m)?ts$/.test(f));
  const scripts = files.filter((f) => !mappings.includes(f));
  const findings: Finding[] = [];
  const snippets: SnippetUnderTest[] = [];
  for (const file of scripts) {
    const path = toProjectPath(root, resolve(root, file));
    const loaded = await readSnippetFile(resolve(root, file), path);
    findings.push(...loaded.findings);
    if (loaded.code !== undefined) snippets.push(handWrittenSnippet(path, loaded.code));
  }
  let compiled: CompiledSnippet[] = [];
  let typeFindings: Promise<Finding[]> = Promise.resolve([]);
  if (mappings.length > 0) {
    const result = await compileDeferred({ root, mappings, target: config.target, minify: config.minify, typecheck: config.typecheck, ...(sandbox && { sandbox }), ...(cache && { cache }) });
    // After the build: a mapping that lowering leaves unchanged (most of them) is not finished twice.
    const reference = await compile({ root, mappings, target: REFERENCE_TARGET, minify: false, typecheck: false, ...(sandbox && { sandbox }), ...(cache && { cache }), ...(!config.minify && result.made && { sameAs: result.made }) });
    findings.push(...result.findings);
    typeFindings = result.typeFindings;
    compiled = result.snippets;
    for (const snippet of result.snippets) {
      const ref = reference.snippets.find((r) => r.source === snippet.source);
      snippets.push(fromCompiled(root, snippet, ref?.code));
    }
  }
  return { snippets, compiled, findings, typeFindings };
}

/** A `.js` snippet to validate, with the destination its header names, if any. */
export function handWrittenSnippet(path: string, code: string): SnippetUnderTest {
  const destination = readDeclaredDestination(code);
  return { file: path, name: basename(path, extname(path)), code, ...(destination !== undefined && { destination }) };
}

/**
 * A hand-written snippet, read as a regular file of bounded size: one over the runtime's limit
 * is reported as too large without being parsed or run.
 */
export async function readSnippetFile(absolute: string, path: string): Promise<{ code?: string; findings: Finding[] }> {
  // A character takes at most 4 bytes: more bytes than that cannot fit the limit.
  const read = await readBounded(absolute, MAX_SNIPPET_CHARS * 4);
  if (read.truncated || read.text.length > MAX_SNIPPET_CHARS) {
    const size = read.truncated ? `${read.bytes} bytes` : `${read.text.length} characters`;
    return { findings: [{ code: 'snippet-too-large', severity: 'error', file: path, message: `the snippet has ${size}; the runtime accepts at most ${MAX_SNIPPET_CHARS} characters (not parsed or run)` }] };
  }
  // Loaded when there is a snippet to check (see check-project.ts).
  const { checkSnippetSource } = await import('../validate/check-source.js');
  return { code: read.text, findings: checkSnippetSource(read.text, path) };
}
