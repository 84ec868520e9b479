// templates/dub.ts: compiles cleanly; every sample event and variant, with and without a Dub click id in the
// metadata, runs and yields a valid Dub request or a cancel.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';


interface Result { url?: string; method?: string; payload?: Record<string, unknown>; headers?: Record<string, string>; cancel?: boolean }
type Data = { metadata?: Record<string, unknown>; trial_period_days?: number; subscription_id?: string | null };

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;
const variant = (type: keyof typeof BUILTIN_SAMPLES, name: string) => getVariants(BUILTIN_SAMPLES[type]).find((v) => v.name === name)?.event;

/** A copy of the event with extra data fields and metadata (a checkout that stored Dub's click id). */
function edit(event: unknown, data: Partial<Data>, metadata: Record<string, unknown> = {}): unknown {
  const copy = structuredClone(event) as { data: Data };
  Object.assign(copy.data, data);
  copy.data.metadata = { ...copy.data.metadata, ...metadata };
  return copy;
}
const CLICK = { dub_click_id: 'cm3w8x2abc', dub_external_id: 'user_42' };

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('dub');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/dub.ts', () => {
  it('compiles to one snippet with no findings, handling payment.succeeded and subscription.active', async () => {
    const { snippets, findings } = compileTemplate('dub');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([['payment.succeeded', 'subscription.active']]);
  });

  it('sends a valid Dub request for every event type and variant, with and without a click id', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const v of getVariants(BUILTIN_SAMPLES[type])) {
        for (const [label, event] of [['plain', v.event], ['clicked trial', edit(v.event, { trial_period_days: 14 }, CLICK)]] as const) {
          const where = `${type}/${v.name}/${label}`;
          const result = run(event);
          if (result.cancel === true) continue;
          sent.add(`${type}→${result.url ?? ''}`);
          const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
          expect(destination, where).toBe('dub');
          expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
        }
      }
    }
    expect([...sent].sort()).toEqual(['payment.succeeded→https://api.dub.co/track/sale', 'subscription.active→https://api.dub.co/track/lead']);
  });

  it('sends the amount in the smallest currency unit, unchanged, for USD, JPY and KWD', () => {
    for (const [name, amount, currency] of [['base', 2999, 'usd'], ['currency-jpy', 4499, 'jpy'], ['currency-kwd', 9207, 'kwd']] as const) {
      const payload = run(edit(variant('payment.succeeded', name), {}, CLICK)).payload;
      expect(payload, name).toMatchObject({ amount, currency, paymentProcessor: 'custom', invoiceId: 'pay_2IjeQm4hqU6RA4Z4kwDee' });
      expect(Number.isInteger(payload?.['amount']), name).toBe(true);
    }
  });

  it('attributes a clicked sale directly, and keeps subscription payments without a click for the known customer', () => {
    const clicked = run(edit(BUILTIN_SAMPLES['payment.succeeded'], {}, CLICK)).payload;
    expect(clicked).toMatchObject({ clickId: 'cm3w8x2abc', customerExternalId: 'user_42', customerEmail: 'ada.lovelace@example.com', eventName: 'Invoice paid' });
    const renewal = run(BUILTIN_SAMPLES['payment.succeeded']).payload;
    expect(renewal).toMatchObject({ customerExternalId: 'cus_8VbC6JDZzPEqfBPUdpj0K' });
    expect(renewal).not.toHaveProperty('clickId');
    expect(renewal).not.toHaveProperty('customerEmail');
  });

  it('skips one-time payments without a click id, and trials only become leads with a click id', () => {
    expect(run(edit(BUILTIN_SAMPLES['payment.succeeded'], { subscription_id: null })).cancel).toBe(true);
    expect(run(edit(BUILTIN_SAMPLES['payment.succeeded'], { subscription_id: null }, CLICK)).payload).toMatchObject({ eventName: 'Purchase' });
    expect(run(BUILTIN_SAMPLES['subscription.active']).cancel).toBe(true);
    expect(run(edit(BUILTIN_SAMPLES['subscription.active'], {}, CLICK)).cancel).toBe(true);
    expect(run(edit(BUILTIN_SAMPLES['subscription.active'], { trial_period_days: 7 }, CLICK)).payload)
      .toMatchObject({ clickId: 'cm3w8x2abc', eventName: 'Trial started', customerExternalId: 'user_42' });
  });

  it('sends its own Authorization header only when DUB_API_KEY is set', () => {
    const event = BUILTIN_SAMPLES['payment.succeeded'];
    expect(run(event).headers).toBeUndefined();
    expect(run(event, { DUB_API_KEY: 'dub_test_key' }).headers?.['Authorization']).toBe('Bearer dub_test_key');
  });
});
