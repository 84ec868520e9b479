// The HTML report as a whole: deterministic, hostile text kept inert, and small on large projects.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import type { Report } from '../../src/project/report.js';
import { contentSecurityPolicy, renderHtmlReport, variantsOf } from '../../src/report/html/render-report.js';
import type { SampleRun } from '../../src/validate/validate-snippets.js';
import { syntheticReport } from '../support/synthetic-report.js';

const VARIANTS = ['base', 'nullable-absent', 'currency-jpy', 'currency-kwd', 'unicode-names', 'markup-chars', 'long-strings'];
const slackRun = (event: string, sample: string, text: string, extra: Partial<SampleRun> = {}): SampleRun => ({
  event, sample, status: 'pass', destination: 'slack', findings: [],
  result: { method: 'POST', url: 'https://hooks.slack.com/services/T1/B1/SECRETSECRET', headers: { 'content-type': 'application/json', authorization: 'Bearer sk_live_zzz' }, payload: { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] } },
  ...extra,
});

function report(runs: SampleRun[], findings: Finding[] = []): Report {
  const events = [...new Set(runs.map((r) => r.event))].map((event) => {
    const of = runs.filter((r) => r.event === event);
    const n = (s: SampleRun['status']) => of.filter((r) => r.status === s).length;
    return { event, runs: of.length, passed: n('pass'), warned: n('warn'), failed: n('fail'), cancelled: n('cancel') };
  });
  return { root: '/p', cwd: '/p', findings, summaries: [{ file: 'mappings/slack.ts', destinations: ['slack'], events, results: runs }] };
}

const HOSTILE = '</script><script>document.title="pwned"</script><img src=x onerror=alert(1)> <!-- \u2028 ${x}';

describe('renderHtmlReport', () => {
  it('is the same bytes for the same report but for the Generated line', () => {
    const r = report(VARIANTS.map((v) => slackRun('payment.succeeded', `builtin/${v}`, `Paid by ${v}`)));
    const a = renderHtmlReport(r, { generatedAt: new Date('2026-01-01T00:00:00Z') }).split('\n');
    const b = renderHtmlReport(r, { generatedAt: new Date('2026-06-30T12:34:56Z') }).split('\n');
    expect(a.length).toBe(b.length);
    const differing = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
    expect(differing).toHaveLength(1);
    expect(a[differing[0]!]).toBe('<p class="generated">Generated 2026-01-01T00:00:00.000Z</p>');
  });

  it('keeps hostile text inert: one script element, one JSON block, nothing of the payload as markup', () => {
    const finding: Finding = { code: 'slack.unescaped-markup', severity: 'warning', file: 'mappings/slack.ts', event: 'payment.succeeded', sample: 'builtin/markup-chars', jsonPath: '$.payload.text', message: HOSTILE };
    const html = renderHtmlReport(report([slackRun('payment.succeeded', 'builtin/markup-chars', HOSTILE, { status: 'warn', findings: [finding] })], [finding]), { generatedAt: new Date(0) });
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).toContain('<script type="application/json" id="dt-previews">');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(1)>');
    expect(html).not.toMatch(/[\u2028\u2029]/);
    // The previews are JSON data: the hostile text is there only with < escaped.
    const data = /<script type="application\/json" id="dt-previews">(.*)<\/script>/.exec(html)![1]!;
    expect(data).not.toContain('<');
    const previews = JSON.parse(data) as string[];
    expect(previews[0]).toContain('&lt;/script&gt;&lt;script&gt;document.title=&quot;pwned&quot;');
    expect(previews[0]).not.toContain('<script');
    // Secrets never reach the file.
    expect(html).not.toContain('SECRETSECRET');
    expect(html).not.toContain('sk_live_zzz');
  });

  it('masks secrets quoted in findings and console output too', () => {
    const finding: Finding = { code: 'invalid-url', severity: 'error', file: 'mappings/slack.ts', event: 'payment.succeeded', sample: 'builtin/base', jsonPath: '$.url',
      message: 'url must be … got "https://hooks.slack.com/services/T1/B1/SECRETSECRET"', logs: ['console.log: token envvalue42'] };
    const html = renderHtmlReport(report([slackRun('payment.succeeded', 'builtin/base', 'x', { status: 'fail', findings: [finding] })], [finding]), { generatedAt: new Date(0), secrets: ['envvalue42'] });
    expect(html).toContain('/services/T1/B1/••••••');
    expect(html).not.toContain('SECRETSECRET');
    expect(html).not.toContain('envvalue42');
  });

  it('allows its own script by hash and loads nothing', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]+=*'; img-src data:;/);
    expect(csp).not.toContain("script-src 'unsafe-inline'");
    const html = renderHtmlReport(report([slackRun('payment.succeeded', 'builtin/base', 'x')]), { generatedAt: new Date(0) });
    expect(html).toContain(`content="${csp}"`);
    expect(html).not.toMatch(/\b(?:src|href)="https?:/);
  });

  it('renders identical outcomes once, with every sample that gave it', () => {
    const runs = VARIANTS.map((v) => slackRun('payment.succeeded', `builtin/${v}`, v === 'currency-jpy' ? 'Paid ¥1,500' : 'Paid $5'));
    const html = renderHtmlReport(report(runs), { generatedAt: new Date(0) });
    expect(html.match(/class="card pass"/g)).toHaveLength(2);
    expect(html).toContain('7 samples, 2 distinct outputs');
    const previews = JSON.parse(/id="dt-previews">(.*)<\/script>/.exec(html)![1]!) as string[];
    expect(previews).toHaveLength(2);
  });

  it('names variants for the filter', () => {
    expect(variantsOf('builtin/currency-jpy')).toEqual(['currency-jpy']);
    expect(variantsOf('samples/payment.succeeded/big.json')).toEqual(['user']);
    expect(variantsOf('builtin/base (no env)')).toEqual(['base', 'no-env']);
  });

  it('stays under 10 MB for 20 mappings × 300 samples with distinct outputs', () => {
    const html = renderHtmlReport(syntheticReport(20, 300), { generatedAt: new Date(0) });
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    // Every sample is still named in the page, drawn or listed.
    for (let m = 0; m < 20; m++) expect(html).toContain(`data-file="mappings/m${m}.ts"`);
    expect(html).toContain('customer-299.json');
    console.log(`synthetic 20 × 300 report: ${(bytes / 1024 / 1024).toFixed(2)} MB`);
  });
});
