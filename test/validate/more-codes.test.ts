import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import { checkAmounts } from '../../src/validate/check-amounts.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { FIXTURES } from '../support/fixtures.js';

const sandbox = createSandbox({ timeoutMs: 2000, memoryMb: 32 });
afterAll(() => sandbox.close());

describe('wrong-decimals', () => {
  const event = (currency: string) => ({ type: 'payment.succeeded', data: { currency, total_amount: 4500 } });

  it('flags amount / 100 for a zero-decimal currency, as a number or a "45.00" string', () => {
    expect(checkAmounts({ revenue: 45 }, event('JPY')).map((i) => `${i.code} ${i.jsonPath}`)).toEqual(['wrong-decimals $.payload.revenue']);
    expect(checkAmounts({ nested: { amount: '45.00' } }, event('JPY')).map((i) => i.jsonPath)).toEqual(['$.payload.nested.amount']);
  });

  it('flags amount / 100 rounded in a money property only, and names every field it could be', () => {
    const jpy = { type: 'payment.succeeded', data: { currency: 'JPY', total_amount: 4499, tax: 410, settlement_amount: 4499, settlement_currency: 'JPY' } };
    const found = (payload: unknown) => checkAmounts(payload, jpy).map((i) => `${i.jsonPath} ${i.message.split(',')[0]}`);
    expect(found({ revenue: 44, total: 45, tax: 4.1, quantity: 45 })).toEqual([
      '$.payload.revenue 44 is total_amount or settlement_amount / 100',
      '$.payload.total 45 is total_amount or settlement_amount / 100',
      '$.payload.tax 4.1 is tax / 100',
    ]);
  });

  it('warns of money in the other unit than the destination documents (Segment and DataFast major, Dub minor), not elsewhere', () => {
    const usd = { type: 'payment.succeeded', data: { currency: 'USD', total_amount: 2999 } };
    const found = (payload: unknown, destination?: string) => checkAmounts(payload, usd, destination).map((i) => `${i.severity} ${i.code} ${i.jsonPath}`);
    expect(found({ properties: { revenue: 2999, amount_cents: 2999 } }, 'segment')).toEqual(['warning minor-units $.payload.properties.revenue']);
    expect(found({ amount: 2999 }, 'datafast')).toEqual(['warning minor-units $.payload.amount']);
    expect(found({ amount: 30 }, 'dub')).toEqual(['warning major-units $.payload.amount']);
    expect(found({ amount: 2999 }, 'dub')).toEqual([]);
    expect(found({ properties: { revenue: 29.99 } }, 'segment')).toEqual([]);
    expect(found({ properties: { revenue: 2999 } }, 'customer-io')).toEqual([]);
    expect(checkAmounts({ properties: { revenue: 4500 } }, event('JPY'), 'segment')).toEqual([]);
  });

  it('where the destination reads minor units, wrong-decimals says to send the amount unchanged, once', () => {
    const [only, ...rest] = checkAmounts({ amount: 45 }, event('JPY'), 'dub');
    expect(rest).toEqual([]);
    expect(only?.code).toBe('wrong-decimals');
    expect(only?.message).toMatch(/; Dub reads amount in minor units: send total_amount unchanged$/);
    expect(checkAmounts({ revenue: 45 }, event('JPY'), 'segment')[0]?.message).toMatch(/use toMajorUnits\(total_amount, currency\)$/);
  });

  it('does not take a count, a rate or another amount\'s right value for amount / 100', () => {
    const trial = { type: 'subscription.active', data: { currency: 'JPY', recurring_pre_tax_amount: 9800, trial_amount: 100 } };
    expect(checkAmounts({ properties: { quantity: 1, seats: 1, interval_count: 1 } }, trial)).toEqual([]);
    const kwd = { type: 'subscription.active', data: { currency: 'KWD', recurring_pre_tax_amount: 10000, trial_amount: 1000 } };
    expect(checkAmounts({ properties: { mrr: 10, revenue: 10 } }, kwd)).toEqual([]);
    const taxed = { type: 'payment.succeeded', data: { currency: 'JPY', total_amount: 11000, tax: 1000 } };
    expect(checkAmounts({ properties: { tax_rate_percent: 10 } }, taxed)).toEqual([]);
    // Still the vendor's bug in a money key.
    expect(checkAmounts({ properties: { revenue: 110 } }, taxed).map((i) => i.code)).toEqual(['wrong-decimals']);
  });

  it('does not flag the right value, or /100 for a two-decimal currency', () => {
    expect(checkAmounts({ revenue: 4500 }, event('JPY'))).toEqual([]);
    expect(checkAmounts({ revenue: 45 }, event('USD'))).toEqual([]);
  });
});

describe('memory-limit', () => {
  it('a memory bomb on one event is a memory-limit finding; the other events still pass', async () => {
    const code = `function handler(webhook) {
  if (webhook.eventType === 'refund.failed') { const a = []; for (;;) a.push(new Array(1e6).fill(1)); }
  webhook.url = 'https://hooks.acme-shop.io/hook';
  return webhook;
}`;
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['refund.failed', 'payment.failed'] });
    const report = await validateSnippet({ file: 'bomb.js', name: 'bomb', code }, { inputs: inputs.filter((i) => i.name === 'builtin/base'), sandbox });
    expect(report.findings.map((f) => `${f.code} ${f.event}`)).toEqual(['memory-limit refund.failed']);
    expect(report.summary.find((s) => s.event === 'payment.failed')).toMatchObject({ passed: 1, failed: 0 });
  }, 30_000);
});

describe('url-not-set without a declared destination', () => {
  const segment = (rest: string) => `function handler(webhook) {
  if (webhook.eventType === 'payment.succeeded') {
    webhook.url = 'https://api.segment.io/v1/track';
    webhook.payload = { userId: webhook.payload.data.customer.customer_id, event: 'Order Completed' };
    return webhook;
  }
  ${rest}
  return webhook;
}`;
  const found = async (code: string) => {
    const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['payment.succeeded', 'refund.succeeded', 'dispute.opened'] });
    return (await validateSnippet({ file: 's.js', name: 's', code }, { inputs: inputs.filter((i) => i.name === 'builtin/base'), sandbox })).findings.filter((f) => f.code === 'url-not-set');
  };

  it('one warning naming the events that go out unchanged to the endpoint\'s own URL; none once they are cancelled', async () => {
    const [finding, ...more] = await found(segment(''));
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', file: 's.js' });
    expect(finding?.message).toBe("the snippet sends to Segment, but 2 event types (dispute.opened, refund.succeeded) keep the endpoint's own URL and go out as they came: cancel the events it does not handle (webhook.cancel = true), or set their url");
    expect(await found(segment('webhook.cancel = true;'))).toEqual([]);
  });
});

