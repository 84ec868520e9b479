import { resolve } from 'node:path';
import type { EventType } from '../runtime/events/event-types.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { getSampleInputs } from '../validate/sample-inputs.js';
import { validateSnippet, type SnippetUnderTest } from '../validate/validate-snippets.js';
import type { Report } from './reporters.js';

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
  /** A sandbox to reuse (watch mode keeps one warm); otherwise one is created and closed. */
  sandbox?: Sandbox;
}

/** Runs every snippet on every selected sample in one sandbox and gathers a report. */
export async function runValidation(run: ValidationRun): Promise<{ report: Report; goldenWrites: Map<string, string> }> {
  const { inputs, findings: sampleFindings } = await getSampleInputs({
    root: run.root,
    ...(run.events && { events: run.events }),
    ...(run.samplesDir && { samplesDir: resolve(run.root, run.samplesDir) }),
  });
  const findings = [...run.findings, ...sampleFindings];
  const summaries: Report['summaries'] = [];
  const goldenWrites = new Map<string, string>();
  // Snippets that do not even parse would fail every sample the same way: the static finding says it once.
  const runnable = run.snippets.filter((s) => !findings.some((f) => f.file === s.file && (f.code === 'syntax-error' || f.code === 'module-syntax')));
  if (runnable.length > 0) {
    const sandbox = run.sandbox ?? createSandbox(run.timeoutMs === undefined ? {} : { timeoutMs: run.timeoutMs });
    try {
      // All at once: the sandbox's queue keeps both processes busy across snippet boundaries.
      const reports = await Promise.all(runnable.map((snippet) => validateSnippet(snippet, { inputs, sandbox, ...(run.golden && { golden: run.golden }) })));
      for (const report of reports) {
        findings.push(...report.findings);
        summaries.push({ file: report.file, destinations: report.destinations, events: report.summary });
        for (const [path, content] of report.goldenWrites) goldenWrites.set(path, content);
      }
    } finally {
      if (!run.sandbox) await sandbox.close();
    }
  }
  return { report: { root: run.root, cwd: run.cwd, findings: sortFindings(findings), summaries }, goldenWrites };
}
