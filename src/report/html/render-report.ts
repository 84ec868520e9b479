// renderHtmlReport(): the whole report as one self-contained HTML file. Pure and deterministic:
// the same report gives the same bytes but for the one "Generated" line.
//
// Size: identical outcomes are rendered once (cards list the samples that share one), at most
// `maxCardsPerEvent` distinct outcomes per event are drawn, and the previews stop once
// `maxPreviewBytes` are used (the rest say how to see them): 20 mappings × 300 samples stay
// under 10 MB. Previews are JSON data the page script inserts when an event is opened.
import { createHash } from 'node:crypto';
import type { Finding } from '../../findings/finding.js';
import type { Report } from '../../project/report.js';
import { compareStrings } from '../../util/compare.js';
import type { SampleRun } from '../../validate/validate-snippets.js';
import { NO_ENV_SUFFIX } from '../../validate/sample-inputs.js';
import { esc, scriptJson } from './html.js';
import { badge } from './marks.js';
import { maskText } from './mask-secrets.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { renderRun } from './preview.js';

export interface HtmlReportOptions {
  /** The one line that differs between two runs on the same input. */
  generatedAt: Date;
  /** Bytes of preview data in all (UTF-8, as embedded), past which previews are left out. @default 6 MB */
  maxPreviewBytes?: number;
  /** Distinct outcomes drawn per event of a snippet; the others are listed by sample. @default 24 */
  maxCardsPerEvent?: number;
  /** Findings listed per code of a snippet. @default 200 */
  maxFindingsPerCode?: number;
  /** Values never to show (webhook.env's): masked in URLs, headers and bodies. */
  secrets?: readonly string[];
}

type Status = SampleRun['status'];
const STATUS_ORDER: Record<Status, number> = { fail: 0, warn: 1, pass: 2, cancel: 3 };
const SEVERITY_TOKEN = { error: 'fail', warning: 'warn' } as const;

/** The variant tokens of a sample name: `builtin/currency-jpy` → currency-jpy, a sample file → user; `(no env)` adds no-env. */
export function variantsOf(sample: string): string[] {
  const noEnv = sample.endsWith(NO_ENV_SUFFIX);
  const name = noEnv ? sample.slice(0, -NO_ENV_SUFFIX.length) : sample;
  const variant = name.startsWith('builtin/') ? name.slice('builtin/'.length).replace(/\s/g, '-') : 'user';
  return noEnv ? [variant, 'no-env'] : [variant];
}

/** The strict policy of the page: nothing loads, the one script runs by its hash, frames are srcdoc only. */
export function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(PAGE_SCRIPT).digest('base64');
  return `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'`;
}

class Previews {
  readonly list: (string | null)[] = [];
  private readonly ids = new Map<string, number>();
  private used = 0;
  constructor(private readonly budget: number, private readonly secrets: readonly string[]) {}

  /** The id of this outcome's preview, rendering it the first time (or leaving it out past the budget). */
  id(key: string, run: SampleRun): number {
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    let html: string | null = null;
    if (this.used < this.budget) {
      html = renderRun(run, this.secrets);
      // Counted as embedded: JSON escapes every < as \u003c, so the data is larger than the HTML.
      const bytes = Buffer.byteLength(scriptJson(html), 'utf8');
      if (this.used + bytes > this.budget) html = null;
      else this.used += bytes;
    }
    const id = this.list.length;
    this.list.push(html);
    this.ids.set(key, id);
    return id;
  }
}

/** What makes two runs show the same: the result, the error and the findings (not the sample's name). */
function outcomeKey(run: SampleRun): string {
  return JSON.stringify([run.status, run.destination ?? null, run.error ?? null, run.result ?? null,
    run.findings.map((f) => [f.code, f.severity, f.jsonPath ?? null, f.message, f.logs ?? null])]);
}

const tokens = (values: Iterable<string>) => [...new Set(values)].sort(compareStrings).join(' ');

