import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EventType } from '../../runtime/events/event-types.js';
import { getExitCode } from '../../findings/exit-codes.js';
import { UserError } from '../../util/errors.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import { loadProjectConfig, type CompileFlags } from '../compile-for-cli.js';
import { createColors, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { formatReport, type ReporterName } from '../reporters.js';
import { runValidation } from '../run-validation.js';
import { prepareSnippets } from '../snippets-under-test.js';

export interface ValidateOptions extends CompileFlags {
  files: string[];
  events?: EventType[];
  samples?: string;
  expected?: string;
  update?: boolean;
  reporter: ReporterName;
  timeout?: number;
}

/** Validates `.js` snippets and `.ts` mappings on every sample; exit 1 on any error finding. */
export async function validate(io: CliIo, options: ValidateOptions): Promise<number> {
  if (options.files.length === 0) throw new UserError('give at least one .js snippet or .ts mapping to validate');
  const files = options.files.map((f) => resolve(io.cwd, f));
  for (const file of files) if (!existsSync(file)) throw new UserError(`${file}: no such file`);
  const config = await loadProjectConfig(io, options);
  const progress = createProgress(io);
  progress.update(`compiling ${files.length} file${files.length === 1 ? '' : 's'}…`);
  const prepared = await prepareSnippets(config.root, files, config);
  progress.update('running on every sample…');
  const samplesDir = options.samples ?? (existsSync(config.samples) ? config.samples : undefined);
  const { report, goldenWrites } = await runValidation({
    root: config.root,
    cwd: io.cwd,
    snippets: prepared.snippets,
    findings: prepared.findings,
    ...(options.events && { events: options.events }),
    ...(samplesDir && { samplesDir }),
    golden: { dir: options.expected ? resolve(io.cwd, options.expected) : config.expected, update: options.update ?? false },
    ...(options.timeout !== undefined && { timeoutMs: options.timeout }),
  });
  progress.done();
  if (goldenWrites.size > 0) {
    await writeFilesAtomic(goldenWrites);
    io.stderr.write(`updated ${goldenWrites.size} expected output file${goldenWrites.size === 1 ? '' : 's'}\n`);
  }
  const out = formatReport(options.reporter, report, createColors(io, 'stdout'));
  io.stdout.write(out.stdout);
  io.stderr.write(out.stderr);
  return getExitCode(report.findings);
}
