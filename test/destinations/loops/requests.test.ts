import { describe, expect, it } from 'vitest';
import { loops, LoopsEventSchema } from '../../../src/destinations/loops/index.js';
import type { LoopsContactUpdate, LoopsEvent, LoopsTransactional } from '../../../src/destinations/loops/index.js';
import { loopsContactUpdate, loopsEvent } from '../../../src/runtime/destinations/loops-builders.js';
import { check, found } from '../../support/destinations.js';

const API = 'https://app.loops.so/api/v1';
const EVENT_URL = `${API}/events/send`;

const event: LoopsEvent = {
  email: 'ada@example.com', eventName: 'paymentSucceeded',
  eventProperties: { amount: 29.99, currency: 'USD', paid: true, paidAt: 1754285445182 },
};

describe('Loops: valid requests', () => {
  const valid: [string, string, unknown, string?][] = [
    ['event by email', EVENT_URL, event],
    ['event by userId with contact properties and lists', EVENT_URL, {
      userId: 'cus_1', eventName: 'trialStarted', firstName: 'Ada', plan: 'pro', seats: 3, company: null,
      mailingLists: { cm06f5v0e45nf0ml5754o9cix: true },
    }],
    ['create contact', `${API}/contacts/create`, { email: 'ada@example.com', firstName: 'Ada', subscribed: true, plan: 'pro' }],
    ['update contact', `${API}/contacts/update`, { userId: 'cus_1', lastName: 'Lovelace' } satisfies LoopsContactUpdate, 'PUT'],
    ['transactional', `${API}/transactional`, {
      transactionalId: 'clfq6dinn000yl70fgwwyp82l', email: 'ada@example.com', dataVariables: { amount: '$29.99', items: [{ name: 'Pro', qty: 1 }] },
    } satisfies LoopsTransactional],
  ];
  it.each(valid)('%s passes without issues', (_, url, body, method = 'POST') => {
    expect(check(url, body, method)).toEqual([]);
  });

  it('builds requests the schema accepts, dropping null event properties', () => {
    const req = loopsEvent({ email: 'ada@example.com', eventName: 'paymentFailed', eventProperties: { code: null, amount: 5 }, contactProperties: { firstName: 'Ada' } },
      { apiKey: 'k', idempotencyKey: 'x'.repeat(150) });
    expect(req.payload).toEqual({ firstName: 'Ada', email: 'ada@example.com', eventName: 'paymentFailed', eventProperties: { amount: 5 } });
    expect(req.headers?.['Idempotency-Key']).toHaveLength(100);
    expect(check(req.url, req.payload, req.method)).toEqual([]);
    const update = loopsContactUpdate({ email: 'ada@example.com', firstName: 'Ada', properties: { plan: 'pro', dropped: undefined } });
    expect(update).toMatchObject({ method: 'PUT', payload: { plan: 'pro', email: 'ada@example.com', firstName: 'Ada' } });
    expect(check(update.url, update.payload, update.method)).toEqual([]);
  });
});

describe('Loops: rules', () => {
  it('rejects Dodo\'s example: api.loops.so, and event data in "properties"', () => {
    const dodo = { eventName: 'payment_confirmation', email: 'ada@example.com', properties: { amount: '29.99' } };
    const issues = check('https://api.loops.so/v1/events/send', dodo);
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['loops.wrong-host@$', 'loops.invalid-property-value@$.properties']);
    expect(issues[0]?.message).toContain('https://app.loops.so/api/v1/events/send');
    expect(issues[1]?.message).toContain('eventProperties');
  });

  it('needs email or userId', () => {
    expect(found(EVENT_URL, { eventName: 'x' })).toEqual(['loops.missing-identity@$.email']);
    expect(found(EVENT_URL, { eventName: 'x', email: ' ' })).toEqual(['loops.missing-identity@$.email']);
    expect(found(`${API}/contacts/update`, { firstName: 'Ada' }, 'PUT')).toEqual(['loops.missing-identity@$.email']);
    expect(found(`${API}/contacts/create`, { userId: 'cus_1' })).toEqual(['loops.missing-identity@$.email']);
  });

  it('needs an eventName without ":"', () => {
    expect(found(EVENT_URL, { email: 'a@b.c' })).toEqual(['loops.missing-event-name@$.eventName']);
    expect(found(EVENT_URL, { ...event, eventName: '' })).toEqual(['loops.missing-event-name@$.eventName']);
    expect(found(EVENT_URL, { ...event, eventName: 'payment:succeeded' })).toEqual(['loops.invalid-event-name@$.eventName']);
  });

  it('takes only strings, numbers and booleans as event properties, and null only for contact properties', () => {
    expect(found(EVENT_URL, { ...event, eventProperties: { method: null } })).toEqual(['loops.invalid-property-value@$.eventProperties.method']);
    expect(found(EVENT_URL, { ...event, eventProperties: { cart: [1, 2] } })).toEqual(['loops.invalid-property-value@$.eventProperties.cart']);
    expect(found(EVENT_URL, { ...event, company: null })).toEqual([]);
    expect(found(EVENT_URL, { ...event, address: { city: 'SF' } })).toEqual(['loops.invalid-property-value@$.address']);
  });

  it('needs mailingLists as list ids to booleans', () => {
    expect(found(EVENT_URL, { ...event, mailingLists: { list_1: 'yes' } })).toEqual(['loops.invalid-mailing-lists@$.mailingLists.list_1']);
    expect(found(EVENT_URL, { ...event, mailingLists: ['list_1'] })).toEqual(['loops.invalid-mailing-lists@$.mailingLists']);
  });

  it('warns about Dodo\'s six-digit fraction timestamps as dates', () => {
    expect(check(EVENT_URL, { ...event, eventProperties: { paidAt: '2025-08-04T05:30:45.182629Z' } }))
      .toMatchObject([{ code: 'loops.non-ecma-date', path: '$.eventProperties.paidAt', severity: 'warning' }]);
    expect(check(EVENT_URL, { ...event, eventProperties: { paidAt: '2025-08-04T05:30:45.182Z' } })).toEqual([]);
  });

  it('takes contacts/update only with PUT and the other routes only with POST', () => {
    expect(found(`${API}/contacts/update`, { email: 'a@b.c' }, 'POST')).toEqual(['loops.wrong-method@$']);
    expect(found(EVENT_URL, event, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('rejects unknown routes and an incomplete transactional email', () => {
    expect(found(`${API}/events`, event)).toEqual(['loops.unknown-endpoint@$']);
    expect(found(`${API}/transactional`, { email: 'a@b.c' })).toEqual(['schema.invalid@$.transactionalId']);
    expect(found(`${API}/transactional`, { transactionalId: 't' })).toEqual(['loops.missing-identity@$.email']);
  });

  it('only warns about a body over the 1 MB sanity cap (Loops documents no limit)', () => {
    expect(check(EVENT_URL, { ...event, eventProperties: { note: 'a'.repeat(1024 * 1024) } }))
      .toMatchObject([{ code: 'size.too-large', severity: 'warning' }]);
  });

  it('matches app.loops.so and api.loops.so only', () => {
    expect(loops.matches(new URL('https://app.loops.so/api/v1/events/send'))).toBe(true);
    expect(loops.matches(new URL('https://api.loops.so/v1/events/send'))).toBe(true);
    expect(loops.matches(new URL('https://loops.so/docs'))).toBe(false);
    expect(LoopsEventSchema.safeParse(event).success).toBe(true);
  });
});
