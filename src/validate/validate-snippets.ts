// validateSnippets(): run each snippet on every sample in the sandbox, then judge each outcome.
//
//   outcome (ok | error) → runtime findings (mapped to the TypeScript source when compiled)
//                        → result checks (runtime contract + destination schema)
//                        → parity with the unlowered mapping, golden files
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourcePosition } from '../compile/map-position.js';
import type { Finding, FindingCode } from '../findings/finding.js';
import type { RunError, RunOutcome, Sandbox } from '../sandbox/index.js';
import { preparedInput, withInputUrl } from '../sandbox/input-text.js';
import { knownFieldPaths, unknownFieldFindings } from './check-reads.js';
import { withPlainAdvice } from './plain-advice.js';
import { judgeRequest } from './judge-request.js';
import { toFinding } from './check-result.js';
import { diffText, formatGolden } from './golden.js';
import { cardSampleUrl, withCardUrl } from './card-url.js';
import { getDestination } from '../destinations/registry.js';
import { toRuntimeInput, type SampleInput } from './sample-inputs.js';

export interface SnippetUnderTest {
  /** Project path findings are reported against (the .js snippet or the .ts mapping). */
  file: string;
  /** Folder name for golden files: `<golden dir>/<name>/<event>.json`. */
  name: string;
  code: string;
  /** For compiled mappings: a snippet position → the TypeScript source position. */
  mapPosition?: (line: number, column: number) => SourcePosition | undefined;
  /** What `mapPosition` depends on (a digest of the source map), for the cache's key. */
  mapPositionKey?: string;
  /** For compiled mappings: the same mapping without lowering or minification, to compare with. */
  reference?: string;
  /**
   * The destination the snippet declares (`destination:` in the mapping, the snippet header's
   * "Destination:" line, or --destination). Where its card supplies the URL, the samples carry a
   * URL of the card's form, and the destination's checks apply to the request. A destination
   * named by the URL the snippet sets wins.
   */
  destination?: string;
}

export interface EventSummary {
  event: string;
  runs: number;
  passed: number;
  warned: number;
  failed: number;
  cancelled: number;
}

export interface SnippetReport {
  file: string;
  /** Destinations the results were sent to (by URL), e.g. ["segment"]. */
  destinations: string[];
  summary: EventSummary[];
  findings: Finding[];
  /** Golden files to (re)write, path → content; only filled with `golden.update`. */
  goldenWrites: Map<string, string>;
  /** What each sample gave, in input order; only with `keepResults` (the HTML report shows them). */
  results?: SampleRun[];
}

/** One sample's run as the HTML report shows it: what was returned and how it was judged. */
export interface SampleRun {
  event: string;
  sample: string;
  status: 'pass' | 'warn' | 'fail' | 'cancel';
  /** The returned webhook object (ok runs only). */
  result?: unknown;
  /** Why there is no result: the runtime error, or the limit hit. */
  error?: string;
  /** The destination the request is for: by URL, else the one given for the snippet. */
  destination?: string;
  /** The findings of this sample (the ones counted in its status). */
  findings: Finding[];
}

export interface ValidateOptions {
  inputs: readonly SampleInput[];
  sandbox: Sandbox;
  /** Expected outputs of the built-in base samples; absolute folder. */
  golden?: { dir: string; update: boolean };
  /** Keep every sample's result in the report (memory: all results at once); off for terminal reporters. */
  keepResults?: boolean;
}

/** Samples that may fail on the time or memory limit before the rest of a snippet's run is given up. */
export const STOP_AFTER_FAILURES = 3;
/** Characters of results one snippet may send back in all: about ten times what the largest template sends. */
export const MAX_OUTPUT_CHARS = 4 * 1024 * 1024;
/** Run time one snippet may take over all its samples: a template needs about 0.2 s. */
export const MAX_TOTAL_RUN_MS = 4000;

type ReferenceOutcome = { ok: true; result: unknown } | { ok: false; error: string };

const ERROR_CODES: Record<string, FindingCode> = {
  timeout: 'timeout', memory: 'memory-limit', 'too-large': 'invalid-result', 'invalid-result': 'invalid-result', promise: 'invalid-result', 'no-handler': 'invalid-result',
};

/**
 * A sample's runtime input for a destination (its card's URL), made and serialised once however
 * many snippets run on it: the samples are the same objects for every snippet of a run. The
 * inputs for card URLs share the base input's text (see withInputUrl).
 */
