import type { ChalkInstance } from 'chalk';
import type { Finding } from '../findings/finding.js';
import type { Report } from '../project/report.js';
import { escapeJson, escapeLine, escapeText } from '../util/terminal-text.js';
import { formatFindings, formatSummary } from './format-findings.js';

export const REPORTERS = ['pretty', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export type { Report } from '../project/report.js';

/** Findings of many samples that say the same thing at the same place are shown once, with a count. */
export function groupSampleFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, { finding: Finding; samples: string[] }>();
  for (const f of findings) {
    const key = [f.code, f.severity, f.file, f.line, f.column, f.jsonPath, f.message].join('|');
    const group = groups.get(key);
    const label = f.event ? `${f.event} ${f.sample ?? ''}`.trim() : '';
    if (group) {
      if (label) group.samples.push(label);
    } else groups.set(key, { finding: f, samples: label ? [label] : [] });
  }
  return [...groups.values()].map(({ finding, samples }) => {
    if (samples.length === 0) return finding;
    const where = finding.jsonPath ? ` at ${finding.jsonPath}` : '';
    const on = samples.length === 1 ? `on ${samples[0]}` : `on ${samples.length} samples, e.g. ${samples.slice(0, 3).join(', ')}`;
    return { ...finding, message: `${finding.message}${where} (${on})`, details: [...(finding.details ?? []), ...(finding.logs ?? [])] };
  });
}

function formatTable(report: Report, colors: ChalkInstance): string {
  const out: string[] = [];
  for (const { file, destinations, events } of report.summaries) {
    out.push(colors.bold(escapeLine(`${file}${destinations.length ? `  → ${destinations.join(', ')}` : ''}`)));
    out.push(`  ${'event'.padEnd(36)} ${'runs'.padStart(5)} ${'pass'.padStart(5)} ${'warn'.padStart(5)} ${'fail'.padStart(5)} ${'cancel'.padStart(7)}`);
    for (const e of events) {
      const fail = e.failed ? colors.red(String(e.failed).padStart(5)) : String(e.failed).padStart(5);
      const warn = e.warned ? colors.yellow(String(e.warned).padStart(5)) : String(e.warned).padStart(5);
      out.push(`  ${e.event.padEnd(36)} ${String(e.runs).padStart(5)} ${String(e.passed).padStart(5)} ${warn} ${fail} ${String(e.cancelled).padStart(7)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
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

export function formatReport(name: ReporterName, report: Report, colors: ChalkInstance): { stdout: string; stderr: string } {
  if (name === 'json') return { stdout: `${escapeJson(JSON.stringify({ findings: report.findings, summaries: report.summaries }, null, 2))}\n`, stderr: '' };
  if (name === 'github') return { stdout: formatGithub(report.findings), stderr: formatSummary(groupSampleFindings(report.findings), colors) };
  const grouped = groupSampleFindings(report.findings);
  return { stdout: formatTable(report, colors) + (grouped.length ? '\n' : '') + formatFindings(grouped, report.root, report.cwd, colors) + formatSummary(grouped, colors), stderr: '' };
}
