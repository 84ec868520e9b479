// compile(): mapping files → snippets + findings. Pure apart from reading sources.
//
//   typecheck (native tsc, one run for all) ─┐
//   bundle (esbuild, in memory, one run) ────┼→ per mapping: analyze → inspect → emit → size check
//   load the finishing stage (acorn, …) ─────┤   (finish-snippet.ts, loaded while tsc and esbuild work)
//   start a sandbox process ─────────────────┘   (inspection evaluates the mapping: user code runs there only)
import { join, resolve } from 'node:path';
import type { ProjectCache } from '../cache/project-cache.js';
import { watchTiming } from '../cache/sandbox-use.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { isInside, toProjectPath } from '../util/path.js';
import { mapLimit } from '../util/map-limit.js';
import { TOOL_ROOT } from '../util/tool-info.js';
import { bundleMappings, type BundledMapping } from './bundle.js';
import { DEFAULT_TARGET, type Target } from './targets.js';
import { typecheck as runTypecheck, typecheckListingFiles } from './typecheck.js';

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
  /**
   * Results of earlier runs: a mapping whose sources (and the tool) are unchanged is not
   * bundled or inspected again, an unchanged program is not type-checked again. Files are
   * digested once per run of the cache: call `cache.newRun()` between compiles of edited files.
   */
  cache?: ProjectCache;
  /**
   * What another compile of the same mappings made (its `made`): a mapping that bundles to the
   * same code is not finished again, its result is taken as it is. The unlowered reference build
   * uses it: for most mappings lowering changes nothing.
   */
  sameAs?: ReadonlyMap<string, MadeSnippet>;
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

/** Mappings finished at once. */
const MAPPINGS_IN_FLIGHT = 8;

export interface CompileResult {
  snippets: CompiledSnippet[];
  findings: Finding[];
  /** Each freshly finished mapping, by absolute path: for another compile's `sameAs`. */
  made?: ReadonlyMap<string, MadeSnippet>;
}

/** A mapping finished from a bundle: finishing is deterministic in the bundle's code. */
export interface MadeSnippet {
  code: string;
  result: FinishedMapping;
  /** Whether the result may be cached (no outcome of the inspection depended on timing). */
  cacheable: boolean;
  /** Project paths of the user's files the bundle read. */
  read: string[];
}

type FinishedMapping = Awaited<ReturnType<FinishSnippet>>;

/** A compile whose type check may still be running: what `check` validates meanwhile. */
export interface DeferredCompileResult extends CompileResult {
  /** The type check's findings (without those another finding already says), once tsc is done. */
  typeFindings: Promise<Finding[]>;
}

export async function compile(options: CompileOptions): Promise<CompileResult> {
  const result = await compileDeferred(options);
  return {
    snippets: result.snippets, findings: sortFindings([...result.findings, ...await result.typeFindings]),
    ...(result.made && { made: result.made }),
  };
}

/**
 * compile(), returning as soon as every snippet is finished: the type check (its own process)
 * goes on, so that running the snippets on the samples overlaps it. The caller must await
 * `typeFindings` (it rejects if tsc could not run).
 */