const RUNTIME_INPUTS = new WeakMap<SampleInput, Map<string, { value: Record<string, unknown>; token: object }>>();
function runtimeInputFor(input: SampleInput, destination: string | undefined): { value: Record<string, unknown>; token: object } {
  let byUrl = RUNTIME_INPUTS.get(input);
  if (byUrl === undefined) {
    const value = toRuntimeInput(input);
    RUNTIME_INPUTS.set(input, byUrl = new Map([['', { value, token: preparedInput(value) }]]));
  }
  // Keyed by the URL the input carries: destinations without a card URL share the base.
  const url = cardSampleUrl(destination);
  const base = byUrl.get('')!;
  if (url === undefined) return base;
  let made = byUrl.get(url);
  if (made === undefined) {
    made = { value: withCardUrl(base.value, destination), token: withInputUrl(base.token, url) };
    byUrl.set(url, made);
  }
  return made;
}

export async function validateSnippet(snippet: SnippetUnderTest, options: ValidateOptions): Promise<SnippetReport> {
  const prepared = options.inputs.map((input) => runtimeInputFor(input, snippet.destination));
  const runtimeInputs = prepared.map((p) => p.value);
  const budget = { stopAfter: STOP_AFTER_FAILURES, maxOutputChars: MAX_OUTPUT_CHARS, maxTotalMs: MAX_TOTAL_RUN_MS };
  const outcomes = await options.sandbox.runMany(snippet.code, prepared.map((p) => p.token), budget);
  // Parity only where the snippet ran cleanly (a failure is already a finding of its own), and
  // only when lowering changed the code: the same code in a fresh context with the same frozen
  // clock and seeded random gives the same result. The reference runs in the sandbox like the
  // snippet, a fresh context per sample.
  const reference = snippet.reference !== undefined && snippet.reference !== snippet.code ? snippet.reference : undefined;
  const parityIndices = reference === undefined ? [] : outcomes.flatMap((o, i) => (o.ok ? [i] : []));
  const referenceOutcomes = new Map<number, ReferenceOutcome>();
  if (reference !== undefined && parityIndices.length > 0) {
    const results = await options.sandbox.runMany(reference, parityIndices.map((i) => prepared[i]!.token), budget);
    parityIndices.forEach((i, k) => {
      const r = results[k]!;
      referenceOutcomes.set(i, r.ok ? { ok: true, result: r.result } : { ok: false, error: r.error.message });
    });
  }
  const report: SnippetReport = { file: snippet.file, destinations: [], summary: [], findings: [], goldenWrites: new Map() };
  const limits = limitFindings(snippet, options.inputs, outcomes);
  report.findings.push(...limits.findings, ...runtimeEscapes(snippet, options.inputs, outcomes),
    ...unknownFieldFindings(snippet.file, options.inputs, outcomes, snippet.mapPosition, snippet.code));
  const destinations = new Set<string>();
  /** Event types with a request that kept the input's URL. */
  const keptUrl = new Set<string>();
  const summaries = new Map<string, EventSummary>();
  // The findings of each run with env, by index: its run without env is judged against them.
  const envRunFindings = new Map<number, Finding[]>();
  const results: SampleRun[] | undefined = options.keepResults ? [] : undefined;

  for (const [index, input] of options.inputs.entries()) {
    const outcome = outcomes[index];
    if (!outcome) continue;
    const findings: Finding[] = [];
    let cancelled = false;
    let destination: string | undefined;
    if (outcome.ok) {
      const inputUrl = String(runtimeInputs[index]!['url']);
      const judged = judgeRequest(outcome.result, {
        inputUrl, env: runtimeInputs[index]!['env'], ...(snippet.destination !== undefined && { declared: snippet.destination }), event: input.event, sample: input.name,
      });
      const { verdict, issues } = judged;
      cancelled = verdict.cancelled;
      if (!verdict.cancelled && (outcome.result as { url?: unknown } | null)?.url === inputUrl) keptUrl.add(input.eventType);
      if (!verdict.cancelled && verdict.destination) destinations.add(verdict.destination);
      destination = judged.destination;
      findings.push(...issues.map((i) => toFinding(snippet.file, input.eventType, input.name, i)));
    } else if (!limits.collapsed.has(index)) {
      findings.push(runtimeFinding(snippet, input, outcome, knownFieldPaths(options.inputs)));
    }
    const reference = referenceOutcomes.get(index);
    if (reference && outcome.ok) findings.push(...parityFindings(snippet, input, outcome, reference));
    if (options.golden && input.name === 'builtin/base') findings.push(...await goldenFindings(snippet, input, outcome, options.golden, report.goldenWrites));
    // The first few console lines are what explains a finding; the report stays small on a log flood.
    const logs = outcome.logs.slice(0, 10).map((l) => `console.${l.level}: ${l.text.length > 500 ? `${l.text.slice(0, 500)}…` : l.text}`);
    if (outcome.logs.length > 10) logs.push(`… ${outcome.logs.length - 10} more console lines`);
    if (logs.length) for (const f of findings) f.logs = logs;
    let shown = findings;
    if (input.withEnv !== undefined) {
      const paired = pairedWithEnv(snippet, input, outcome, options.inputs[input.withEnv]!, outcomes[input.withEnv], findings, envRunFindings.get(input.withEnv) ?? []);
      if (paired !== undefined) shown = paired;
    } else if (input.env !== undefined) {
      envRunFindings.set(index, findings);
    }
    report.findings.push(...shown);

    const summary = summaries.get(input.eventType) ?? { event: input.eventType, runs: 0, passed: 0, warned: 0, failed: 0, cancelled: 0 };
    summary.runs++;
    // A run without env counts what it shares with the run with env (said there) beside what it says itself.
    const shared = input.withEnv === undefined || shown === findings ? [] : findings.filter((f) => (envRunFindings.get(input.withEnv!) ?? []).some((e) => findingKey(e) === findingKey(f)));
    const counted = shown === findings ? findings : shown.length > 0 ? [...shown, ...shared] : findings;
    const status: SampleRun['status'] = limits.collapsed.has(index) || counted.some((f) => f.severity === 'error') ? 'fail'
      : counted.length > 0 ? 'warn' : cancelled ? 'cancel' : 'pass';
    if (status === 'fail') summary.failed++;
    else if (status === 'warn') summary.warned++;
    else if (status === 'cancel') summary.cancelled++;
    else summary.passed++;
    summaries.set(input.eventType, summary);
    results?.push({
      event: input.eventType, sample: input.name, status, findings: counted,
      ...(outcome.ok ? { result: outcome.result } : { error: outcome.error.message }),
      ...(destination !== undefined && { destination }),
    });
  }
  report.findings.push(...forwardedUnchanged(snippet, destinations, keptUrl));
  report.destinations = [...destinations].sort();
  report.summary = [...summaries.values()];
  if (results) report.results = results;
  // A hand-written snippet has no mapping helpers: its advice is said in plain JavaScript.
  if (!snippet.mapPosition) {
    report.findings = withPlainAdvice(report.findings);
    for (const result of results ?? []) result.findings = withPlainAdvice(result.findings);
  }
  return report;
}

