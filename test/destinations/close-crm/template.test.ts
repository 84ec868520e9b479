// templates/close-crm.ts: compiles cleanly; every sample event and variant, with and without a Close lead id in
// the metadata, runs and yields a valid Close request or a cancel.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = [
  'payment.succeeded', 'payment.failed', 'refund.succeeded', 'subscription.active', 'subscription.renewed',
  'subscription.on_hold', 'subscription.cancelled', 'subscription.expired',
];
const LEAD = 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O';

interface Result { url?: string; method?: string; payload?: Record<string, unknown>; headers?: Record<string, string>; cancel?: boolean }
type Data = { metadata?: Record<string, unknown>; customer?: { metadata?: Record<string, unknown> }; subscription_id?: string | null; payment_frequency_interval?: string; payment_frequency_count?: number };

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;
const variant = (type: keyof typeof BUILTIN_SAMPLES, name: string) => getVariants(BUILTIN_SAMPLES[type]).find((v) => v.name === name)?.event;

/** A copy with data fields changed and, optionally, the Close lead id in the customer's metadata. */
function edit(event: unknown, data: Partial<Data>, lead?: string): unknown {
  const copy = structuredClone(event) as { data: Data };
  Object.assign(copy.data, data);
  if (lead && copy.data.customer) copy.data.customer.metadata = { ...copy.data.customer.metadata, close_lead_id: lead };
  return copy;
}

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('close-crm');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/close-crm.ts', () => {
  it('compiles to one snippet with no findings, handling payments, refunds and the subscription lifecycle', async () => {
    const { snippets, findings } = compileTemplate('close-crm');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid Close request for every event type and variant, with and without a lead id', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const v of getVariants(BUILTIN_SAMPLES[type])) {
        for (const [label, event] of [['no lead', v.event], ['lead', edit(v.event, {}, LEAD)]] as const) {
          const where = `${type}/${v.name}/${label}`;
          const result = run(event, { CLOSE_DODO_CUSTOMER_FIELD_ID: 'cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c' });
          if (result.cancel === true) continue;
          sent.add(`${type}→${(result.url ?? '').replace('https://api.close.com/api/v1', '')}`);
          const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
          expect(destination, where).toBe('close-crm');
          expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
        }
      }
    }
    expect([...sent].sort()).toEqual([
      'payment.failed→/activity/note/', 'payment.succeeded→/activity/note/', 'payment.succeeded→/lead/',
      'refund.succeeded→/activity/note/', 'subscription.active→/lead/', 'subscription.active→/opportunity/',
      'subscription.cancelled→/activity/note/', 'subscription.expired→/activity/note/', 'subscription.on_hold→/activity/note/',
      'subscription.renewed→/activity/note/',
    ]);
  });

  it('creates a lead with the contact in Close\'s shape for a new customer', () => {
    const payload = run(BUILTIN_SAMPLES['subscription.active'], { CLOSE_DODO_CUSTOMER_FIELD_ID: 'cf_abc' }).payload;
    expect(payload).toMatchObject({
      contacts: [{ name: 'Ada Lovelace', emails: [{ email: 'ada.lovelace@example.com', type: 'office' }], phones: [{ phone: '+14155550132', type: 'office' }] }],
      'custom.cf_abc': 'cus_8VbC6JDZzPEqfBPUdpj0K',
    });
    const noPhone = run(variant('subscription.active', 'nullable-absent')).payload as { contacts: Record<string, unknown>[] };
    expect(noPhone.contacts[0]).not.toHaveProperty('phones');
  });

  it('values the subscription opportunity in integer cents per month or year', () => {
    expect(run(edit(BUILTIN_SAMPLES['subscription.active'], {}, LEAD)).payload)
      .toMatchObject({ lead_id: LEAD, value: 2499, value_period: 'monthly', value_currency: 'USD' });
    expect(run(edit(variant('subscription.active', 'currency-jpy'), {}, LEAD)).payload).toMatchObject({ value: 374900, value_currency: 'JPY' });
    expect(run(edit(BUILTIN_SAMPLES['subscription.active'], { payment_frequency_interval: 'Year', payment_frequency_count: 1 }, LEAD)).payload)
      .toMatchObject({ value: 2499, value_period: 'annual' });
    expect(run(edit(BUILTIN_SAMPLES['subscription.active'], { payment_frequency_interval: 'Month', payment_frequency_count: 3 }, LEAD)).payload)
      .toMatchObject({ value: 833, value_period: 'monthly' });
  });

  it('writes notes on the lead and skips events it cannot attach', () => {
    expect(run(edit(BUILTIN_SAMPLES['payment.succeeded'], {}, LEAD)).payload)
      .toEqual({ lead_id: LEAD, note: 'Payment pay_2IjeQm4hqU6RA4Z4kwDee of $29.99 succeeded.' });
    expect(run(BUILTIN_SAMPLES['payment.failed']).cancel).toBe(true);
    expect(run(BUILTIN_SAMPLES['payment.succeeded']).cancel).toBe(true);
    expect(run(edit(BUILTIN_SAMPLES['payment.succeeded'], { subscription_id: null })).url).toBe('https://api.close.com/api/v1/lead/');
  });

  it('sends Basic auth with the API key as user name only when CLOSE_API_KEY is set', () => {
    const event = edit(BUILTIN_SAMPLES['payment.succeeded'], {}, LEAD);
    expect(run(event).headers).toBeUndefined();
    const key = 'api_4Fz2TxRWXCeRgQkv1S2P0x.7Yw3Sx';
    expect(run(event, { CLOSE_API_KEY: key }).headers?.['Authorization']).toBe(`Basic ${Buffer.from(`${key}:`).toString('base64')}`);
  });
});
