import { watch as watchDir, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../config/resolve-config.js';
import { UserError } from '../../util/errors.js';
import { formatFindings, formatSummary } from '../format-findings.js';
import { createColors, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { causesFirst, groupSampleFindings } from '../reporters.js';
import { WatchSession, type CycleResult, type WatchMode } from '../watch/watch-session.js';
import { EXIT_CANNOT_RUN, EXIT_OK } from '../../findings/exit-codes.js';

/** Editors save in bursts (write, rename, chmod): wait this long for the burst to end. */
const DEBOUNCE_MS = 30;

export interface WatchOptions {
  mode: WatchMode;
  loadConfig: () => Promise<ResolvedConfig>;
  /** Aborting stops watching; the command then resolves with exit code 0. */
  signal: AbortSignal;
  /** Called after every run (tests and the benchmark wait on it). */
  onCycle?: (result: CycleResult) => void;
}

/**
 * `build --watch` / `check --watch`: one full run, then a run per burst of changes
 * that recompiles only the mappings the change touches. Errors while editing are
 * reported and watching goes on.
 */
export async function watch(io: CliIo, options: WatchOptions): Promise<number> {
  const colors = createColors(io, 'stderr');
  const session = new WatchSession(options.mode, io.cwd, options.loadConfig);
  const progress = createProgress(io);
  const report = (result: CycleResult, label: string) => {
    progress.done();
    const findings = causesFirst(groupSampleFindings(result.findings));
    const errors = findings.filter((f) => f.severity === 'error').length;
    const status = errors ? colors.red(`✗ ${errors} error${errors === 1 ? '' : 's'}`) : colors.green('✓');
    const wrote = result.written.length ? `, wrote ${result.written.join(', ')}` : '';
    // As the one-shot commands would say (exit 2), but watching goes on until a mapping appears.
    const none = session.mappingCount === 0
      ? `${colors.red('error:')} no mapping files match ${session.config.mappings.map((m) => JSON.stringify(m)).join(', ')}; waiting for one\n` : '';
    io.stderr.write(formatFindings(findings, session.config.root, io.cwd, colors) + formatSummary(findings, colors) +
      (none || `${status} ${label} in ${Math.round(result.durationMs)} ms${wrote}\n`));
    options.onCycle?.(result);
  };

  progress.update(`${options.mode === 'check' ? 'checking' : 'building'} every mapping…`);
  try {
    report(await session.start(), `${options.mode === 'check' ? 'checked' : 'built'} ${session.config.mappings.join(', ')}`);
  } catch (error) {
    progress.done();
    if (!(error instanceof UserError)) throw error;
    io.stderr.write(`error: ${error.message}\n`);
  }
  if (!session.config) return EXIT_CANNOT_RUN;
  io.stderr.write(colors.dim(`watching for changes (${options.mode}); press Ctrl-C to stop\n`));

  let watchers: FSWatcher[] = [];
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const rewatch = () => {
    for (const w of watchers) w.close();
    watchers = session.watchedDirs().map(({ dir, recursive }) => watchDir(dir, { recursive }, (_event, name) => {
      if (!name) return;
      const file = join(dir, name.toString());
      if (!session.isRelevant(file)) return;
      pending.add(file);
      clearTimeout(timer);
      timer = setTimeout(flush, DEBOUNCE_MS);
    }));
  };
  const flush = () => {
    const changed = new Set(pending);
    pending.clear();
    // Runs never overlap: a change during a run waits for it, then runs with what it touched.
    running = running.then(async () => {
      progress.update(`re-${options.mode === 'check' ? 'checking' : 'building'}…`);
      try {
        const result = await session.onChanges(changed);
        report(result, result.compiled.length ? `${options.mode === 'check' ? 'checked' : 'rebuilt'} ${result.compiled.join(', ')}` : options.mode === 'check' ? 'checked' : 'nothing to rebuild');
      } catch (error) {
        progress.done();
        io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      }
      rewatch();
    });
  };
  rewatch();

  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  await session.close();
  progress.done();
  io.stderr.write('stopped watching\n');
  return EXIT_OK;
}
