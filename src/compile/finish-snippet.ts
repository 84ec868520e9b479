// The per-mapping end of compile(): analysis, shape inspection, emission and the size check.
// Its own module, loaded with import() by compile() so that acorn and the rest load while tsc and
// esbuild are already working.
import { readFile } from 'node:fs/promises';
import { basename, extname, resolve } from 'node:path';
import type { Context } from 'node:vm';
import { parse } from 'acorn';
import { analyzeProgram } from '../analyze/analyze-code.js';
import type { Finding } from '../findings/finding.js';
import { toProjectPath } from '../util/path.js';
import { TOOL_VERSION } from '../util/tool-info.js';
import type { BundledMapping } from './bundle.js';
import type { CompiledSnippet } from './compile.js';
import { emitSnippet, formatHeader, getBodyOffset } from './emit-snippet.js';
import { inspectMapping } from './inspect-mapping.js';
import { createPositionMapper } from './map-position.js';
import { hashSources } from './source-hash.js';
import { splitExports } from './split-exports.js';
import { MAX_SNIPPET_CHARS } from './targets.js';

export { createInspectContext } from './inspect-mapping.js';

export async function finishSnippet(root: string, bundle: BundledMapping, minify: boolean, inspectContext: Context): Promise<{ snippet?: CompiledSnippet; findings: Finding[] }> {
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