export async function compileDeferred(options: CompileOptions): Promise<DeferredCompileResult> {
  const root = resolve(options.root);
  const target = options.target ?? DEFAULT_TARGET;
  const minify = options.minify ?? false;
  // Sorted by project path so results never depend on the order files were given in.
  const files = [...new Set(options.mappings.map((m) => resolve(root, m)))]
    .sort((a, b) => (toProjectPath(root, a) < toProjectPath(root, b) ? -1 : 1));

  const cache = options.cache;
  const sources = files.map((f) => toProjectPath(root, f));
  // Digested before anything reads them: an edit saved during the compile is not cached as this result.
  if (cache) await cache.remember(sources);

  // tsc runs in its own process: the bundling and finishing below happen while it checks.
  const typeFindings = options.typecheck === false ? Promise.resolve([])
    : cache ? cachedTypecheck(cache, root, files, target) : runTypecheck({ root, files, target });
  typeFindings.catch(() => undefined); // awaited below, unless bundling throws first
  const cached = cache ? await Promise.all(sources.map((s) => cache.getFinished(s, { target, minify }))) : [];
  const missing = files.filter((_, i) => cached[i] === undefined);
  let sandbox = options.sandbox;
  if (missing.length > 0) {
    cache?.onMiss?.();
    sandbox ??= createSandbox({ concurrency: 1 });
  }
  try {
    const findings: Finding[] = [];
    const fresh = new Map<string, FinishedMapping>();
    const made = new Map<string, MadeSnippet>();
    if (missing.length > 0) {
      const [bundled, { finishSnippet }] = await Promise.all([
        bundleMappings({ root, files: missing, target, minify }),
        import('./finish-snippet.js'),
      ]);
      findings.push(...bundled.findings);
      const toFinish: BundledMapping[] = [];
      for (const bundle of bundled.bundles) {
        const same = options.sameAs?.get(bundle.file);
        if (same === undefined || same.code !== bundle.code) { toFinish.push(bundle); continue; }
        fresh.set(bundle.file, same.result);
        if (cache && same.cacheable) await cache.putFinished(toProjectPath(root, bundle.file), { target, minify }, same.result, same.read);
      }
      // A few at a time: each holds its syntax tree while the sandbox inspects it (a hundred at
      // once held hundreds of MB); enough to keep the sandbox busy.
      const results = await mapLimit(toFinish, MAPPINGS_IN_FLIGHT, (bundle) => finishOne(root, bundle, { target, minify }, sandbox!, finishSnippet, cache));
      toFinish.forEach((bundle, i) => {
        fresh.set(bundle.file, results[i]!.result);
        made.set(bundle.file, { code: bundle.code, ...results[i]! });
      });
    }
    const snippets: CompiledSnippet[] = [];
    for (const [i, file] of files.entries()) {
      const result = cached[i] ?? fresh.get(file);
      if (!result) continue;
      findings.push(...result.findings);
      if (result.snippet) snippets.push(result.snippet);
    }
    // One cause, one finding: a refused import also fails to type-check on its line; the import
    // finding says why.
    // Likewise a located invalid-mapping (an unknown `destination`, with its did-you-mean).
    const refused = new Set(findings.filter((f) => f.code === 'forbidden-import' || f.code === 'bundle-error' || (f.code === 'invalid-mapping' && f.line !== undefined)).map((f) => `${f.file}:${f.line}`));
    findings.push(...findDuplicateNames(snippets));
    const typeFindingsSaidOnce = typeFindings.then((found) => found.filter((f) => !refused.has(`${f.file}:${f.line}`) && !saidElsewhere(f, findings)));
    // Marked as handled: a caller whose validation fails first must not also see an unhandled rejection.
    typeFindingsSaidOnce.catch(() => undefined);
    return { snippets, findings: sortFindings(findings), typeFindings: typeFindingsSaidOnce, made };
  } finally {
    if (options.sandbox === undefined) await sandbox?.close();
  }
}

type FinishSnippet = typeof import('./finish-snippet.js')['finishSnippet'];

/** One mapping's finishing stage, stored in the cache unless an outcome depended on timing. */
async function finishOne(root: string, bundle: BundledMapping, options: { target: string; minify: boolean }, sandbox: Sandbox, finishSnippet: FinishSnippet, cache: ProjectCache | undefined): Promise<Omit<MadeSnippet, 'code'>> {
  // The user's files the bundle read (the tool's own virtual modules are in the tool's key).
  const read = Object.keys(bundle.inputBytes).filter((input) => !input.includes(':')).map((input) => toProjectPath(root, resolve(root, input)));
  const watched = watchTiming(sandbox);
  if (cache) cache.stats.compiled++;
  const result = await finishSnippet(root, bundle, options.minify, watched.sandbox);
  const cacheable = !watched.timingDependent();
  if (cache && cacheable) await cache.putFinished(toProjectPath(root, bundle.file), options, result, read);
  return { result, cacheable, read };
}

/** The type check of all mappings as one program (as uncached), answered by the cache when nothing it read changed. */
async function cachedTypecheck(cache: ProjectCache, root: string, files: readonly string[], target: string): Promise<Finding[]> {
  const sources = files.map((f) => toProjectPath(root, f));
  const hit = await cache.getTypecheck(sources, target);
  if (hit) return hit;
  cache.stats.typechecked++;
  const run = await typecheckListingFiles({ root, files, target });
  if (run.complete) {
    // The tool's own files (runtime types, the compiler's libraries) are in the tool's key.
    const tool = ['src', 'dist', 'node_modules'].map((d) => join(TOOL_ROOT, d));
    const read = run.read.filter((f) => isInside(root, f) && !tool.some((d) => isInside(d, f))).map((f) => toProjectPath(root, f));
    await cache.putTypecheck(sources, target, run.findings, read);
  }
  return run.findings;
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
