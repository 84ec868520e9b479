// templates/autosend.ts: compiles cleanly, and every sample event and variant yields a valid AutoSend request.
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
  const { snippets, findings } = compileTemplate('autosend');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/autosend.ts', () => {
  it('compiles to one snippet with no findings, handling the six email events', async () => {
    const { snippets, findings } = compileTemplate('autosend');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid AutoSend request for every event type and sample variant, and cancels the rest', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${variant.name}`;
        const result = run(variant.event);
        if (result.cancel === true) continue;
        sent.add(type);
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('autosend');
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

  it('keeps Handlebars braces in customer text from being evaluated', () => {
    const event = structuredClone(BUILTIN_SAMPLES['payment.succeeded']);
    event.data.customer.name = '{{#each x}}Mallory{{/each}} Smith';
    const html = String(run(event).payload?.['html']);
    expect(html).not.toContain('{{');
    expect(html).toContain('&#123;&#123;#each x&#125;&#125;Mallory');
  });

  it('sends one recipient as an object, and its own headers only when AUTOSEND_API_KEY is set', () => {
    const event = BUILTIN_SAMPLES['refund.succeeded'];
    const plain = run(event);
    expect(plain.payload?.['to']).toEqual({ email: event.data.customer.email });
    expect(plain.payload?.['subject']).toBe('Refund issued: $29.99');
    expect(plain.headers).toBeUndefined();
    expect(run(event, { AUTOSEND_API_KEY: 'as_1' }).headers).toEqual({
      Authorization: 'Bearer as_1', 'Content-Type': 'application/json', 'Idempotency-Key': `refund.succeeded/${event.data.refund_id}`,
    });
  });
});