/**
 * A snippet with no declared destination that sends some events to a destination whose URL the
 * code sets (Segment, Customer.io, …) and lets others through to the endpoint's own URL: those
 * go out as raw Dodo events. With a declared destination, url-not-set says it per sample.
 */
function forwardedUnchanged(snippet: SnippetUnderTest, destinations: ReadonlySet<string>, keptUrl: ReadonlySet<string>): Finding[] {
  if (snippet.destination !== undefined || keptUrl.size === 0) return [];
  const byCode = [...destinations].filter((id) => getDestination(id)?.urlFrom === 'code');
  if (byCode.length !== 1) return [];
  const title = getDestination(byCode[0]!)!.title;
  const events = [...keptUrl].sort();
  return [{
    code: 'url-not-set', severity: 'warning', file: snippet.file,
    message: `the snippet sends to ${title}, but ${events.length === 1 ? `${events[0]} keeps` : `${events.length} event types (${events.slice(0, 3).join(', ')}${events.length > 3 ? ', …' : ''}) keep`} the endpoint's own URL and go out as they came: cancel the events it does not handle (webhook.cancel = true), or set their url`,
  }];
}

/**
 * A snippet that hit the time or memory limit on a few samples was not run on the rest: one
 * finding says so, instead of one per sample.
 */
