import { describe, expect, it } from 'vitest';
import { DESTINATIONS, findDestination } from '../../../src/destinations/registry.js';
import { inngestBatch, inngestEvent, inngestEventUrl } from '../../../src/runtime/destinations/inngest-builders.js';
import { inngest, InngestEventSchema, INNGEST_BATCH_MAX_EVENTS } from '../../../src/destinations/inngest/index.js';
import type { InngestEvent } from '../../../src/destinations/inngest/index.js';
import { check, codes, found } from '../../support/destinations.js';

const URL_ = 'https://inn.gs/e/test_event_key_123';
const event = {
  name: 'dodo/payment.succeeded',
  data: { payment_id: 'pay_1', amount: 29.99, amount_minor: 2999, currency: 'USD' },
  id: 'payment.succeeded:pay_1',
  ts: 1754285445182,
  v: '2025-08-04.1',
} satisfies InngestEvent;

describe('Inngest: valid requests', () => {
  it.each([
    ['a full event', event],
    ['a name only', { name: 'dodo/ping' }],
    ['null data', { name: 'dodo/ping', data: null }],
    ['user data', { ...event, user: { external_id: 'cus_1', email: 'ana@example.com' } }],
  ])('%s passes without issues', (_, body) => {
    expect(found(URL_, body)).toEqual([]);
  });

  it('accepts an array of events', () => {
    expect(found(URL_, [event, { ...event, id: 'payment.succeeded:pay_2' }])).toEqual([]);
  });

  it('exports a schema that parses alone', () => {
    expect(InngestEventSchema.safeParse(event).success).toBe(true);
    expect(InngestEventSchema.safeParse({ data: {} }).success).toBe(false);
  });
});

