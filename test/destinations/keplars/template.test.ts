// templates/keplars.ts: compiles cleanly, and every sample event and variant yields a valid Keplars request.
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
  const { snippets, findings } = compileTemplate('keplars');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/keplars.ts', () => {
  it('compiles to one snippet with no findings, handling the six email events', async () => {
    const { snippets, findings } = compileTemplate('keplars');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid Keplars request for every event type and sample variant, and cancels the rest', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${variant.name}`;
        const result = run(variant.event);
        if (result.cancel === true) continue;
        sent.add(type);
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('keplars');
        expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
        expect(result.headers, where).toBeUndefined();
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('never puts a customer\'s <script> into an html body unescaped', () => {
    let checked = 0;
    for (const type of HANDLED) {
      const markup = getVariants(BUILTIN_SAMPLES[type as keyof typeof BUILTIN_SAMPLES]).find((v) => v.name === 'markup-chars');
      if (!markup) continue;
      const body = String(run(markup.event).payload?.['body']);
      expect(body, type).not.toContain('<script>');
      expect(body, type).toContain('&lt;script&gt;');
      checked++;
    }
    expect(checked).toBe(HANDLED.length);
  });

  it('uses the async queue for receipts and the high one for failures, with amounts by currency exponent', () => {
    const jpy = getVariants(BUILTIN_SAMPLES['payment.failed']).find((v) => v.name === 'currency-jpy');
    const failed = run(jpy?.event);
    expect(failed.url).toBe('https://api.keplars.com/api/v1/send-email/high');
    expect(failed.payload?.['subject']).toBe('Your payment of ¥4,499 did not go through');
    expect(run(BUILTIN_SAMPLES['payment.succeeded']).url).toBe('https://api.keplars.com/api/v1/send-email/async');
  });
});