function limitFindings(snippet: SnippetUnderTest, inputs: readonly SampleInput[], outcomes: readonly RunOutcome[]): { findings: Finding[]; collapsed: Set<number> } {
  const collapsed = new Set<number>();
  const skippedOutcomes = outcomes.filter((o): o is Extract<RunOutcome, { ok: false }> => !o.ok && o.error.kind === 'skipped');
  const skipped = skippedOutcomes.length;
  if (skipped === 0) return { findings: [], collapsed };
  const failed: number[] = [];
  outcomes.forEach((o, i) => {
    if (o.ok) return;
    if (o.error.kind === 'skipped') collapsed.add(i);
    else if (LIMIT_KINDS.has(o.error.kind)) { failed.push(i); collapsed.add(i); }
  });
  const rest = `the other ${skipped} ${skipped === 1 ? 'was' : 'were'} not run`;
  if (failed.length === 0) {
    // Stopped by the output budget: the samples that ran were judged as usual.
    const first = outcomes.findIndex((o) => !o.ok && o.error.kind === 'skipped');
    const slow = / ms in all/.test(skippedOutcomes[0]!.error.message);
    return {
      collapsed,
      findings: [{
        code: slow ? 'timeout' : 'invalid-result', severity: 'error', file: snippet.file, event: inputs[first]!.eventType, sample: inputs[first]!.name,
        message: `${slow ? 'the snippet is too slow to run on every sample' : 'the results are too large to judge them all'}: ${rest} (${skippedOutcomes[0]!.error.message.replace(/^not run: /, '')})`,
      }],
    };
  }
  const firstOutcome = outcomes[failed[0]!] as Extract<RunOutcome, { ok: false }>;
  const kinds = new Set(failed.map((i) => (outcomes[i] as Extract<RunOutcome, { ok: false }>).error.kind));
  const what = kinds.size > 1 ? 'hit the time, memory or size limit'
    : kinds.has('timeout') ? 'timed out' : kinds.has('memory') ? 'ran out of memory' : kinds.has('too-large') ? 'returned a result too large to read' : 'crashed the sandbox';
  const samples = failed.slice(0, 3).map((i) => `${inputs[i]!.eventType} ${inputs[i]!.name}`);
  const base = runtimeFinding(snippet, inputs[failed[0]!]!, firstOutcome);
  return {
    collapsed,
    findings: [{
      ...base,
      message: `${what} on ${failed.length} sample${failed.length === 1 ? '' : 's'} (${samples.join(', ')}${failed.length > 3 ? ', …' : ''}); ` +
        `${rest}. First: ${firstOutcome.error.message}`,
      ...(firstOutcome.logs.length > 0 && { logs: firstOutcome.logs.slice(0, 10).map((l) => `console.${l.level}: ${l.text.length > 500 ? `${l.text.slice(0, 500)}…` : l.text}`) }),
    }],
  };
}

/**
 * A run without env beside the same sample with the configured env. The same result: its
 * findings are the env run's, already said (undefined is returned, they only count in the table).
 * A different result that is broken (a runtime error, an error finding, "undefined" in a string
 * the env run did not have): one env-missing warning instead. Otherwise its findings stand.
 */
