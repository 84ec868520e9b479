// A large project's report, made up: `mappings` Slack mappings × `samples` samples each, every
// output different (the worst case for the HTML report's size). Used by the size test and the bench.
import type { Finding } from '../../src/findings/finding.js';
import type { Report } from '../../src/project/report.js';
import type { SampleRun } from '../../src/validate/validate-snippets.js';

const VARIANTS = ['base', 'nullable-absent', 'currency-jpy', 'currency-kwd', 'unicode-names', 'markup-chars', 'long-strings'];
const EVENTS = ['payment.succeeded', 'payment.failed', 'refund.succeeded', 'subscription.active', 'subscription.cancelled', 'dispute.opened'];

export function syntheticReport(mappings = 20, samples = 300): Report {
  const summaries: Report['summaries'] = [];
  const findings: Finding[] = [];
  for (let m = 0; m < mappings; m++) {
    const file = `mappings/m${m}.ts`;
    const runs: SampleRun[] = [];
    for (let s = 0; s < samples; s++) {
      const event = EVENTS[s % EVENTS.length]!;
      const sample = s < 42 ? `builtin/${VARIANTS[s % VARIANTS.length]}` : `samples/${event}/customer-${s}.json`;
      const status = s % 10 === 0 ? 'warn' : 'pass';
      const f: Finding[] = status === 'warn' ? [{ code: 'slack.unescaped-markup', severity: 'warning', file, event, sample, jsonPath: '$.payload.blocks[1].text.text', message: 'a raw < in mrkdwn: escape customer text' }] : [];
      findings.push(...f);
      // A realistic message of about 1.5 KB.
      const text = `*Payment received* from Customer ${m}-${s} <customer${s}@example.com> ${'lorem ipsum dolor sit amet '.repeat(12)} id pay_${m}_${s}`;
      runs.push({
        event, sample, status, findings: f, destination: 'slack',
        result: {
          method: 'POST', url: 'https://hooks.slack.com/services/T1/B1/SECRET', headers: { 'content-type': 'application/json' },
          payload: { text, blocks: [{ type: 'header', text: { type: 'plain_text', text: `Paid ${s}` } }, { type: 'section', text: { type: 'mrkdwn', text }, fields: [{ type: 'mrkdwn', text: `*Amount*\n$${s}.00` }, { type: 'mrkdwn', text: `*Customer*\nCustomer ${s}` }] }, { type: 'context', elements: [{ type: 'mrkdwn', text: `pay_${m}_${s} · 4 Aug 2025` }] }] },
        },
      });
    }
    const events = EVENTS.map((event) => {
      const of = runs.filter((r) => r.event === event);
      return { event, runs: of.length, passed: of.filter((r) => r.status === 'pass').length, warned: of.filter((r) => r.status === 'warn').length, failed: 0, cancelled: 0 };
    });
    summaries.push({ file, destinations: ['slack'], events, results: runs });
  }
  return { root: '/project', cwd: '/project', findings, summaries };
}
