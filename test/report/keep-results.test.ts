// The runs the HTML report shows: kept only when asked for, one per sample, judged like the table.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { FIXTURES } from '../support/fixtures.js';

const sandbox = createSandbox({ timeoutMs: 500 });
afterAll(() => sandbox.close());

const CODE = `function handler(webhook) {
  if (webhook.eventType === 'refund.succeeded') { webhook.cancel = true; return webhook; }
  if (webhook.payload.data.currency === 'JPY') throw new Error('no yen');
  webhook.url = 'https://hooks.slack.com/services/T0/B0/SECRET';
  webhook.payload = { text: 'Paid ' + webhook.payload.data.total_amount };
  return webhook;
}`;

describe('validateSnippet keepResults', () => {
  it('keeps every sample result, error or cancel only when asked', async () => {
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['payment.succeeded', 'refund.succeeded'] });
    const plain = await validateSnippet({ file: 's.js', name: 's', code: CODE }, { inputs, sandbox });
    expect(plain.results).toBeUndefined();
    const kept = await validateSnippet({ file: 's.js', name: 's', code: CODE }, { inputs, sandbox, keepResults: true });
    expect(kept.results).toHaveLength(inputs.length);
    expect(kept.results!.map((r) => `${r.event} ${r.sample}`)).toEqual(inputs.map((i) => `${i.eventType} ${i.name}`));
    const base = kept.results!.find((r) => r.event === 'payment.succeeded' && r.sample === 'builtin/base')!;
    expect(base).toMatchObject({ status: 'pass', destination: 'slack', findings: [], result: { url: 'https://hooks.slack.com/services/T0/B0/SECRET', payload: { text: expect.stringMatching(/^Paid /) } } });
    const yen = kept.results!.find((r) => r.sample === 'builtin/currency-jpy' && r.event === 'payment.succeeded')!;
    expect(yen).toMatchObject({ status: 'fail', error: expect.stringContaining('no yen') });
    expect(yen.findings.map((f) => f.code)).toEqual(['runtime-error']);
    expect(kept.results!.filter((r) => r.event === 'refund.succeeded').every((r) => r.status === 'cancel' && r.destination === undefined)).toBe(true);
    // The statuses are the table's.
    const counted = kept.summary.find((s) => s.event === 'payment.succeeded')!;
    const statuses = kept.results!.filter((r) => r.event === 'payment.succeeded').map((r) => r.status);
    expect({ passed: counted.passed, failed: counted.failed }).toEqual({ passed: statuses.filter((s) => s === 'pass').length, failed: statuses.filter((s) => s === 'fail').length });
  });
});
