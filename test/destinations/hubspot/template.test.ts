// templates/hubspot.ts: compiles cleanly, and every sample event and variant yields a valid HubSpot contact upsert.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = [
  'payment.succeeded', 'payment.failed', 'refund.succeeded', 'subscription.active', 'subscription.renewed',
  'subscription.on_hold', 'subscription.cancelled', 'subscription.expired', 'subscription.plan_changed',
];

interface Input { idProperty: string; id: string; properties: Record<string, unknown> }
interface Result { url?: string; method?: string; payload?: { inputs?: Input[] }; headers?: Record<string, string>; cancel?: boolean }

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;
const variant = (type: keyof typeof BUILTIN_SAMPLES, name: string) => getVariants(BUILTIN_SAMPLES[type]).find((v) => v.name === name)?.event;
const props = (event: unknown) => run(event).payload?.inputs?.[0]?.properties ?? {};

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('hubspot');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/hubspot.ts', () => {
  it('compiles to one snippet with no findings, handling payments, refunds and the subscription lifecycle', async () => {
    const { snippets, findings } = compileTemplate('hubspot');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid HubSpot batch upsert for every event type and sample variant, and cancels the rest', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const v of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${v.name}`;
        const result = run(v.event);
        if (result.cancel === true) continue;
        sent.add(type);
        expect(result.url, where).toBe('https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert');
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('hubspot');
        expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('upserts by email with split names and never sends null', () => {
    const input = run(BUILTIN_SAMPLES['payment.succeeded']).payload?.inputs?.[0];
    expect(input).toMatchObject({ idProperty: 'email', id: 'ada.lovelace@example.com' });
    expect(input?.properties).toMatchObject({ email: 'ada.lovelace@example.com', firstname: 'Ada', lastname: 'Lovelace', dodo_customer_id: 'cus_8VbC6JDZzPEqfBPUdpj0K' });
    const absent = props(variant('payment.succeeded', 'nullable-absent'));
    expect(Object.values(absent)).not.toContain(null);
    expect(absent).not.toHaveProperty('phone');
  });

  it('writes amounts as numbers in major units, datetimes as Unix ms and dates as midnight UTC', () => {
    expect(props(variant('payment.succeeded', 'currency-jpy'))).toMatchObject({ dodo_last_payment_amount: 4499, dodo_last_payment_currency: 'JPY' });
    expect(props(variant('payment.succeeded', 'currency-kwd'))).toMatchObject({ dodo_last_payment_amount: 9.207 });
    expect(props(BUILTIN_SAMPLES['payment.succeeded'])).toMatchObject({ dodo_last_payment_at: Date.parse('2025-08-04T05:30:45.182Z') });
    const sub = props(BUILTIN_SAMPLES['subscription.active']);
    expect(sub['dodo_next_billing_date']).toBe(Date.parse(`${BUILTIN_SAMPLES['subscription.active'].data.next_billing_date.slice(0, 10)}T00:00:00Z`));
    expect(sub).toMatchObject({ dodo_subscription_status: 'active', dodo_subscription_amount: 24.99 });
  });

  it('sends its own Authorization header only when HUBSPOT_ACCESS_TOKEN is set', () => {
    const event = BUILTIN_SAMPLES['payment.succeeded'];
    expect(run(event).headers).toBeUndefined();
    expect(run(event, { HUBSPOT_ACCESS_TOKEN: 'pat-test' }).headers?.['Authorization']).toBe('Bearer pat-test');
  });
});
