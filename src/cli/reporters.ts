import type { ChalkInstance } from 'chalk';
import type { Finding } from '../findings/finding.js';
import type { Report } from '../project/report.js';
import { escapeJson, escapeLine, escapeText } from '../util/terminal-text.js';
import { resolve } from 'node:path';
import { toProjectPath } from '../util/path.js';
import { formatFindings } from './format-findings.js';

export const REPORTERS = ['pretty', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export type { Report } from '../project/report.js';

/**
 * What a sample's finding says without the sample's own values: "\"Paid undefined by Ada\" contains
 * undefined" and "\"Paid undefined by Zoë\" contains undefined" are one problem, as are the same
 * wrong decimals of two events' amounts. A quote cut short ends with "…" instead of its closing quote.
 */
const messageShape = (f: Finding): string => (f.event === undefined ? f.message
  : f.message.replace(/"(?:[^"\\…]|\\[^…])*\\?(?:"|…)/g, '""').replace(/ on the [\w-]+ variant/g, '').replace(/\d+(?:[.,]\d+)*/g, '#'));

/** Findings of many samples that say the same thing at the same place are shown once, with a count. */
export function groupSampleFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { finding: Finding; samples: string[] }>();
  for (const f of findings) {
    const key = [f.code, f.severity, f.file, f.line, f.column, f.jsonPath, messageShape(f)].join('|');
    const group = groups.get(key);
    const label = f.event ? `${f.event} ${f.sample ?? ''}`.trim() : '';
    if (group) {
      if (label) group.samples.push(label);
    } else groups.set(key, { finding: f, samples: label ? [label] : [] });
  }
  return [...groups.values()].map(({ finding, samples }) => {
    // A bad sample file's problem is somewhere inside it: say where.
    if (samples.length === 0 && finding.code === 'bad-sample' && finding.jsonPath && finding.jsonPath !== '$' && !finding.message.includes(finding.jsonPath)) {
      return { ...finding, message: `${finding.jsonPath}: ${finding.message}` };
    }
    if (samples.length === 0) return finding;
    const where = finding.jsonPath ? ` at ${finding.jsonPath}` : '';
    const on = samples.length === 1 ? `on ${samples[0]}` : `on ${samples.length} samples, e.g. ${samples.slice(0, 3).join(', ')}`;
    return { ...finding, message: `${finding.message}${where} (${on})`, details: [...(finding.details ?? []), ...(finding.logs ?? [])] };
  });
}

/**
 * Codes that name a cause: a missing field read, a throw, an escape, a limit. A snippet reading a
 * field that does not exist also renders "undefined" into every message on every sample; the one
 * line that explains those hundreds comes first.
 */
const CAUSES = new Set(['unknown-field', 'runtime-error', 'escape-attempt', 'timeout', 'memory-limit', 'syntax-error', 'handler-shape', 'module-syntax', 'invalid-result']);
const isCause = (f: Finding): boolean => CAUSES.has(f.code) || (f.event === undefined && f.line !== undefined);

/** Causes first, each group keeping its order (stable: output never depends on timing). */
export function causesFirst(findings: readonly Finding[]): Finding[] {
  return [...findings.filter(isCause), ...findings.filter((f) => !isCause(f))];
}

/** 1,234: one way whatever the machine's locale. */
// Integers by hand: the first toLocaleString loads ICU's number data, ~50 ms of a cached check.
export const formatNumber = (n: number): string =>
  (Number.isSafeInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US'));
export const countOf = (n: number, noun: string): string => `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;

export interface ReportOptions {
  /** Every event in the table, also those the snippet cancels on every sample. */
  all?: boolean;
  durationMs?: number;
  /** How many snippets were looked at. @default the files in the report's table */
  snippets?: number;
  /** `check`: say "fresh" when the committed snippets match their mappings. */
  mode?: 'validate' | 'check';
}

function formatTable(report: Report, colors: ChalkInstance, all: boolean): string {
  const out: string[] = [];
  const n = (value: number) => formatNumber(value);
  for (const { file, destinations, events } of report.summaries) {
    const shown = toProjectPath(report.cwd, resolve(report.root, file));
    out.push(colors.bold(escapeLine(`${shown}${destinations.length ? `  → ${destinations.join(', ')}` : ''}`)));
    // Only what the snippet handles, unless --all: 40 rows of "cancelled" bury the ones that matter.
    const rows = all ? events : events.filter((e) => e.runs > e.cancelled);
    if (rows.length > 0) out.push(`  ${'event'.padEnd(36)} ${'runs'.padStart(5)} ${'pass'.padStart(5)} ${'warn'.padStart(5)} ${'fail'.padStart(5)} ${'cancel'.padStart(7)}`);
    for (const e of rows) {
      const fail = e.failed ? colors.red(n(e.failed).padStart(5)) : n(e.failed).padStart(5);
      const warn = e.warned ? colors.yellow(n(e.warned).padStart(5)) : n(e.warned).padStart(5);
      out.push(`  ${e.event.padEnd(36)} ${n(e.runs).padStart(5)} ${n(e.passed).padStart(5)} ${warn} ${fail} ${n(e.cancelled).padStart(7)}`);
    }
    const hidden = events.length - rows.length;
    if (hidden > 0) out.push(colors.dim(`  ${rows.length === 0 ? 'every event is cancelled: ' : ''}${countOf(hidden, 'other event')} cancelled on every sample (--all shows them)`));
    // Nothing was judged: a snippet that waits for a field the built-in samples lack (a metadata
    // key of the merchant's checkout) needs a sample that has it.
    if (rows.length === 0 && events.length > 0) out.push(colors.dim('  nothing was checked; if the snippet waits for webhook.env, give it with --env KEY=VALUE (or env in the config); if it waits for a field the built-in samples lack (a metadata key), add a sample that has it: samples/<event-type>/<name>.json'));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The last line of validate and check: "3 snippets, 2 errors, 1 warning in 1.2 s". */
export function formatRunSummary(report: Report, findings: readonly Finding[], colors: ChalkInstance, options: ReportOptions = {}): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const snippets = options.snippets ?? report.summaries.length;
  const fresh = options.mode === 'check' && !report.findings.some((f) => f.code === 'stale-snippet' || f.code === 'missing-snippet' || f.code === 'orphaned-snippet' || f.code === 'snippet-name-taken');
  const parts = [
    `${countOf(snippets, 'snippet')}${fresh ? ' fresh' : ''}`,
    ...(errors ? [colors.red(countOf(errors, 'error'))] : []),
    ...(warnings ? [colors.yellow(countOf(warnings, 'warning'))] : []),
    ...(errors + warnings === 0 ? [colors.green('no problems')] : []),
  ];
  const time = options.durationMs === undefined ? '' : ` in ${(options.durationMs / 1000).toFixed(1)} s`;
  return `${parts.join(', ')}${time}\n`;
}

/** GitHub workflow commands: `::error file=…,line=…,col=…,title=…::message`, escaped as the runner expects. */
export function formatGithub(findings: readonly Finding[]): string {
  // Control characters of user text are escaped first; then the runner's own encoding.
  const data = (s: string) => escapeText(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return groupSampleFindings(findings).map((f) => {
    const props = [f.file && `file=${prop(f.file)}`, f.line && `line=${f.line}`, f.column && `col=${f.column}`, `title=${prop(`dodo-transform ${f.code}`)}`].filter(Boolean).join(',');
    const body = [f.message, ...(f.details ?? [])].join('\n');
    return `::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${data(body)}\n`;
  }).join('');
}

export function formatReport(name: ReporterName, report: Report, colors: ChalkInstance, options: ReportOptions = {}): { stdout: string; stderr: string } {
  if (name === 'json') return { stdout: `${escapeJson(JSON.stringify({ findings: report.findings, summaries: report.summaries.map(({ results: _, ...summary }) => summary) }, null, 2))}\n`, stderr: '' };
  const grouped = groupSampleFindings(report.findings);
  // github: the annotations on stdout, the summary on stderr (also on success, so the log says what ran).
  if (name === 'github') return { stdout: formatGithub(report.findings), stderr: formatRunSummary(report, grouped, colors, options) };
  // Findings first, causes before what they cause, then the table of what ran, then one summary line last.
  const findings = formatFindings(causesFirst(grouped), report.root, report.cwd, colors);
  const table = formatTable(report, colors, options.all ?? false);
  return { stdout: [findings, table].filter(Boolean).join('\n') + (findings || table ? '\n' : '') + formatRunSummary(report, grouped, colors, options), stderr: '' };
}