describe('Inngest: rules', () => {
  it('needs a name, in every event of a batch', () => {
    expect(found(URL_, { data: {} })).toEqual(['inngest.missing-name@$.name']);
    expect(found(URL_, { ...event, name: '' })).toEqual(['inngest.missing-name@$.name']);
    expect(found(URL_, [event, { data: {} }])).toEqual(['inngest.missing-name@$[1].name']);
  });

  it('limits names to 256 characters and reserves the inngest/ prefix', () => {
    expect(found(URL_, { ...event, name: 'n'.repeat(256) })).toEqual([]);
    expect(found(URL_, { ...event, name: 'n'.repeat(257) })).toEqual(['inngest.name-too-long@$.name']);
    expect(found(URL_, { ...event, name: 'inngest/function.failed' })).toEqual(['inngest.reserved-name@$.name']);
  });

  it('needs data and user to be objects', () => {
    expect(found(URL_, { ...event, data: [1, 2] })).toEqual(['inngest.invalid-data@$.data']);
    expect(found(URL_, { ...event, data: '{"a":1}' })).toEqual(['inngest.invalid-data@$.data']);
    expect(found(URL_, { ...event, user: 'cus_1' })).toEqual(['inngest.invalid-data@$.user']);
  });

  it('rejects ts in seconds, as the vendor example sends it, and warns when it is merely suspicious', () => {
    const seconds = check(URL_, { ...event, ts: Math.floor(Date.parse('2025-08-04T05:30:45.182Z') / 1000) });
    expect(seconds).toMatchObject([{ code: 'inngest.ts-seconds', path: '$.ts', severity: 'error' }]);
    expect(seconds[0]?.message).toContain('toUnixMillis');
    expect(check(URL_, { ...event, ts: 400_000_000_000 })).toMatchObject([{ code: 'inngest.ts-seconds', severity: 'warning' }]);
    expect(found(URL_, { ...event, ts: Date.UTC(1980, 0, 1) })).toEqual(['inngest.ts-seconds@$.ts']);
    expect(found(URL_, { ...event, ts: 1e12 })).toEqual([]);
  });

  it('needs ts as an integer in range', () => {
    expect(found(URL_, { ...event, ts: '2025-08-04T05:30:45.182629Z' })).toEqual(['inngest.invalid-ts@$.ts']);
    expect(found(URL_, { ...event, ts: 1754285445182.5 })).toEqual(['inngest.invalid-ts@$.ts']);
    expect(found(URL_, { ...event, ts: 1754285445182000 })).toEqual(['inngest.ts-out-of-range@$.ts']);
  });

  it('takes at most 5,000 events per request and warns about an empty one', () => {
    const small = { name: 'e' };
    expect(found(URL_, Array.from({ length: INNGEST_BATCH_MAX_EVENTS }, () => small))).toEqual([]);
    expect(found(URL_, Array.from({ length: INNGEST_BATCH_MAX_EVENTS + 1 }, () => small))).toEqual(['inngest.batch-too-many@$']);
    expect(check(URL_, [])).toMatchObject([{ code: 'inngest.empty-batch', severity: 'warning' }]);
  });

  it('warns over 256 KiB (free plan) and rejects over 3 MiB', () => {
    expect(check(URL_, { ...event, data: { note: 'a'.repeat(300 * 1024) } }))
      .toMatchObject([{ code: 'inngest.event-too-large-free', path: '$', severity: 'warning' }]);
    expect(codes(URL_, { ...event, data: { note: 'a'.repeat(3 * 1024 * 1024) } })).toEqual(['inngest.event-too-large-free', 'size.too-large']);
    expect(found(URL_, [event, { ...event, data: { note: 'a'.repeat(300 * 1024) } }])).toEqual(['inngest.event-too-large-free@$[1]']);
  });

  it('rejects a body that is not an event', () => {
    expect(found(URL_, 'dodo/payment.succeeded')).toEqual(['schema.invalid@$']);
    expect(found(URL_, null)).toEqual(['schema.invalid@$']);
  });

  it('warns about fields Inngest ignores, naming the field meant', () => {
    const issues = check(URL_, { ...event, timestamp: '2025-08-04T05:30:45Z' });
    expect(issues).toMatchObject([{ code: 'inngest.unused-field', path: '$.timestamp', severity: 'warning' }]);
    expect(issues[0]?.message).toContain('did you mean ts?');
  });

  it('only takes POST', () => {
    expect(found(URL_, event, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('rejects other paths on inn.gs', () => {
    expect(found('https://inn.gs/e/', event)).toEqual(['inngest.unknown-endpoint@$']);
    expect(found('https://inn.gs/v1/events', event)).toEqual(['inngest.unknown-endpoint@$']);
  });
});

describe('Inngest: the vendor example', () => {
  // docs.dodopayments.com/integrations/inngest basic_event.js, for the payment.succeeded sample.
  it('is rejected for its seconds timestamp', () => {
    const body = {
      name: 'payment.succeeded',
      data: { payment_id: 'pay_1', amount: '29.99', currency: 'USD', customer_email: 'a@b.c', customer_name: 'A', payment_method: 'card' },
      user: { email: 'a@b.c' },
      ts: Math.floor(new Date('2025-08-04T05:30:45.182629Z').getTime() / 1000),
    };
    expect(found(URL_, body)).toEqual(['inngest.ts-seconds@$.ts']);
  });
});

describe('Inngest: URL matching', () => {
  it('claims inn.gs only', () => {
    expect(findDestination(URL_)?.id).toBe('inngest');
    expect(inngest.matches(new URL('https://inn.gs.evil.example/e/key'))).toBe(false);
    expect(inngest.matches(new URL('https://api.inngest.com/v1/events'))).toBe(false);
  });

  it('does not overlap other destinations', () => {
    for (const other of DESTINATIONS.filter((d) => d.id !== 'inngest')) {
      expect(other.matches(new URL(URL_)), other.id).toBe(false);
      for (const host of other.hosts) {
        expect(inngest.matches(new URL(`https://${host.replace('*', 'x')}/e/key`)), host).toBe(false);
      }
    }
  });
});

describe('Inngest: builders', () => {
  it('leave out optional fields that are not given', () => {
    expect(inngestEvent({ name: 'dodo/ping', data: {} })).toEqual({ name: 'dodo/ping', data: {} });
    expect(Object.keys(inngestEvent({ ...event, user: null }))).toEqual(['name', 'data', 'id', 'ts', 'v']);
    expect(found(URL_, inngestEvent(event))).toEqual([]);
    expect(found(URL_, inngestBatch([event, event]))).toEqual([]);
  });

  it('build the Event API URL', () => {
    expect(inngestEventUrl('abc/def')).toBe('https://inn.gs/e/abc%2Fdef');
    expect(findDestination(inngestEventUrl('key'))?.id).toBe('inngest');
  });
});
