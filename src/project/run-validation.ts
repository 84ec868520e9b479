import { resolve } from 'node:path';
import type { EventType } from '../runtime/events/event-types.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { getSampleInputs, withEnvRuns } from '../validate/sample-inputs.js';
import { validateSnippet, type SnippetUnderTest } from '../validate/validate-snippets.js';
import type { Report } from './report.js';

export interface ValidationRun {
  root: string;
  cwd: string;
  snippets: SnippetUnderTest[];
  /** Findings found before running (compile errors, static checks, committed-file checks). */
  findings: Finding[];
  events?: EventType[];
  samplesDir?: string;
  golden?: { dir: string; update: boolean };
  timeoutMs?: number;
  /** `webhook.env` to run with; each sample then also runs without env. */
  env?: Readonly<Record<string, string>>;
  /** A sandbox to reuse (watch mode keeps one warm); otherwise one is created and closed. */
  sandbox?: Sandbox;
  /** Keep every sample's result in the summaries (for the HTML report). */
  keepResults?: boolean;
}

/** Runs every snippet on every selected sample in one sandbox and gathers a report. */
export async function runValidation(run: ValidationRun): Promise<{ report: Report; goldenWrites: Map<string, string> }> {
  const { inputs: samples, findings: sampleFindings } = await getSampleInputs({
    root: run.root,
    ...(run.events && { events: run.events }),
    ...(run.samplesDir && { samplesDir: resolve(run.root, run.samplesDir) }),
  });
  const inputs = withEnvRuns(samples, run.env);
  const findings = [...run.findings, ...sampleFindings];
  const summaries: Report['summaries'] = [];
  const goldenWrites = new Map<string, string>();
  // Snippets that do not even parse would fail every sample the same way: the static finding says it once.
  // Nor is one over the size limit run: the runtime refuses it, and its size is the finding.
  const runnable = run.snippets.filter((s) => !findings.some((f) => f.file === s.file && (f.code === 'syntax-error' || f.code === 'module-syntax' || f.code === 'snippet-too-large')));
  if (runnable.length > 0) {
    const sandbox = run.sandbox ?? createSandbox(run.timeoutMs === undefined ? {} : { timeoutMs: run.timeoutMs });
    try {
      // All at once: the sandbox's queue keeps both processes busy across snippet boundaries.
      const reports = await Promise.all(runnable.map((snippet) => validateSnippet(snippet, { inputs, sandbox, ...(run.golden && { golden: run.golden }), ...(run.keepResults && { keepResults: true }) })));
      for (const report of reports) {
        findings.push(...report.findings);
        summaries.push({ file: report.file, destinations: report.destinations, events: report.summary, ...(report.results && { results: report.results }) });
        for (const [path, content] of report.goldenWrites) goldenWrites.set(path, content);
      }
    } finally {
      if (!run.sandbox) await sandbox.close();
    }
  }
  // An escape attempt found in the source (or while the mapping loaded) is said there, with its
  // line; the same attempt seen again at run time adds nothing.
  const statedEscapes = new Set(run.findings.filter((f) => f.code === 'escape-attempt').map((f) => f.file));
  // Likewise PATCH (the static patch-method warning says it once, not once per sample), and a
  // global the runtime lacks: the static finding, not a ReferenceError on every sample.
  const statedPatch = new Set(run.findings.filter((f) => f.code === 'patch-method').map((f) => f.file));
  // A mapping's placeholder or card-overwriting `url` is said at its line, not on every sample.
  const statedUrl = new Set(run.findings.filter((f) => f.code === 'placeholder-url' || f.code === 'card-url-overwritten').map((f) => `${f.file}|${f.code}`));
  // `amount` is a string only on dispute events: the warning matters where the snippet handles one.
  const handlesDisputes = new Set(summaries.filter((s) => s.events.some((e) => e.event.startsWith('dispute.') && e.runs > e.cancelled)).map((s) => s.file));
  const missingGlobals = new Set(run.findings.filter((f) => f.code === 'unavailable-global').map((f) => `${f.file}|${/^(\S+) is not available/.exec(f.message)?.[1]}`));
  const reported = findings.filter((f) => !(f.code === 'escape-attempt' && f.event !== undefined && statedEscapes.has(f.file)) &&
    !(f.code === 'invalid-method' && f.severity === 'warning' && f.event !== undefined && statedPatch.has(f.file)) &&
    !(f.event !== undefined && statedUrl.has(`${f.file}|${f.code}`)) &&
    !(f.code === 'string-amount' && !handlesDisputes.has(f.file ?? '')) &&
    !(f.code === 'runtime-error' && missingGlobals.has(`${f.file}|${/^ReferenceError: (\S+) is not defined/.exec(f.message)?.[1]}`)));
  return { report: { root: run.root, cwd: run.cwd, findings: sortFindings(reported), summaries }, goldenWrites };
}
