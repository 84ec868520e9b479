// checkProject(): what `check`, `check --watch` and programmatic users run. It compiles every
// mapping (or takes a compile the caller kept), compares the result with the snippets committed
// in outDir, and validates compiled and hand-written snippets on every sample. Writes nothing.
import { existsSync } from 'node:fs';
import type { CacheStats, ProjectCache } from '../cache/project-cache.js';
import { createLazySandbox } from '../cache/sandbox-use.js';
import type { ResolvedConfig } from '../config/resolve-config.js';
import type { Finding } from '../findings/finding.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import type { SnippetUnderTest } from '../validate/validate-snippets.js';
import { compareCommitted } from './committed-snippets.js';
import { handWrittenSnippet, prepareSnippetsDeferred, type PreparedSnippets } from './prepare-snippets.js';
import { sortFindings } from '../findings/finding.js';
import type { Report } from './report.js';
import { runValidation } from './run-validation.js';

export interface CheckProjectOptions {
  config: ResolvedConfig;
  /** Mapping files (absolute) to compile when `prepared` is not given. */
  mappings: readonly string[];
  /** Where paths in the report are shown relative to. @default config.root */
  cwd?: string;
  /** Reused when given (watch mode keeps one warm); otherwise one is started and closed. */
  sandbox?: Sandbox;
  /**
   * A compile the caller already has (watch mode recompiles only what changed). Its
   * `typeFindings`, when given, may still be pending: they join the report at the end.
   */
  prepared?: PreparedSnippets & { typeFindings?: Promise<Finding[]> };
  /**
   * Which snippets to run on the samples, by project path (compiled mappings and hand-written
   * snippets alike); the others are still compared with what is committed. @default all
   */
  validate?: (file: string) => boolean;
  /** Called between the compile and the runs (a progress line). */
  onStage?: (stage: 'compiled', snippets: number) => void;
  /** Keep every sample's result in the report (for the HTML report). */
  keepResults?: boolean;
  /**
   * Compile and validation results of earlier runs (see src/cache/). What depends on the
   * committed snippets is compared afresh every time. The caller closes it.
   */
  cache?: ProjectCache;
}

export interface ProjectCheck {
  report: Report;
  prepared: PreparedSnippets;
  /** The snippets that were run on the samples (or whose earlier run the cache had). */
  validated: SnippetUnderTest[];
  /** With a cache: what was compiled, type-checked and validated, and what the cache answered. */
  stats?: CacheStats;
}

export async function checkProject(options: CheckProjectOptions): Promise<ProjectCheck> {
  const { config, cache } = options;
  // With a cache, the sandbox's processes start at the first result it does not have.
  const lazy = options.sandbox === undefined && cache ? createLazySandbox() : undefined;
  const sandbox = options.sandbox ?? lazy ?? createSandbox();
  if (cache && lazy) cache.onMiss = () => lazy.start();
  const before = cache && { ...cache.stats };
  cache?.newRun();
  try {
    // The type check goes on while the snippets run on the samples: nothing the runs do depends
    // on its findings, and on a small project it is as long as the runs.
    const { typeFindings, ...prepared } = options.prepared ?? await prepareSnippetsDeferred(config.root, options.mappings, config, sandbox, cache);
    const committed = await compareCommitted(config.root, config.outDir, prepared.compiled, options.mappings);
    const handWritten = committed.handWritten.map((f) => handWrittenSnippet(f.path, f.code));
    const wanted = options.validate ?? (() => true);
    const snippets = [...prepared.snippets, ...handWritten].filter((s) => wanted(s.file));
    options.onStage?.('compiled', snippets.length);
    const checked = committed.handWritten.filter((f) => wanted(f.path));
    // Loaded only for hand-written snippets: the static checks pull in every destination's schemas,
    // a good part of a cached check's time when there is none.
    const { checkSnippetSource } = checked.length > 0 ? await import('../validate/check-source.js') : { checkSnippetSource: undefined };
    const findings: Finding[] = [
      ...prepared.findings,
      ...committed.findings,
      ...(checkSnippetSource ? checked.flatMap((f) => checkSnippetSource(f.code, f.path)) : []),
    ];
    const { report } = await runValidation({
      root: config.root,
      cwd: options.cwd ?? config.root,
      snippets,
      findings,
      ...(existsSync(config.samples) && { samplesDir: config.samples }),
      golden: { dir: config.expected, update: false },
      ...(config.env && { env: config.env }),
      sandbox,
      ...(options.keepResults && { keepResults: true }),
      ...(cache && { cache }),
    });
    const typeErrors = await (typeFindings ?? []);
    if (typeErrors.length > 0) {
      report.findings = sortFindings([...report.findings, ...typeErrors]);
      prepared.findings = sortFindings([...prepared.findings, ...typeErrors]);
    }
    return { report, prepared, validated: snippets, ...(cache && before && { stats: statsSince(cache.stats, before) }) };
  } finally {
    if (cache && lazy) cache.onMiss = undefined;
    if (options.sandbox === undefined) await sandbox.close();
  }
}

/** This call's share of a cache's counters (watch mode keeps one cache for the session). */
function statsSince(now: CacheStats, before: CacheStats): CacheStats {
  return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - before[k as keyof CacheStats]])) as unknown as CacheStats;
}