function pairedWithEnv(snippet: SnippetUnderTest, input: SampleInput, outcome: RunOutcome, envInput: SampleInput, envOutcome: RunOutcome | undefined, found: Finding[], envFound: readonly Finding[]): Finding[] | undefined {
  if (envOutcome === undefined) return undefined;
  // The returned webhook carries the env it was given: the runtime ignores it, and so does this comparison.
  const sent = (result: unknown) => (result !== null && typeof result === 'object' && !Array.isArray(result) ? { ...result, env: undefined } : result);
  const same = outcome.ok && envOutcome.ok ? formatGolden(sent(outcome.result)) === formatGolden(sent(envOutcome.result))
    : !outcome.ok && !envOutcome.ok && outcome.error.message === envOutcome.error.message;
  if (same) return [];
  // What the run with env also has is not the absent env's doing: said once, for the env run.
  const envSays = new Set(envFound.map(findingKey));
  const findings = found.filter((f) => !envSays.has(findingKey(f)));
  const env = envInput.env ?? {};
  const undefinedAt = outcome.ok ? findUndefinedText(outcome.result, '$') : undefined;
  const envHasUndefined = envOutcome.ok && findUndefinedText(envOutcome.result, '$') !== undefined;
  const firstError = findings.find((f) => f.severity === 'error');
  let what: string | undefined;
  if (!outcome.ok) what = `it throws: ${outcome.error.message}`;
  else if (undefinedAt !== undefined && !envHasUndefined) what = "it sends the text \"undefined\"";
  else if (emptyCredentials(outcome.result) !== undefined && (!envOutcome.ok || emptyCredentials(envOutcome.result) === undefined)) {
    what = `its ${emptyCredentials(outcome.result)} header carries no credentials`;
  } else if (firstError) what = `${firstError.message}${firstError.jsonPath ? ` at ${firstError.jsonPath}` : ''} [${firstError.code}]`;
  if (what === undefined) return findings.length < found.length ? findings : undefined;
  const envText = envOutcome.ok ? JSON.stringify(sent(envOutcome.result)) ?? '' : '';
  const read = Object.keys(env).filter((k) => (env[k]!.length > 0 && envText.includes(JSON.stringify(env[k]).slice(1, -1))) || (!outcome.ok && outcome.error.message.includes(k)));
  const names = (read.length > 0 ? read : Object.keys(env)).map((k) => `webhook.env.${k}`);
  const first = names[0] ?? 'webhook.env';
  const base = !outcome.ok ? runtimeFinding(snippet, input, outcome) : { file: snippet.file };
  return [{
    ...base,
    code: 'env-missing', severity: 'warning', event: input.eventType, sample: input.name,
    ...(outcome.ok && undefinedAt !== undefined && { jsonPath: undefinedAt }),
    message: `without ${names.join(', ')} the request breaks (${what}); the runtime may omit env: guard it, e.g. \`if (!${first.replace('webhook.env.', 'webhook.env?.')}) ${
      // A mapping cancels with its helper; a hand-written snippet sets the flag itself.
      snippet.mapPosition ? 'return skip();' : '{ webhook.cancel = true; return webhook; }'}\``,
  }];
}

/** An auth header left empty or with a bare scheme ("Bearer "): the name of the first such header. */
function emptyCredentials(result: unknown): string | undefined {
  const headers = (result as { headers?: unknown } | null)?.headers;
  if (headers === null || typeof headers !== 'object') return undefined;
  return Object.entries(headers).find(([name, value]) => AUTH_HEADER.test(name) && typeof value === 'string' && /^\s*(?:(?:Bearer|Basic|Token|Bot)\s*)?$/i.test(value))?.[0];
}
const AUTH_HEADER = /^(?:authorization|x-api-key|api-key|x-auth-token|x-access-token)$/i;

const findingKey = (f: Finding) => `${f.code}|${f.jsonPath ?? ''}|${f.message}`;

