// templates/resend.ts: compiles cleanly, and every sample event and variant yields a valid Resend request.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = ['payment.succeeded', 'payment.failed', 'refund.succeeded', 'subscription.active', 'subscription.on_hold', 'subscription.cancelled'];

interface Result { url?: string; method?: string; payload?: Record<string, unknown>; headers?: Record<string, string>; cancel?: boolean }

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('resend');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/resend.ts', () => {
  it('compiles to one snippet with no findings, handling the six email events', async () => {
    const { snippets, findings } = compileTemplate('resend');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid Resend request for every event type and sample variant, and cancels the rest', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${variant.name}`;
        const result = run(variant.event);
        if (result.cancel === true) continue;
        sent.add(type);
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('resend');
        expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('never puts a customer\'s <script> into an html body unescaped', () => {
    let checked = 0;
    for (const type of HANDLED) {
      const markup = getVariants(BUILTIN_SAMPLES[type as keyof typeof BUILTIN_SAMPLES]).find((v) => v.name === 'markup-chars');
      if (!markup) continue;
      const html = String(run(markup.event).payload?.['html']);
      expect(html, type).not.toContain('<script>');
      expect(html, type).toContain('&lt;script&gt;');
      checked++;
    }
    expect(checked).toBe(HANDLED.length);
  });

  it('formats amounts by the currency\'s exponent, not "/ 100"', () => {
    const [jpy] = getVariants(BUILTIN_SAMPLES['payment.succeeded']).filter((v) => v.name === 'currency-jpy');
    const result = run(jpy?.event);
    expect(result.payload?.['subject']).toBe('Your receipt: ¥4,499');
    expect(String(result.payload?.['html'])).toContain('4 Aug 2025, 05:30 UTC');
  });

  it('sends its own Authorization and Idempotency-Key headers only when RESEND_API_KEY is set', () => {
    const event = BUILTIN_SAMPLES['payment.succeeded'];
    expect(run(event).headers).toBeUndefined();
    expect(run(event, { RESEND_API_KEY: 're_test_123' }).headers).toEqual({
      Authorization: 'Bearer re_test_123', 'Content-Type': 'application/json',
      'Idempotency-Key': `payment.succeeded/${event.data.payment_id}`,
    });
  });
});
