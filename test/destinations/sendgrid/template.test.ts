// templates/sendgrid.ts: compiles cleanly, and every sample event and variant yields a valid Mail Send request.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = ['payment.succeeded', 'payment.failed', 'refund.succeeded', 'subscription.active', 'subscription.on_hold', 'subscription.cancelled'];

interface Content { type: string; value: string }
interface Result { url?: string; method?: string; payload?: { subject?: string; content?: Content[] }; headers?: Record<string, string>; cancel?: boolean }

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;
const htmlOf = (r: Result): string => r.payload?.content?.find((c) => c.type === 'text/html')?.value ?? '';

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('sendgrid');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/sendgrid.ts', () => {
  it('compiles to one snippet with no findings, handling the six email events', async () => {
    const { snippets, findings } = compileTemplate('sendgrid');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it('sends a valid Mail Send request for every event type and sample variant, and cancels the rest', () => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${variant.name}`;
        const result = run(variant.event);
        if (result.cancel === true) continue;
        sent.add(type);
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('sendgrid');
        expect(issues.filter((i) => i.severity === 'error'), where).toEqual([]);
        expect(result.payload?.content?.map((c) => c.type), where).toEqual(['text/plain', 'text/html']);
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('never puts a customer\'s <script> into the html part unescaped', () => {
    let checked = 0;
    for (const type of HANDLED) {
      const markup = getVariants(BUILTIN_SAMPLES[type as keyof typeof BUILTIN_SAMPLES]).find((v) => v.name === 'markup-chars');
      if (!markup) continue;
      const html = htmlOf(run(markup.event));
      expect(html, type).not.toContain('<script>');
      expect(html, type).toContain('&lt;script&gt;');
      checked++;
    }
    expect(checked).toBe(HANDLED.length);
  });

  it('formats amounts by the currency\'s exponent, not "/ 100"', () => {
    const kwd = getVariants(BUILTIN_SAMPLES['payment.succeeded']).find((v) => v.name === 'currency-kwd');
    expect(run(kwd?.event).payload?.subject).toBe('Your receipt: 9.207 KWD');
  });

  it('sends its own Authorization header only when SENDGRID_API_KEY is set', () => {
    const event = BUILTIN_SAMPLES['subscription.active'];
    expect(run(event).headers).toBeUndefined();
    expect(run(event, { SENDGRID_API_KEY: 'SG.test' }).headers).toEqual({ Authorization: 'Bearer SG.test', 'Content-Type': 'application/json' });
  });
});
