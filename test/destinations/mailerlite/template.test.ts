// templates/mailerlite.ts: compiles cleanly, and every sample event and variant yields a valid subscriber upsert.
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = ['payment.succeeded', 'subscription.active', 'subscription.cancelled'];
const GROUPS = { MAILERLITE_CUSTOMERS_GROUP_ID: '111', MAILERLITE_SUBSCRIBERS_GROUP_ID: '222', MAILERLITE_CANCELLED_GROUP_ID: '333' };

interface Result { url?: string; method?: string; payload?: Record<string, unknown>; headers?: Record<string, string>; cancel?: boolean }

let code = '';
const run = (event: unknown, env?: Record<string, string>): Result => runSnippet(code, makeWebhook(event as { type: string }, env)) as Result;

beforeAll(async () => {
  const { snippets, findings } = compileTemplate('mailerlite');
  expect(findings).toEqual([]);
  code = snippets[0]?.code ?? '';
}, 120_000);

describe('templates/mailerlite.ts', () => {
  it('compiles to one snippet with no findings, handling three events', async () => {
    const { snippets, findings } = compileTemplate('mailerlite');
    expect(findings).toEqual([]);
    expect(snippets.map((s) => [...s.events].sort())).toEqual([[...HANDLED].sort()]);
  });

  it.each([['without', undefined], ['with', GROUPS]])('sends a valid upsert for every event type and variant, %s group variables', (_, env) => {
    const sent = new Set<string>();
    for (const type of EVENT_TYPES) {
      for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
        const where = `${type}/${variant.name}`;
        const result = run(variant.event, env);
        if (result.cancel === true) continue;
        sent.add(type);
        const { destination, issues } = validateDestinationRequest(result.url ?? '', result.method ?? 'POST', result.payload);
        expect(destination, where).toBe('mailerlite');
        expect(issues, where).toEqual([]);
      }
    }
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('splits the name into the default fields and never blanks a stored last name', () => {
    const event = BUILTIN_SAMPLES['payment.succeeded'];
    expect(run(event).payload).toEqual({ email: event.data.customer.email, fields: { name: 'Ada', last_name: 'Lovelace', country: 'US' } });
    const single = structuredClone(event);
    single.data.customer.name = 'Cher';
    expect(run(single).payload?.['fields']).toEqual({ name: 'Cher', country: 'US' });
  });

  it('adds each event to its group, and sends its own header only when MAILERLITE_API_KEY is set', () => {
    expect(run(BUILTIN_SAMPLES['subscription.cancelled'], GROUPS).payload?.['groups']).toEqual(['333']);
    expect(run(BUILTIN_SAMPLES['subscription.active'], GROUPS).payload?.['groups']).toEqual(['222']);
    expect(run(BUILTIN_SAMPLES['payment.succeeded']).headers).toBeUndefined();
    expect(run(BUILTIN_SAMPLES['payment.succeeded'], { MAILERLITE_API_KEY: 'ml_1' }).headers)
      .toEqual({ Authorization: 'Bearer ml_1', 'Content-Type': 'application/json' });
  });

  it('has no html body, and its validator flags a group name set by mistake', () => {
    const result = run(BUILTIN_SAMPLES['payment.succeeded'], { MAILERLITE_CUSTOMERS_GROUP_ID: 'customers' });
    expect(JSON.stringify(result.payload)).not.toContain('<p>');
    expect(validateDestinationRequest(result.url ?? '', 'POST', result.payload).issues.map((i) => `${i.code}@${i.path}`))
      .toEqual(['mailerlite.invalid-group@$.groups[0]']);
  });
});
