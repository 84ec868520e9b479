// compile(): mapping files → snippets + findings. Pure apart from reading sources.
//
//   typecheck (native tsc, one run for all) ─┐
//   bundle (esbuild, in memory, one run) ────┼→ per mapping: analyze → inspect → emit → size check
//                                             ┘
import { readFile } from 'node:fs/promises';
import type { Context } from 'node:vm';
import { basename, extname, resolve } from 'node:path';
import { parse } from 'acorn';
import { analyzeProgram } from '../analyze/analyze-code.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { toProjectPath } from '../util/path.js';
import { TOOL_VERSION } from '../util/tool-info.js';
import { bundleMappings, type BundledMapping } from './bundle.js';
import { emitSnippet, formatHeader, getBodyOffset } from './emit-snippet.js';
import { createInspectContext, inspectMapping } from './inspect-mapping.js';
import { createPositionMapper } from './map-position.js';
import { hashSources } from './source-hash.js';
import { splitExports } from './split-exports.js';
import { DEFAULT_TARGET, MAX_SNIPPET_CHARS, type Target } from './targets.js';
import { typecheck as runTypecheck } from './typecheck.js';

export interface CompileOptions {
  /** Project root: source paths in snippets and findings are relative to it. */
  root: string;
  /** Mapping files, absolute or relative to `root`. Order does not matter. */
  mappings: readonly string[];
  /** @default "es2020" */
  target?: Target;
  /** @default false */
  minify?: boolean;
  /**
   * Whether to type-check, or the result of a check the caller already started
   * (`startTypecheck`) so tsc runs while the rest of the compiler is still loading.
   * @default true
   */
  typecheck?: boolean | Promise<Finding[]>;
}

export interface CompiledSnippet {
  /** File name stem of the mapping: `mappings/segment.ts` → `segment`. */
  name: string;
  /** Project path of the mapping. */
  source: string;
  /** The snippet, ready to paste. */
  code: string;
  events: string[];
  otherEvents: 'cancel' | 'passthrough';
  hash: string;
  /** Project paths of the user's sources bundled into it (the mapping and its helpers). */
  inputs: string[];
  /** esbuild's source map of the snippet body, and where that body starts in the snippet. */
  sourceMap: string;
  bodyOffset: { lines: number; columns: number };
}

export interface CompileResult {
  snippets: CompiledSnippet[];
  findings: Finding[];
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  const root = resolve(options.root);
  const target = options.target ?? DEFAULT_TARGET;
  const minify = options.minify ?? false;
  // Sorted by project path so results never depend on the order files were given in.
  const files = [...new Set(options.mappings.map((m) => resolve(root, m)))]
    .sort((a, b) => (toProjectPath(root, a) < toProjectPath(root, b) ? -1 : 1));

  const [typeFindings, bundled] = await Promise.all([
    options.typecheck === false ? Promise.resolve([])
      : options.typecheck === true || options.typecheck === undefined ? runTypecheck({ root, files, target }) : options.typecheck,
    bundleMappings({ root, files, target, minify }),
  ]);
  const findings: Finding[] = [...typeFindings, ...bundled.findings];
  const snippets: CompiledSnippet[] = [];
  const inspectContext = createInspectContext();
  for (const bundle of bundled.bundles) {
    const result = await finishSnippet(root, bundle, minify, inspectContext);
    findings.push(...result.findings);
    if (result.snippet) snippets.push(result.snippet);
  }
  findings.push(...findDuplicateNames(snippets));
  return { snippets, findings: sortFindings(findings) };
}

async function finishSnippet(root: string, bundle: BundledMapping, minify: boolean, inspectContext: Context): Promise<{ snippet?: CompiledSnippet; findings: Finding[] }> {
  const source = toProjectPath(root, bundle.file);
  const mapPosition = createPositionMapper(root, bundle.sourceMap);
  // Parsed once: the analysis and the export splitting share the tree.
  const ast = parse(bundle.code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  const findings: Finding[] = analyzeProgram(ast).map((issue) => {
    const { line: _line, column: _column, ...rest } = issue;
    return { ...rest, ...(mapPosition(issue.line, issue.column) ?? { file: source }) };
  });

  const module = splitExports(bundle.code, ast);
  const sources = await readSources(root, bundle.inputBytes);
  const mappingName = module.exports['mapping'] ?? '';
  const inspected = inspectMapping({ body: module.body, mappingName, file: source, sourceText: sources.get(source) ?? '' }, inspectContext);
  findings.push(...inspected.findings);
  if (!inspected.info) return { findings };
  if (module.topLevelNames.has('webhook')) {
    findings.push({ code: 'invalid-mapping', severity: 'error', file: source, message: 'a top-level declaration named `webhook` would hide the handler\'s parameter; rename it' });
    return { findings };
  }

  const hash = hashSources(sources);
  const header = formatHeader({ toolVersion: TOOL_VERSION, source, hash, ...inspected.info });
  const code = emitSnippet(module, header, minify);
  if (code.length > MAX_SNIPPET_CHARS) findings.push(tooLarge(source, code.length, bundle.inputBytes));
  return {
    snippet: {
      name: basename(bundle.file, extname(bundle.file)),
      source,
      code,
      events: inspected.info.events,
      otherEvents: inspected.info.otherEvents,
      hash,
      inputs: [...sources.keys()].sort(),
      sourceMap: bundle.sourceMap,
      bodyOffset: getBodyOffset(header, minify),
    },
    findings,
  };
}

/** The user's own sources of one bundle (the tool's virtual modules are not theirs to hash). */
async function readSources(root: string, inputBytes: Record<string, number>): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const input of Object.keys(inputBytes)) {
    if (input.includes(':')) continue;
    const path = toProjectPath(root, resolve(root, input));
    sources.set(path, await readFile(resolve(root, input), 'utf8'));
  }
  return sources;
}

function tooLarge(source: string, length: number, inputBytes: Record<string, number>): Finding {
  const largest = Object.entries(inputBytes).sort((a, b) => b[1] - a[1]).slice(0, 5);
  return {
    code: 'snippet-too-large',
    severity: 'error',
    file: source,
    message: `the snippet has ${length} characters; the runtime accepts at most ${MAX_SNIPPET_CHARS}. Largest parts:`,
    details: largest.map(([input, bytes]) => `${input.replace(/^dodo-transform:/, 'dodo-transform/')}: ${bytes} bytes`),
  };
}

function findDuplicateNames(snippets: readonly CompiledSnippet[]): Finding[] {
  const byName = new Map<string, string[]>();
  for (const s of snippets) byName.set(s.name, [...(byName.get(s.name) ?? []), s.source]);
  return [...byName].filter(([, sources]) => sources.length > 1).map(([name, sources]) => ({
    code: 'duplicate-name' as const,
    severity: 'error' as const,
    file: sources[1],
    message: `${sources.join(' and ')} would both be written as ${name}.js; rename one`,
  }));
}
