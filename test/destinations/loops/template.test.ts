// templates/loops.ts: compiles cleanly, and every sample event and variant yields a valid Loops request.
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

interface Result { url?: string; method?: string; payload?: Record<string, unknown>; headers?: Record<string, string>; cancel?: boolean }

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;
const variant = (type: keyof typeof BUILTIN_SAMPLES, name: string) => getVariants(BUILTIN_SAMPLES[type]).find((v) => v.name === name)?.event;

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('loops');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/loops.ts', () => {
  it('compiles to one snippet with no findings, handling payments, refunds and the subscription lifecycle', async () => {
    const { snippets, findings } = compileTemplate('loops');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid Loops request for every event type and sample variant, and cancels the rest', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const v of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${v.name}`;
        const result = run(v.event);
        if (result.cancel === true) continue;
        sent.add(type);
        expect(result.url, where).toBe('https://app.loops.so/api/v1/events/send');
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('loops');
        expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('puts event data in eventProperties, amounts in major units by the currency exponent, dates as Unix ms', () => {
    const payload = run(variant('payment.succeeded', 'currency-jpy')).payload ?? {};
    expect(payload).toMatchObject({ email: 'ada.lovelace@example.com', eventName: 'paymentSucceeded', firstName: 'Ada', lastName: 'Lovelace' });
    expect(payload['properties']).toBeUndefined();
    expect(payload['eventProperties']).toMatchObject({ amount: 4499, currency: 'JPY', amountFormatted: '¥4,499', occurredAt: Date.parse('2025-08-04T05:30:45.182Z') });
    const kwd = run(variant('payment.succeeded', 'currency-kwd')).payload?.['eventProperties'];
    expect(kwd).toMatchObject({ amount: 9.207, currency: 'KWD' });
  });

  it('leaves out null event properties (Loops rejects null) instead of sending them', () => {
    const payload = run(variant('payment.succeeded', 'nullable-absent')).payload ?? {};
    const props = payload['eventProperties'] as Record<string, unknown>;
    expect(Object.values(props)).not.toContain(null);
    expect(props).not.toHaveProperty('paymentMethod');
  });

  it('sends its own Authorization and Idempotency-Key headers only when LOOPS_API_KEY is set', () => {
    const event = BUILTIN_SAMPLES['payment.succeeded'];
    expect(run(event).headers).toBeUndefined();
    const headers = run(event, { LOOPS_API_KEY: 'loops_test_key' }).headers ?? {};
    expect(headers['Authorization']).toBe('Bearer loops_test_key');
    expect(headers['Idempotency-Key']).toBe(`payment.succeeded/${event.data.payment_id}/${event.timestamp}`);
    expect(headers['Idempotency-Key']?.length).toBeLessThanOrEqual(100);
  });
});