function findingGroups(findings: readonly Finding[], maxPerCode: number): string {
  if (findings.length === 0) return '<p class="note">no findings</p>';
  const byCode = new Map<string, Finding[]>();
  for (const f of findings) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return [...byCode.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([code, list]) => {
    // The same message at the same place on many samples is one item naming them.
    const items = new Map<string, Finding[]>();
    for (const f of list) {
      const key = [f.severity, f.jsonPath, f.line, f.column, f.message].join('\u0000');
      items.set(key, [...(items.get(key) ?? []), f]);
    }
    const errors = list.filter((f) => f.severity === 'error').length;
    const rows = [...items.values()].slice(0, maxPerCode).map((group) => {
      const f = group[0]!;
      const samples = group.filter((g) => g.event !== undefined).map((g) => `${g.event} ${g.sample ?? ''}`.trim());
      const where = f.line === undefined ? '' : ` <code>${esc(`${f.file ?? ''}:${f.line}${f.column === undefined ? '' : `:${f.column}`}`)}</code>`;
      return `<li data-row="finding" data-event="${esc(tokens(group.flatMap((g) => (g.event ? [g.event] : []))))}" data-sev="${SEVERITY_TOKEN[f.severity]}" data-variants="${esc(tokens(group.flatMap((g) => (g.sample ? variantsOf(g.sample) : []))))}">` +
        `${badge(f)}${where}${f.jsonPath ? ` <code class="path">${esc(f.jsonPath)}</code>` : ''} ${esc(f.message)}` +
        `${f.details?.length ? `<pre>${esc(f.details.slice(0, 40).join('\n'))}</pre>` : ''}` +
        `${samples.length ? `<div class="samples">${esc(samples.slice(0, 20).join(', '))}${samples.length > 20 ? ` … and ${samples.length - 20} more` : ''}</div>` : ''}</li>`;
    });
    const more = items.size > maxPerCode ? `<li class="note">… and ${items.size - maxPerCode} more</li>` : '';
    return `<details class="code" data-group open><summary>${esc(code)} <span class="dest">${errors ? `${errors} error${errors === 1 ? '' : 's'}` : ''}${errors && list.length > errors ? ', ' : ''}${list.length > errors ? `${list.length - errors} warning${list.length - errors === 1 ? '' : 's'}` : ''}</span></summary><ul class="items">${rows.join('')}${more}</ul></details>`;
  }).join('');
}

