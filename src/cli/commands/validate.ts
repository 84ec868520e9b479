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
import { assertReportPath, writeHtmlReport } from '../html-output.js';
import { createSandbox } from '../../sandbox/index.js';
import { assertReadableFile } from '../../util/user-files.js';
import { checkDestinationName, withDestination } from '../../project/destination-option.js';
import { runValidation } from '../../project/run-validation.js';
import { prepareSnippets, type PreparedSnippets } from '../../project/prepare-snippets.js';
import { TOOL_ROOT } from '../../util/tool-info.js';
import { toProjectPath } from '../../util/path.js';
import { resolveFileOrTemplate } from '../resolve-input.js';

export interface ValidateOptions extends CompileFlags {
  files: string[];
  events?: EventType[];
  samples?: string;
  expected?: string;
  update?: boolean;
  reporter: ReporterName;
  /** --reporter html: the file to write the HTML report to (besides the terminal reporter's output). */
  html?: string;
  timeout?: number;
  /** Destination of the .js snippets whose URL comes from the dashboard card. */
  destination?: string;
  /** Every event in the table, also the ones cancelled on every sample. */
  all?: boolean;
}

/** Validates `.js` snippets and `.ts` mappings on every sample; exit 1 on any error finding. */
export async function validate(io: CliIo, options: ValidateOptions): Promise<number> {
  if (options.files.length === 0) throw new UserError('give at least one .js snippet or .ts mapping to validate');
  if (options.html !== undefined) assertReportPath(io.cwd, options.html);
  // A bare name that is not a file is a built-in template (`validate slack`).
  const inputs = options.files.map((f) => resolveFileOrTemplate(io.cwd, f));
  const files = inputs.map((i) => i.path);
  // Regular files only: a FIFO or /dev/zero would hang the command, a directory fail it obscurely.
  files.forEach((file, i) => assertReadableFile(file, options.files[i]!));
  const config = await loadProjectConfig(io, options);
  files.forEach((file, i) => { if (!inputs[i]!.template) assertReadableFile(file, options.files[i]!, config.root); });
  // Templates compile relative to the tool; with project files beside them, their paths are shown from the project.
  const templates = files.filter((_, i) => inputs[i]!.template);
  const own = files.filter((_, i) => !inputs[i]!.template);
  const root = own.length === 0 ? TOOL_ROOT : config.root;
  const started = performance.now();
  const progress = createProgress(io);
  progress.update(`compiling ${files.length} file${files.length === 1 ? '' : 's'}…`);
  // One sandbox for the whole command: mapping inspection, snippets and references all run there.
  const sandbox = createSandbox(options.timeout === undefined ? {} : { timeoutMs: options.timeout });
  try {
  const destination = options.destination === undefined ? undefined : await checkDestinationName(options.destination);
  const prepared = withDestination(own.length === 0 ? await prepareSnippets(TOOL_ROOT, templates, config, sandbox)
    : mergePrepared(config.root, await prepareSnippets(config.root, own, config, sandbox), templates.length ? await prepareSnippets(TOOL_ROOT, templates, config, sandbox) : undefined), destination);
  progress.update('running on every sample…');
  const samplesDir = options.samples ?? (existsSync(config.samples) ? config.samples : undefined);
  const { report, goldenWrites } = await runValidation({
    root,
    cwd: io.cwd,
    snippets: prepared.snippets,
    findings: prepared.findings,
    ...(options.events && { events: options.events }),
    ...(samplesDir && { samplesDir }),
    ...(config.env && { env: config.env }),
    // The project's expected outputs describe its own mappings, not a built-in template that shares a name.
    ...(own.length > 0 && { golden: { dir: options.expected ? resolve(io.cwd, options.expected) : config.expected, update: options.update ?? false } }),
    sandbox,
    // Every sample's result, only when the HTML report will show them: terminal runs keep findings alone.
    ...(options.html !== undefined && { keepResults: true }),
  });
  progress.done();
  if (goldenWrites.size > 0) {
    await writeFilesAtomic(goldenWrites, { cwd: io.cwd, ...(options.expected === undefined && { within: config.root }) });
    io.stderr.write(`updated ${goldenWrites.size} expected output file${goldenWrites.size === 1 ? '' : 's'}\n`);
  }
  const out = formatReport(options.reporter, report, createColors(io, 'stdout'), { all: options.all ?? false, durationMs: performance.now() - started, snippets: files.length, mode: 'validate' });
  if (options.html !== undefined) io.stderr.write(`wrote the HTML report to ${await writeHtmlReport(io.cwd, report, options.html, config.env)}\n`);
  io.stdout.write(out.stdout);
  io.stderr.write(out.stderr);
  return getExitCode(report.findings);
  } finally {
    await sandbox.close();
  }
}

/** Template snippets beside project files: their paths (and mapped positions) re-based on the project root. */
function mergePrepared(root: string, own: PreparedSnippets, templates: PreparedSnippets | undefined): PreparedSnippets {
  if (!templates) return own;
  const rebase = (file: string) => toProjectPath(root, resolve(TOOL_ROOT, file));
  return {
    compiled: [...own.compiled, ...templates.compiled],
    findings: [...own.findings, ...templates.findings.map((f) => (f.file === undefined ? f : { ...f, file: rebase(f.file) }))],
    snippets: [...own.snippets, ...templates.snippets.map((s) => ({
      ...s,
      file: rebase(s.file),
      ...(s.mapPosition && { mapPosition: (line: number, column: number) => { const p = s.mapPosition!(line, column); return p && { ...p, file: rebase(p.file) }; } }),
    }))],
  };
}
