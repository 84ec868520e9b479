// compile(): mapping files → snippets + findings. Pure apart from reading sources.
//
//   typecheck (native tsc, one run for all) ─┐
//   bundle (esbuild, in memory, one run) ────┼→ per mapping: analyze → inspect → emit → size check
//   load the finishing stage (acorn, …) ─────┤   (finish-snippet.ts, loaded while tsc and esbuild work)
//   start a sandbox process ─────────────────┘   (inspection evaluates the mapping: user code runs there only)
import { resolve } from 'node:path';
import { sortFindings, type Finding } from '../findings/finding.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { toProjectPath } from '../util/path.js';
import { bundleMappings } from './bundle.js';
import { DEFAULT_TARGET, type Target } from './targets.js';
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
  /** @default true */
  typecheck?: boolean;
  /**
   * Where mapping modules are evaluated to read their shape. One is started (and closed) for
   * the call when absent; pass one to share its processes with validation.
   */
  sandbox?: Sandbox;
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
  /** The destination the mapping declares with `destination:`. */
  destination?: string;
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

  // tsc runs in its own process: the bundling and finishing below happen while it checks.
  const typeFindings = options.typecheck === false ? Promise.resolve([]) : runTypecheck({ root, files, target });
  const sandbox = options.sandbox ?? createSandbox({ concurrency: 1 });
  try {
    const [bundled, { finishSnippet }] = await Promise.all([
      bundleMappings({ root, files, target, minify }),
      import('./finish-snippet.js'),
    ]);
    const findings: Finding[] = [...bundled.findings];
    const snippets: CompiledSnippet[] = [];
    const results = await Promise.all(bundled.bundles.map((bundle) => finishSnippet(root, bundle, minify, sandbox)));
    for (const result of results) {
      findings.push(...result.findings);
      if (result.snippet) snippets.push(result.snippet);
    }
    // One cause, one finding: a refused import also fails to type-check on its line; the import
    // finding says why.
    // Likewise a located invalid-mapping (an unknown `destination`, with its did-you-mean).
    const refused = new Set(findings.filter((f) => f.code === 'forbidden-import' || f.code === 'bundle-error' || (f.code === 'invalid-mapping' && f.line !== undefined)).map((f) => `${f.file}:${f.line}`));
    findings.push(...(await typeFindings).filter((f) => !refused.has(`${f.file}:${f.line}`) && !saidElsewhere(f, findings)));
    findings.push(...findDuplicateNames(snippets));
    return { snippets, findings: sortFindings(findings) };
  } finally {
    if (options.sandbox === undefined) await sandbox.close();
  }
}

/** TypeScript's "install @types/node" advice for a global the runtime lacks anyway. */
const NODE_NAME_CODES = /^TS(2591|2580|2584|2304|2868|2867): Cannot find name '([^']+)'/;

/**
 * A type error that repeats what another finding says: a syntax error the bundler already
 * reported for the file (TS1xxx), or "Cannot find name 'process'" beside the finding that
 * says the runtime has no `process` (same line, or the same name) or a refused import on that line.
 */
function saidElsewhere(typeError: Finding, findings: readonly Finding[]): boolean {
  const same = findings.filter((f) => f.file === typeError.file);
  if (/^TS1\d{3}:/.test(typeError.message) && same.some((f) => f.code === 'bundle-error')) return true;
  const name = NODE_NAME_CODES.exec(typeError.message)?.[2];
  if (name === undefined) return false;
  return same.some((f) => (f.code === 'unavailable-global' || f.code === 'forbidden-import') &&
    (f.line === typeError.line || (f.code === 'unavailable-global' && f.message.startsWith(`${name} is not available`))));
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
