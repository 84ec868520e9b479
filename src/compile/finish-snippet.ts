// The per-mapping end of compile(): analysis, shape inspection, emission and the size check.
// Its own module, loaded with import() by compile() so that acorn and the rest load while tsc and
// esbuild are already working.
import { basename, dirname, extname, resolve } from 'node:path';
import { parse } from 'acorn';
import { analyzeProgram } from '../analyze/analyze-code.js';
import type { Finding } from '../findings/finding.js';
import type { Sandbox } from '../sandbox/index.js';
import { isRealInside, toProjectPath, unsafePathReason } from '../util/path.js';
import { TOOL_VERSION } from '../util/tool-info.js';
import type { BundledMapping } from './bundle.js';
import type { CompiledSnippet } from './compile.js';
import { emitSnippet, formatHeader, getBodyOffset } from './emit-snippet.js';
import { readSources } from './source-hash.js';
import { TEMPLATES_DIR } from '../templates/list-templates.js';
import { inspectMapping } from './inspect-mapping.js';
import { findCredentialLiterals, isStackOverflow } from '../validate/check-source.js';
import { createPositionMapper } from './map-position.js';
import { hashSources } from './source-hash.js';
import { splitExports } from './split-exports.js';
import { MAX_SNIPPET_CHARS } from './targets.js';

export async function finishSnippet(root: string, bundle: BundledMapping, minify: boolean, sandbox: Sandbox): Promise<{ snippet?: CompiledSnippet; findings: Finding[] }> {
  const source = toProjectPath(root, bundle.file);
  const mapPosition = createPositionMapper(root, bundle.sourceMap);
  // Parsed once: the analysis and the export splitting share the tree.
  let ast;
  try {
    ast = parse(bundle.code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
  } catch (error) {
    return { findings: [unparsable(error, source, mapPosition)] };
  }
  let findings: Finding[];
  let module: ReturnType<typeof splitExports>;
  try {
    findings = analyzeProgram(ast).map((issue) => {
      const { line: _line, column: _column, ...rest } = issue;
      return { ...rest, ...(mapPosition(issue.line, issue.column) ?? { file: source }) };
    });
    // Credentials pasted into a mapping end up in the snippet: said at the TypeScript line. The
    // tool's own modules (dodo-transform:*) map to nothing and are skipped.
    for (const issue of findCredentialLiterals(ast)) {
      const { line, column, ...rest } = issue;
      const mapped = mapPosition(line, column);
      if (mapped) findings.push({ ...rest, ...mapped });
    }
    module = splitExports(bundle.code, ast);
  } catch (error) {
    // A tree acorn could build but a walk over it could not: as deep as the parse failing.
    if (!isStackOverflow(error)) throw error;
    return { findings: [unparsable(new RangeError('stack space'), source, mapPosition)] };
  }
  const sources = await readSources(root, bundle.inputBytes);
  findings.push(...findOutsideReferences(root, sources));
  const mappingName = module.exports['mapping'] ?? '';
  const inspected = await inspectMapping({ body: module.body, mappingName, file: source, sourceText: sources.get(source) ?? '' }, sandbox, mapPosition);
  // An escape attempt the analysis already located is not said again without a line.
  const located = findings.some((f) => f.code === 'escape-attempt');
  findings.push(...inspected.findings.filter((f) => !(located && f.code === 'escape-attempt')));
  if (!inspected.info) return { findings };
  if (module.topLevelNames.has('webhook')) {
    findings.push({ code: 'invalid-mapping', severity: 'error', file: source, message: 'a top-level declaration named `webhook` would hide the handler\'s parameter; rename it' });
    return { findings };
  }

  const unsafe = unsafePathReason(source);
  if (unsafe !== undefined) {
    findings.push({ code: 'invalid-mapping', severity: 'error', file: source, message: `the file name ${JSON.stringify(source)} ${unsafe}: it is written into the snippet's header comment; rename the file` });
    return { findings };
  }
  const hash = hashSources(sources);
  // A built-in template compiles from the tool's own folder; its header says how to get an editable copy.
  const template = dirname(bundle.file) === TEMPLATES_DIR ? basename(bundle.file, extname(bundle.file)) : undefined;
  const header = formatHeader({ toolVersion: TOOL_VERSION, source, hash, ...inspected.info, ...(template !== undefined && { template }) });
  const code = emitSnippet(module, header, minify);
  if (code.length > MAX_SNIPPET_CHARS) findings.push(tooLarge(source, code.length, bundle.inputBytes));
  return {
    snippet: {
      name: basename(bundle.file, extname(bundle.file)),
      source,
      code,
      events: inspected.info.events,
      otherEvents: inspected.info.otherEvents,
      ...(inspected.info.destination !== undefined && { destination: inspected.info.destination }),
      hash,
      inputs: [...sources.keys()].sort(),
      sourceMap: bundle.sourceMap,
      bodyOffset: getBodyOffset(header, minify),
    },
    findings,
  };
}

/**
 * esbuild's output that acorn cannot read: in practice nesting deep enough to exhaust its stack
 * (thousands of levels of object literals). Said at the mapping's line, not as a crash.
 */
function unparsable(error: unknown, source: string, mapPosition: ReturnType<typeof createPositionMapper>): Finding {
  const loc = (error as { loc?: { line: number; column: number } }).loc;
  const tooDeep = /stack space/i.test(String((error as Error).message));
  return {
    code: 'invalid-mapping',
    severity: 'error',
    message: tooDeep
      ? 'the mapping nests too deeply to be analysed (thousands of levels): build deep values in a loop, or flatten them'
      : `the bundled mapping could not be analysed: ${String((error as Error).message).replace(/\s*\(\d+:\d+\)$/, '')}`,
    ...((loc && mapPosition(loc.line, loc.column)) ?? { file: source }),
  };
}

/** The user's own sources of one bundle (the tool's virtual modules are not theirs to hash). */
const REFERENCE = /^[ \t]*\/\/\/[ \t]*<reference[ \t]+path[ \t]*=[ \t]*(["'])(.*?)\1/gm;

/** `/// <reference path>` to a file outside the project: the type checker would read it. */
function findOutsideReferences(root: string, sources: ReadonlyMap<string, string>): Finding[] {
  const findings: Finding[] = [];
  for (const [file, text] of sources) {
    for (const m of text.matchAll(REFERENCE)) {
      const target = resolve(root, dirname(file), m[2] ?? '');
      if (isRealInside(root, target)) continue;
      findings.push({
        code: 'forbidden-import', severity: 'error', file, line: text.slice(0, m.index).split('\n').length, column: 1,
        message: '/// <reference path> points outside the project; a mapping may use only files inside it',
      });
    }
  }
  return findings;
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

