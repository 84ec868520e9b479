import { resolve } from 'node:path';
import { hashParts } from '../cache/hash.js';
import type { ProjectCache } from '../cache/project-cache.js';
import { createLazySandbox, watchTiming } from '../cache/sandbox-use.js';
import { snippetParts, type ValidationContext } from '../cache/validation-key.js';
import type { EventType } from '../runtime/events/event-types.js';
import { sortFindings, type Finding } from '../findings/finding.js';
import { createSandbox, type Sandbox } from '../sandbox/index.js';
import { getSampleInputs, withEnvRuns, type SampleInput } from '../validate/sample-inputs.js';
import type { SnippetReport, SnippetUnderTest, ValidateOptions } from '../validate/validate-snippets.js';
import { mapLimit } from '../util/map-limit.js';
import type { Report } from './report.js';

/** Snippets validated at once (each splits its samples into chunks for every sandbox process). */
const SNIPPETS_IN_FLIGHT = 4;

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
  /** Reports of earlier runs, by snippet and samples (not used when golden files are updated). */
  cache?: ProjectCache;
}

/** Runs every snippet on every selected sample in one sandbox and gathers a report. */
export async function runValidation(run: ValidationRun): Promise<{ report: Report; goldenWrites: Map<string, string> }> {
  const events = run.events && { events: run.events };
  // The user's samples first: their problems are findings whatever the cache holds.
  const user = await getSampleInputs({ root: run.root, builtin: false, ...events, ...(run.samplesDir && { samplesDir: resolve(run.root, run.samplesDir) }) });
  // Built-in samples and their variants come after them in the list, computed only when a snippet runs.
  let allInputs: Promise<SampleInput[]> | undefined;
  const getInputs = () => (allInputs ??= getSampleInputs({ root: run.root, ...events })
    .then((builtin) => withEnvRuns([...builtin.inputs, ...user.inputs], run.env)));
  const findings = [...run.findings, ...user.findings];
  const summaries: Report['summaries'] = [];
  const goldenWrites = new Map<string, string>();
  // Snippets that do not even parse would fail every sample the same way: the static finding says it once.
  // Nor is one over the size limit run: the runtime refuses it, and its size is the finding.
  const runnable = run.snippets.filter((s) => !findings.some((f) => f.file === s.file && (f.code === 'syntax-error' || f.code === 'module-syntax' || f.code === 'snippet-too-large')));
  if (runnable.length > 0) {
    const cache = run.golden?.update ? undefined : run.cache;
    const sandboxOptions = run.timeoutMs === undefined ? {} : { timeoutMs: run.timeoutMs };
    // With a cache, processes start only if a snippet is not in it.
    const sandbox = run.sandbox ?? (cache ? createLazySandbox(sandboxOptions) : createSandbox(sandboxOptions));
    try {
      let validate: Promise<Validate> | undefined;
      const getValidate = () => (validate ??= Promise.all([import('../validate/validate-snippets.js'), getInputs()]).then(([{ validateSnippet }, inputs]) => {
        const options: ValidateOptions = { inputs, sandbox, ...(run.golden && { golden: run.golden }), ...(run.keepResults && { keepResults: true }) };
        return (snippet: SnippetUnderTest, sandboxFor = sandbox) => validateSnippet(snippet, { ...options, sandbox: sandboxFor });
      }));
      const context: ValidationContext | undefined = cache && {
        root: run.root,
        // The built-in samples are the tool's (in its key); the user's and env are the project's.
        inputs: hashParts(['builtin', JSON.stringify(run.events ? [...run.events].sort() : 'all'), JSON.stringify(user.inputs), JSON.stringify(run.env ?? null)]),
        ...(run.golden && { goldenDir: resolve(run.golden.dir) }),
        ...(run.timeoutMs !== undefined && { timeoutMs: run.timeoutMs }),
      };
      // Kept results (the HTML report) are not in the cache: such a run validates afresh.
      // A few at a time: enough for the sandbox's queue to keep its processes busy across snippet
      // boundaries, few enough that the inputs and outcomes held meanwhile stay bounded (a
      // hundred mappings at once held over 800 MB).
      const reports = await mapLimit(runnable, SNIPPETS_IN_FLIGHT, async (snippet) => (cache && context && !run.keepResults ? validateCached(snippet, getValidate, sandbox, cache, context) : (await getValidate())(snippet)));
      for (const report of reports) {
        findings.push(...report.findings);
        summaries.push({ file: report.file, destinations: report.destinations, events: report.summary, ...(report.results && { results: report.results }) });
        for (const [path, content] of report.goldenWrites) goldenWrites.set(path, content);
      }
    } finally {
      if (!run.sandbox) await sandbox.close();
    }
  }
  // Said once, where it was found before running: an escape attempt (in the source, or while the
  // mapping loaded) and a mapping's placeholder or card-overwriting `url`; the same finding from
  // every sample adds nothing.
  const SAID_ONCE = new Set<string>(['escape-attempt', 'placeholder-url', 'card-url-overwritten']);
  const stated = new Set(run.findings.filter((f) => SAID_ONCE.has(f.code)).map((f) => `${f.file}|${f.code}`));
  // Likewise PATCH (the static patch-method warning says it once, not once per sample), and a
  // global the runtime lacks: the static finding, not a ReferenceError on every sample.
  const statedPatch = new Set(run.findings.filter((f) => f.code === 'patch-method').map((f) => f.file));
  // `amount` is a string only on dispute events: the warning matters where the snippet handles one.
  const handlesDisputes = new Set(summaries.filter((s) => s.events.some((e) => e.event.startsWith('dispute.') && e.runs > e.cancelled)).map((s) => s.file));
  const missingGlobals = new Set(run.findings.filter((f) => f.code === 'unavailable-global').map((f) => `${f.file}|${/^(\S+) is not available/.exec(f.message)?.[1]}`));
  const reported = findings.filter((f) => !(f.event !== undefined && stated.has(`${f.file}|${f.code}`)) &&
    !(f.code === 'invalid-method' && f.severity === 'warning' && f.event !== undefined && statedPatch.has(f.file)) &&
    !(f.code === 'string-amount' && !handlesDisputes.has(f.file ?? '')) &&
    !(f.code === 'runtime-error' && missingGlobals.has(`${f.file}|${/^ReferenceError: (\S+) is not defined/.exec(f.message)?.[1]}`)));
  return { report: { root: run.root, cwd: run.cwd, findings: sortFindings(reported), summaries }, goldenWrites };
}

type Validate = (snippet: SnippetUnderTest, sandbox?: Sandbox) => Promise<SnippetReport>;

/** A snippet's report from the cache, or validated and stored (unless an outcome depended on timing). */
async function validateCached(snippet: SnippetUnderTest, getValidate: () => Promise<Validate>, sandbox: Sandbox, cache: ProjectCache, context: ValidationContext): Promise<SnippetReport> {
  const parts = await snippetParts(snippet, context);
  const key = parts && cache.validationKey(parts);
  const hit = key === undefined ? undefined : await cache.getValidation(key);
  if (hit) return { file: snippet.file, ...hit, goldenWrites: new Map() };
  cache.onMiss?.();
  cache.stats.validated++;
  const watched = watchTiming(sandbox);
  const report = await (await getValidate())(snippet, watched.sandbox);
  if (key !== undefined && !watched.timingDependent()) {
    await cache.putValidation(key, { destinations: report.destinations, summary: report.summary, findings: report.findings });
  }
  return report;
}
