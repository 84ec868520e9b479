import { existsSync } from 'node:fs';
import { getExitCode } from '../../findings/exit-codes.js';
import { checkSnippetSource } from '../../validate/check-source.js';
import { compareCommitted } from '../committed-snippets.js';
import { getConfiguredMappings, loadProjectConfig, type CompileFlags } from '../compile-for-cli.js';
import { createColors, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { formatReport, type ReporterName } from '../reporters.js';
import { runValidation } from '../run-validation.js';
import { prepareSnippets } from '../snippets-under-test.js';

export interface CheckOptions extends CompileFlags {
  reporter: ReporterName;
}

/**
 * The CI command: compiles every mapping in memory, compares with the committed
 * snippets, validates compiled and hand-written snippets on every sample.
 * Writes nothing.
 */
export async function check(io: CliIo, options: CheckOptions): Promise<number> {
  const config = await loadProjectConfig(io, options);
  const mappings = await getConfiguredMappings(config);
  const progress = createProgress(io);
  progress.update(`compiling ${mappings.length} mapping${mappings.length === 1 ? '' : 's'}…`);
  const prepared = await prepareSnippets(config.root, mappings, config);
  progress.update(`running ${prepared.snippets.length} snippet${prepared.snippets.length === 1 ? '' : 's'} on every sample…`);
  const committed = await compareCommitted(config.root, config.outDir, prepared.compiled);
  const handWritten = committed.handWritten.map((f) => ({ file: f.path, name: f.path.replace(/^.*\/|\.js$/g, ''), code: f.code }));
  const { report } = await runValidation({
    root: config.root,
    cwd: io.cwd,
    snippets: [...prepared.snippets, ...handWritten],
    findings: [...prepared.findings, ...committed.findings, ...committed.handWritten.flatMap((f) => checkSnippetSource(f.code, f.path))],
    ...(existsSync(config.samples) && { samplesDir: config.samples }),
    golden: { dir: config.expected, update: false },
  });
  progress.done();
  const out = formatReport(options.reporter, report, createColors(io, 'stdout'));
  io.stdout.write(out.stdout);
  io.stderr.write(out.stderr);
  return getExitCode(report.findings);
}