/** The JSON path of the first string that contains the text "undefined", if any. */
function findUndefinedText(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('undefined') ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) { const found = findUndefinedText(v, `${path}[${i}]`); if (found) return found; }
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const found = findUndefinedText(v, /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`);
      if (found) return found;
    }
  }
  return undefined;
}

const LIMIT_KINDS: ReadonlySet<string> = new Set(['timeout', 'memory', 'crash', 'too-large']);

/** Code generation from strings seen at run time, once per kind for the snippet (caught or not). */
function runtimeEscapes(snippet: SnippetUnderTest, inputs: readonly SampleInput[], outcomes: readonly RunOutcome[]): Finding[] {
  const seen = new Map<string, number>();
  outcomes.forEach((o, i) => { for (const e of o.escapes ?? []) if (!seen.has(e)) seen.set(e, i); });
  return [...seen].map(([what, i]) => ({
    code: 'escape-attempt' as const,
    severity: 'error' as const,
    file: snippet.file,
    event: inputs[i]!.eventType,
    sample: inputs[i]!.name,
    message: `the snippet calls ${what} to run code from a string; the webhook runtime forbids it (the sandbox refused it${outcomes[i]!.ok ? ', and the snippet caught the error' : ''})`,
  }));
}

function runtimeFinding(snippet: SnippetUnderTest, input: SampleInput, outcome: Extract<RunOutcome, { ok: false }>, known?: ReadonlyMap<string, ReadonlySet<string>>): Finding {
  const { error } = outcome;
  const located = locateInSource(snippet, error);
  const where = located.at ?? { file: snippet.file, ...(!snippet.mapPosition && error.line !== undefined && { line: error.line, column: error.column ?? 1 }) };
  return {
    code: ERROR_CODES[error.kind] ?? 'runtime-error',
    severity: 'error',
    ...where,
    event: input.eventType,
    sample: input.name,
    message: error.message + (located.helper ? ` (thrown inside ${located.helper}, a dodo-transform helper, called here)` : '') +
      (absentFieldHint(input, outcome, known) || nullableHint(input, error.message)),
  };
}

/**
 * Where a compiled mapping's error is in the user's TypeScript: the throw's own position, or,
 * when it was thrown inside the tool's helpers (formatMoney, toMajorUnits…), which map to no file
 * of the user's, the first frame of the stack that is the user's code: the call that passed the
 * bad value. A snippet's position is never shown against the .ts file.
 */
function locateInSource(snippet: SnippetUnderTest, error: RunError): { at?: SourcePosition; helper?: string } {
  const map = snippet.mapPosition;
  if (!map || error.line === undefined) return {};
  const direct = map(error.line, error.column ?? 1);
  if (direct) return { at: direct };
  let helper: string | undefined;
  for (const frame of (error.stack ?? '').matchAll(/at (?:(?:new )?([\w$.]+) \()?snippet\.js:(\d+):(\d+)/g)) {
    const at = map(Number(frame[2]), Number(frame[3]));
    if (at) return { at, ...(helper && { helper }) };
    helper ??= frame[1];
  }
  return {};
}

/**
 * A TypeError right after reading a field the event type never has (`customer` on a license
 * key): that field is the cause, not a missing guard on a nullable one.
 */
function absentFieldHint(input: SampleInput, outcome: Extract<RunOutcome, { ok: false }>, known: ReadonlyMap<string, ReadonlySet<string>> | undefined): string {
  const fields = known?.get(input.eventType);
  // Reading a field its event never has is the likeliest cause of a TypeError on undefined, or of
  // an invalid date made from it.
  if (!fields || !/^(TypeError: .*\bundefined\b|RangeError: Invalid time value)/.test(outcome.error.message)) return '';
  const parentOf = (path: string) => path.slice(0, path.lastIndexOf('.'));
  const read = [...(outcome.reads ?? [])].reverse().find((r) => !fields.has(r.path) && !/(^|\.)metadata(\.|$)/.test(parentOf(r.path)) &&
    (parentOf(r.path) === 'payload' || fields.has(parentOf(r.path))));
  if (!read) return '';
  return ` (${read.path.replace(/^payload\.(data\.)?/, '')} does not exist on ${input.eventType} events, so it is undefined here: read it only for the events that have it)`;
}

/**
 * A TypeError on the variant whose nullable fields are null or absent is a field used without
 * a guard: say so, since "Cannot read properties of null" alone does not name the cause.
 */
function nullableHint(input: SampleInput, message: string): string {
  if (!input.name.startsWith('builtin/nullable-absent') || !/^TypeError: .*\b(null|undefined)\b/.test(message)) return '';
  return ' (this sample has every field that may be null set to null, and every optional field left out: a nullable field is used without a guard; check it first, e.g. `x != null ? … : "—"` or `x?.y`)';
}

function parityFindings(snippet: SnippetUnderTest, input: SampleInput, outcome: Extract<RunOutcome, { ok: true }>, reference: ReferenceOutcome): Finding[] {
  const expected = reference.ok ? formatGolden(reference.result) : `threw: ${reference.error}\n`;
  const actual = formatGolden(outcome.result);
  if (expected === actual) return [];
  return [{
    code: 'parity-mismatch', severity: 'error', file: snippet.file, event: input.eventType, sample: input.name,
    message: 'the compiled snippet gives a different result from the TypeScript mapping (a lowering or minification problem): try another --target',
    details: diffText(expected, actual, 'mapping', 'snippet'),
  }];
}

async function goldenFindings(snippet: SnippetUnderTest, input: SampleInput, outcome: RunOutcome, golden: { dir: string; update: boolean }, writes: Map<string, string>): Promise<Finding[]> {
  if (!outcome.ok) return [];
  const path = join(golden.dir, snippet.name, `${input.eventType}.json`);
  const actual = formatGolden(outcome.result);
  if (golden.update) {
    writes.set(path, actual);
    return [];
  }
  if (!existsSync(path)) return [];
  const expected = await readFile(path, 'utf8');
  if (expected.replace(/\r\n/g, '\n') === actual) return [];
  return [{
    code: 'golden-mismatch', severity: 'error', file: snippet.file, event: input.eventType, sample: input.name,
    message: `the result differs from ${join(snippet.name, `${input.eventType}.json`)}; run with --update to accept it`,
    details: diffText(expected, actual, 'expected', 'actual'),
  }];
}