function gallery(event: string, runs: readonly SampleRun[], previews: Previews, maxCards: number): string {
  const groups = new Map<string, SampleRun[]>();
  for (const run of runs) {
    const key = outcomeKey(run);
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  const ordered = [...groups.entries()].map(([key, list], order) => ({ key, list, order }))
    .sort((a, b) => STATUS_ORDER[a.list[0]!.status] - STATUS_ORDER[b.list[0]!.status] || a.order - b.order);
  const card = (key: string, list: SampleRun[]) => {
    const status = list[0]!.status;
    const id = previews.id(key, list[0]!);
    const names = list.map((r) => `<span class="variant" title="${esc(r.sample)}">${esc(r.sample.replace(/^builtin\//, ''))}</span>`).join('');
    const findings = list[0]!.findings.length;
    return `<div class="card ${status}" data-row="card" data-event="${esc(event)}" data-sev="${status}" data-variants="${esc(tokens(list.flatMap((r) => variantsOf(r.sample))))}" data-pvid="${id}">` +
      `<div class="card-head"><span class="status ${status}">${status}</span>${names}${findings ? `<span class="dest">${findings} finding${findings === 1 ? '' : 's'}</span>` : ''}</div><div data-pv="${id}"></div></div>`;
  };
  const shown = ordered.slice(0, maxCards).map((g) => card(g.key, g.list));
  const rest = ordered.slice(maxCards);
  if (rest.length > 0) {
    const runsLeft = rest.flatMap((g) => g.list);
    shown.push(`<div class="card more" data-row="card" data-event="${esc(event)}" data-sev="${tokens(runsLeft.map((r) => r.status))}" data-variants="${esc(tokens(runsLeft.flatMap((r) => variantsOf(r.sample))))}">` +
      `<div class="card-head">${rest.length} more distinct outputs, not drawn to keep the report small (see them with <code>dodo-transform preview</code>):</div>` +
      `<ul class="items">${runsLeft.map((r) => `<li><span class="status ${r.status}">${r.status}</span> ${esc(r.sample)}</li>`).join('')}</ul></div>`);
  }
  const count = (s: Status) => runs.filter((r) => r.status === s).length;
  return `<details class="event" data-group><summary>${esc(event)} <span class="dest">${runs.length} samples, ${groups.size} distinct output${groups.size === 1 ? '' : 's'}` +
    `${count('fail') ? ` · <span class="n-fail">${count('fail')} fail</span>` : ''}${count('warn') ? ` · <span class="n-warn">${count('warn')} warn</span>` : ''}</span></summary><div class="gallery">${shown.join('')}</div></details>`;
}

function snippetSection(summary: Report['summaries'][number], findings: readonly Finding[], previews: Previews, options: Required<Omit<HtmlReportOptions, 'generatedAt' | 'secrets'>>): string {
  // As in the terminal: the events it handles; the ones cancelled on every sample are one line.
  const rows = summary.events.filter((e) => e.runs > e.cancelled).map((e) => `<tr data-row="event" data-event="${esc(e.event)}"><td>${esc(e.event)}</td><td>${e.runs}</td><td>${e.passed}</td>` +
    `<td class="${e.warned ? 'n-warn' : ''}">${e.warned}</td><td class="${e.failed ? 'n-fail' : ''}">${e.failed}</td><td>${e.cancelled}</td></tr>`);
  const handled = summary.events.filter((e) => e.runs > e.cancelled);
  const cancelledOnly = summary.events.length - handled.length;
  const results = summary.results ?? [];
  const galleries = handled.map((e) => gallery(e.event, results.filter((r) => r.event === e.event), previews, options.maxCardsPerEvent));
  return `<section class="snippet" data-file="${esc(summary.file)}"><h2>${esc(summary.file)}${summary.destinations.length ? ` <span class="dest">→ ${esc(summary.destinations.join(', '))}</span>` : ''}</h2>` +
    `<details open><summary>events × outcomes</summary><table class="summary"><thead><tr><th>event</th><th>runs</th><th>pass</th><th>warn</th><th>fail</th><th>cancel</th></tr></thead><tbody>${rows.join('')}</tbody></table>` +
    `${cancelledOnly > 0 ? `<p class="note">${cancelledOnly} other event${cancelledOnly === 1 ? ' is' : 's are'} cancelled on every sample: ${esc(summary.events.filter((e) => e.runs === e.cancelled).map((e) => e.event).join(', '))}.</p>` : ''}</details>` +
    `<h3>Findings</h3>${findingGroups(findings, options.maxFindingsPerCode)}` +
    `<h3>Samples of the events it handles</h3>${results.length === 0 && handled.length > 0 ? '<p class="note">the runs were not kept</p>' : ''}${galleries.join('')}` +
    '</section>';
}

function select(id: string, label: string, values: readonly [string, string][]): string {
  return `<label>${label} <select id="${id}"><option value="">all</option>${values.map(([v, text]) => `<option value="${esc(v)}">${esc(text)}</option>`).join('')}</select></label>`;
}

/**
 * The report with what findings and errors quote masked: a message may hold the request's URL
 * (with a webhook's secret path) or an env value, and a CI artifact is read by many.
 */
function masked(report: Report, secrets: readonly string[]): Report {
  const finding = (f: Finding): Finding => ({
    ...f, message: maskText(f.message, secrets),
    ...(f.details && { details: f.details.map((d) => maskText(d, secrets)) }),
    ...(f.logs && { logs: f.logs.map((l) => maskText(l, secrets)) }),
  });
  return {
    ...report,
    findings: report.findings.map(finding),
    summaries: report.summaries.map((s) => (s.results ? {
      ...s, results: s.results.map((r) => ({ ...r, findings: r.findings.map(finding), ...(r.error !== undefined && { error: maskText(r.error, secrets) }) })),
    } : s)),
  };
}

export function renderHtmlReport(input: Report, options: HtmlReportOptions): string {
  const report = masked(input, options.secrets ?? []);
  const settings = {
    maxPreviewBytes: options.maxPreviewBytes ?? 6 * 1024 * 1024,
    maxCardsPerEvent: options.maxCardsPerEvent ?? 24,
    maxFindingsPerCode: options.maxFindingsPerCode ?? 200,
  };
  const previews = new Previews(settings.maxPreviewBytes, options.secrets ?? []);
  const files = new Set(report.summaries.map((s) => s.file));
  const sections = report.summaries.map((s) => snippetSection(s, report.findings.filter((f) => f.file === s.file), previews, settings));
  const other = report.findings.filter((f) => f.file === undefined || !files.has(f.file));
  if (other.length > 0) {
    const byFile = new Map<string, Finding[]>();
    for (const f of other) byFile.set(f.file ?? '', [...(byFile.get(f.file ?? '') ?? []), f]);
    for (const [file, list] of byFile) sections.push(`<section class="snippet"><h2>${esc(file || 'the project')} <span class="dest">(not run)</span></h2>${findingGroups(list, settings.maxFindingsPerCode)}</section>`);
  }
  const events = new Set<string>();
  const variants = new Set<string>();
  for (const s of report.summaries) {
    for (const e of s.events) events.add(e.event);
    for (const r of s.results ?? []) for (const v of variantsOf(r.sample)) variants.add(v);
  }
  for (const f of report.findings) {
    if (f.event) events.add(f.event);
    if (f.sample) for (const v of variantsOf(f.sample)) variants.add(v);
  }
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const runs = report.summaries.reduce((n, s) => n + s.events.reduce((m, e) => m + e.runs, 0), 0);
  const sorted = (set: Set<string>) => [...set].sort(compareStrings).map((v): [string, string] => [v, v]);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>dodo-transform report</title>',
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>dodo-transform report</h1><p>${report.summaries.length} snippet${report.summaries.length === 1 ? '' : 's'} run on ${runs} samples · ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}</p>`,
    `<p class="generated">Generated ${esc(options.generatedAt.toISOString())}</p>`,
    '</header>',
    `<div class="filters">${select('f-event', 'event', sorted(events))}${select('f-severity', 'outcome', [['fail', 'error / fail'], ['warn', 'warning'], ['pass', 'pass'], ['cancel', 'cancel']])}` +
      `${select('f-variant', 'variant', sorted(variants))}<label>search <input id="f-search" type="search" placeholder="text in findings and messages"></label> <span id="f-count"></span></div>`,
    `<main>${sections.join('\n')}</main>`,
    `<script type="application/json" id="dt-previews">${scriptJson(previews.list)}</script>`,
    `<script>${PAGE_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
