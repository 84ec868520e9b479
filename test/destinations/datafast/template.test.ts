// templates/datafast.ts: compiles cleanly; every sample event and variant, with and without a visitor id or a
// trial, runs and yields a valid DataFast payment or a cancel.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = ['payment.succeeded', 'refund.succeeded', 'subscription.active'];

interface Result { url?: string; method?: string; payload?: Record<string, unknown>; headers?: Record<string, string>; cancel?: boolean }
type Data = { metadata?: Record<string, unknown>; trial_period_days?: number; checkout_session_id?: string | null; amount?: number | null };

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;
const variant = (type: keyof typeof BUILTIN_SAMPLES, name: string) => getVariants(BUILTIN_SAMPLES[type]).find((v) => v.name === name)?.event;

function edit(event: unknown, data: Partial<Data>, metadata: Record<string, unknown> = {}): unknown {
  const copy = structuredClone(event) as { data: Data };
  Object.assign(copy.data, data);
  copy.data.metadata = { ...copy.data.metadata, ...metadata };
  return copy;
}
const VISITOR = { datafast_visitor_id: 'a3ab2331-989f-4cfa-91c6-2461c9e3c6bd' };

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('datafast');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/datafast.ts', () => {
  it('compiles to one snippet with no findings, handling payments, refunds and trial starts', async () => {
    const { snippets, findings } = compileTemplate('datafast');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid DataFast payment for every event type and variant, with and without a visitor id', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const v of getVariants(BUILTIN_SAMPLES[type])) {
        for (const [label, event] of [['plain', v.event], ['visitor, trial', edit(v.event, { trial_period_days: 14 }, VISITOR)]] as const) {
          const where = `${type}/${v.name}/${label}`;
          const result = run(event);
          if (result.cancel === true) continue;
          sent.add(type);
          expect(result.url, where).toBe('https://datafa.st/api/v1/payments');
          const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
          expect(destination, where).toBe('datafast');
          expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
        }
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('sends amounts in major units by the currency exponent, as numbers', () => {
    for (const [name, amount, currency] of [['base', 29.99, 'USD'], ['currency-jpy', 4499, 'JPY'], ['currency-kwd', 9.207, 'KWD']] as const) {
      expect(run(variant('payment.succeeded', name)).payload, name).toMatchObject({ amount, currency, transaction_id: 'pay_2IjeQm4hqU6RA4Z4kwDee' });
    }
  });

  it('attributes with the visitor id from the metadata and keeps customer_id for payments without one', () => {
    expect(run(edit(BUILTIN_SAMPLES['payment.succeeded'], {}, VISITOR)).payload).toMatchObject({ ...VISITOR, customer_id: 'cus_8VbC6JDZzPEqfBPUdpj0K' });
    const plain = run(BUILTIN_SAMPLES['payment.succeeded']).payload;
    expect(plain).not.toHaveProperty('datafast_visitor_id');
    expect(plain).toMatchObject({ customer_id: 'cus_8VbC6JDZzPEqfBPUdpj0K', email: 'ada.lovelace@example.com', timestamp: '2025-08-04T05:30:12.441Z' });
  });

  it('marks off-session subscription payments as renewals, refunds as refunded, trials as free trials', () => {
    expect(run(BUILTIN_SAMPLES['payment.succeeded']).payload?.['renewal']).toBe(false);
    expect(run(edit(BUILTIN_SAMPLES['payment.succeeded'], { checkout_session_id: null })).payload?.['renewal']).toBe(true);
    expect(run(BUILTIN_SAMPLES['refund.succeeded']).payload).toMatchObject({ amount: 29.99, refunded: true, transaction_id: 'ref_7HgFd3SaQ1wE5rTy9UiOp' });
    expect(run(edit(BUILTIN_SAMPLES['refund.succeeded'], { amount: null })).cancel).toBe(true);
    expect(run(BUILTIN_SAMPLES['subscription.active']).cancel).toBe(true);
    expect(run(edit(BUILTIN_SAMPLES['subscription.active'], { trial_period_days: 7 })).payload)
      .toMatchObject({ amount: 0, is_free_trial: true, transaction_id: 'sub_4tQ8xZrVd2KmPw7LcN1Ja_trial' });
  });

  it('sends its own Authorization header only when DATAFAST_API_KEY is set', () => {
    const event = BUILTIN_SAMPLES['payment.succeeded'];
    expect(run(event).headers).toBeUndefined();
    expect(run(event, { DATAFAST_API_KEY: 'df_test_key' }).headers?.['Authorization']).toBe('Bearer df_test_key');
  });
});
