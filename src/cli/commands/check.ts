import { getExitCode } from '../../findings/exit-codes.js';
import { releaseEsbuild } from '../../util/load-esbuild.js';
import { checkProject } from '../../project/check-project.js';
import { createCache, getConfiguredMappings, loadProjectConfig, type CacheFlags, type CompileFlags } from '../compile-for-cli.js';
import { createColors, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { formatReport, type ReporterName } from '../reporters.js';
import { assertReportPath, writeHtmlReport } from '../html-output.js';
export interface CheckOptions extends CompileFlags, CacheFlags {
  reporter: ReporterName;
  /** --reporter html: the file to write the HTML report to (besides the terminal reporter's output). */
  html?: string;
  /** Every event in the table, also the ones cancelled on every sample. */
  all?: boolean;
}

/**
 * The CI command: compiles every mapping in memory, compares with the committed
 * snippets, validates compiled and hand-written snippets on every sample.
 * Writes nothing but the HTML report, when asked for.
 */
export async function check(io: CliIo, options: CheckOptions): Promise<number> {
  const started = performance.now();
  if (options.html !== undefined) assertReportPath(io.cwd, options.html);
  const config = await loadProjectConfig(io, options);
  const mappings = await getConfiguredMappings(config);
  const progress = createProgress(io);
  const cache = createCache(io, config.root, options, () => progress.done());
  progress.update(`compiling ${mappings.length} mapping${mappings.length === 1 ? '' : 's'}…`);
  const { report, validated, stats } = await checkProject({
    config, mappings, cwd: io.cwd,
    onStage: (_, n) => {
      // Nothing is bundled after this in a one-shot check: the bundler's memory is freed for the runs.
      void releaseEsbuild().catch(() => undefined);
      progress.update(`running ${n} snippet${n === 1 ? '' : 's'} on every sample…`);
    },
    ...(options.html !== undefined && { keepResults: true }),
    ...(cache && { cache }),
  });
  await cache?.close();
  progress.done();
  // What the cache saved, for the bench and for anyone wondering why a run was fast or slow.
  if (stats && io.env['DODO_TRANSFORM_CACHE_STATS']) io.stderr.write(`cache: ${JSON.stringify(stats)}\n`);
  const out = formatReport(options.reporter, report, createColors(io, 'stdout'), { all: options.all ?? false, durationMs: performance.now() - started, snippets: validated.length, mode: 'check' });
  if (options.html !== undefined) io.stderr.write(`wrote the HTML report to ${await writeHtmlReport(io.cwd, report, options.html, config.env)}\n`);
  io.stdout.write(out.stdout);
  io.stderr.write(out.stderr);
  return getExitCode(report.findings);
}
