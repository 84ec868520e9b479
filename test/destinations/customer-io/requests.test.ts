import { describe, expect, it } from 'vitest';
import {
  customerIo, CustomerIoEntitySchema, CUSTOMERIO_ACTIONS, knownFields,
} from '../../../src/destinations/customer-io/index.js';
import type { CustomerIoBatch, CustomerIoEntity, CustomerIoPersonEvent } from '../../../src/destinations/customer-io/index.js';
import { check, CIO_BATCH, CIO_ENTITY, codes, found, twoByte } from '../../support/destinations.js';

const event: CustomerIoPersonEvent = {
  type: 'person', identifiers: { id: 'cus_1' }, action: 'event', name: 'payment_completed',
  timestamp: 1754285445, attributes: { amount: 49.99, currency: 'USD' },
};
const identify: CustomerIoEntity = {
  type: 'person', identifiers: { email: 'ana@example.com' }, action: 'identify', attributes: { first_name: 'Ana' },
};

describe('Customer.io: valid requests', () => {
  const valid: [string, CustomerIoEntity][] = [
    ['event', event],
    ['identify', identify],
    ['page', { type: 'person', identifiers: { cio_id: 'a3000001' }, action: 'page', name: '/pricing' }],
    ['screen', { type: 'person', identifiers: { phone: '+14155552671' }, action: 'screen', name: 'Checkout' }],
    ['delete', { type: 'person', identifiers: { id: 'cus_1' }, action: 'delete' }],
    ['suppress', { type: 'person', identifiers: { id: 'cus_1' }, action: 'suppress' }],
    ['add_device', { type: 'person', identifiers: { id: 'cus_1' }, action: 'add_device', device: { token: 't', platform: 'ios' } }],
    ['merge', { type: 'person', action: 'merge', primary: { id: 'cus_1' }, secondary: { email: 'ana@example.com' } }],
    ['add_relationships', {
      type: 'person', identifiers: { id: 'cus_1' }, action: 'add_relationships',
      cio_relationships: [{ identifiers: { object_type_id: '1', object_id: 'bus_1' } }],
    }],
    ['object identify', { type: 'object', identifiers: { object_type_id: '1', object_id: 'bus_1' }, action: 'identify', attributes: { plan: 'pro' } }],
    ['delivery', { type: 'delivery', action: 'event', identifiers: { id: 'RPIy' }, name: 'opened', attributes: { device_token: 't' } }],
  ];
  it.each(valid)('%s passes without issues', (_, body) => {
    expect(found(CIO_ENTITY, body)).toEqual([]);
    expect(CustomerIoEntitySchema.safeParse(body).success).toBe(true);
  });

  it('accepts a batch of entities', () => {
    const batch: CustomerIoBatch = { batch: [event, identify] };
    expect(found(CIO_BATCH, batch)).toEqual([]);
  });
});

describe('Customer.io: rules', () => {
  it('rejects an action outside the enum, with the custom-event hint', () => {
    const issues = check(CIO_ENTITY, { ...event, action: 'payment_completed', name: 'Payment Completed' });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['customerio.invalid-action@$.action']);
    expect(issues[0]?.message).toContain('action "payment_completed" is not a Customer.io action; a custom event is action "event" with name "payment_completed"');
    expect(found(CIO_ENTITY, { ...event, action: 'track' })).toEqual(['customerio.invalid-action@$.action']);
    expect(found(CIO_ENTITY, { type: 'delivery', action: 'identify', identifiers: { id: 'd' }, name: 'opened', attributes: { device_token: 't' } }))
      .toEqual(['customerio.invalid-action@$.action']);
    expect(found(CIO_ENTITY, { type: 'object', identifiers: { cio_object_id: 'o' }, action: 'event', name: 'x' }))
      .toEqual(['customerio.invalid-action@$.action']);
  });

  it('an invalid action does not hide two identifiers of a person', () => {
    expect(found(CIO_ENTITY, { ...event, action: 'payment_completed', identifiers: { id: 'cus_1', email: 'a@b.co' } }))
      .toEqual(['customerio.invalid-action@$.action', 'customerio.invalid-identifiers@$.identifiers']);
  });

  it('exports types that only allow the documented actions', () => {
    // @ts-expect-error payment_completed is not an action
    const custom: CustomerIoEntity = { type: 'person', identifiers: { id: 'cus_1' }, action: 'payment_completed' };
    expect(found(CIO_ENTITY, custom)).toEqual(['customerio.invalid-action@$.action']);
  });

  it('rejects an unknown type', () => {
    expect(found(CIO_ENTITY, { ...event, type: 'customer' })).toEqual(['customerio.invalid-type@$.type']);
  });

  it('takes exactly one identifier', () => {
    const two = check(CIO_ENTITY, { ...event, identifiers: { id: 'cus_1', email: 'ana@example.com' } });
    expect(two.map((i) => `${i.code}@${i.path}`)).toEqual(['customerio.invalid-identifiers@$.identifiers']);
    expect(two[0]?.message).toContain('2 keys (id, email)');
    expect(found(CIO_ENTITY, { ...event, identifiers: {} })).toEqual(['customerio.invalid-identifiers@$.identifiers']);
    expect(found(CIO_ENTITY, { ...event, identifiers: { customer_id: 'cus_1' } })).toEqual(['customerio.invalid-identifiers@$.identifiers']);
    expect(found(CIO_ENTITY, { ...event, identifiers: { id: 42 } })).toEqual(['customerio.invalid-identifiers@$.identifiers']);
    const { identifiers: _, ...none } = event;
    expect(found(CIO_ENTITY, none)).toEqual(['customerio.invalid-identifiers@$.identifiers']);
    expect(found(CIO_ENTITY, { type: 'person', action: 'merge', primary: { id: 'a', email: 'b' }, secondary: { id: 'c' } }))
      .toEqual(['customerio.invalid-identifiers@$.primary']);
  });

  it('needs name on event, page and screen', () => {
    const { name: _, ...noName } = event;
    expect(found(CIO_ENTITY, noName)).toEqual(['customerio.missing-name@$.name']);
    expect(found(CIO_ENTITY, { ...noName, action: 'page' })).toEqual(['customerio.missing-name@$.name']);
    expect(found(CIO_ENTITY, { ...event, name: '' })).toEqual(['customerio.missing-name@$.name']);
  });

  it('limits name to 100 bytes, not characters', () => {
    expect(found(CIO_ENTITY, { ...event, name: 'a'.repeat(100) })).toEqual([]);
    expect(found(CIO_ENTITY, { ...event, name: twoByte(50) })).toEqual([]);
    const long = check(CIO_ENTITY, { ...event, name: twoByte(51) });
    expect(long.map((i) => `${i.code}@${i.path}`)).toEqual(['customerio.name-too-long@$.name']);
    expect(long[0]?.message).toContain('102 bytes');
  });

  it('needs timestamp as integer Unix seconds', () => {
    expect(found(CIO_ENTITY, { ...event, timestamp: '2025-08-04T05:30:45Z' })).toEqual(['customerio.invalid-timestamp@$.timestamp']);
    expect(found(CIO_ENTITY, { ...event, timestamp: '1754285445' })).toEqual(['customerio.invalid-timestamp@$.timestamp']);
    expect(found(CIO_ENTITY, { ...event, timestamp: 1754285445.5 })).toEqual(['customerio.invalid-timestamp@$.timestamp']);
    expect(check(CIO_ENTITY, { ...event, timestamp: 1754285445182 }))
      .toMatchObject([{ code: 'customerio.timestamp-milliseconds', path: '$.timestamp', severity: 'warning' }]);
  });

  it('limits identify attributes: 300 of them, names 150 bytes, values 1000 bytes', () => {
    const attrs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${i}`, i]));
    expect(found(CIO_ENTITY, { ...identify, attributes: attrs(300) })).toEqual([]);
    expect(found(CIO_ENTITY, { ...identify, attributes: attrs(301) })).toEqual(['customerio.too-many-attributes@$.attributes']);
    expect(found(CIO_ENTITY, { ...identify, attributes: { bio: twoByte(500) } })).toEqual([]);
    expect(found(CIO_ENTITY, { ...identify, attributes: { bio: twoByte(501) } })).toEqual(['customerio.attribute-too-long@$.attributes.bio']);
    expect(found(CIO_ENTITY, { ...identify, attributes: { [twoByte(75)]: 1 } })).toEqual([]);
    expect(found(CIO_ENTITY, { ...identify, attributes: { [twoByte(76)]: 1 } }))
      .toEqual([`customerio.attribute-name-too-long@$.attributes[${JSON.stringify(twoByte(76))}]`]);
  });

  it('limits an entity to 32 KB and a batch to 500 KB with 32 KB per element', () => {
    const big = { ...event, attributes: { note: twoByte(16 * 1024) } };
    expect(found(CIO_ENTITY, big)).toEqual(['size.too-large@$']);
    expect(found(CIO_BATCH, { batch: [event, big] })).toEqual(['size.too-large@$.batch[1]']);
    const medium = { ...event, attributes: { note: 'a'.repeat(30 * 1024) } };
    expect(codes(CIO_BATCH, { batch: Array.from({ length: 17 }, () => medium) })).toEqual(['size.too-large']);
  });

  it('only takes POST', () => {
    expect(found(CIO_ENTITY, event, 'PUT')).toEqual(['method.not-post@$']);
    expect(found(CIO_ENTITY, event, 'post')).toEqual([]);
  });

  it('rejects unknown routes and only warns for v1 routes', () => {
    expect(found('https://track.customer.io/api/v2/entities', event)).toEqual(['customerio.unknown-endpoint@$']);
    expect(check('https://track.customer.io/api/v1/customers/cus_1', { email: 'a@b.c' }, 'PUT'))
      .toMatchObject([{ code: 'customerio.unvalidated-endpoint', severity: 'warning' }]);
    // A v2 entity on a v1 route loses its attributes: that much is known without v1's schema.
    const v1Events = 'https://track.customer.io/api/v1/customers/cus_1/events';
    expect(found(v1Events, event)).toEqual(['customerio.entity-on-legacy-route@$', 'customerio.unvalidated-endpoint@$']);
    expect(found(v1Events, { name: 'payment_succeeded', data: { amount: 29.99 } })).toEqual(['customerio.unvalidated-endpoint@$']);
  });

  it('matches the EU host', () => {
    expect(customerIo.matches(new URL('https://track-eu.customer.io/api/v2/entity'))).toBe(true);
    expect(found('https://track-eu.customer.io/api/v2/entity', { ...event, action: 'purchase' })).toEqual(['customerio.invalid-action@$.action']);
    expect(customerIo.matches(new URL('https://api.customer.io/v1/send/email'))).toBe(false);
  });

  it('reports batch elements at their own paths', () => {
    expect(found(CIO_BATCH, { batch: [event, { ...event, action: 'purchase' }, { ...identify, identifiers: { id: 'a', email: 'b' } }] }))
      .toEqual(['customerio.invalid-action@$.batch[1].action', 'customerio.invalid-identifiers@$.batch[2].identifiers']);
    expect(found(CIO_BATCH, [event])).toEqual(['schema.invalid@$']);
  });

  it('warns about top-level fields the action does not use', () => {
    expect(check(CIO_ENTITY, { ...identify, name: 'Customer Identified', data: {} }).map((i) => `${i.severity}:${i.code}@${i.path}`))
      .toEqual(['warning:customerio.unused-field@$.name', 'warning:customerio.unused-field@$.data']);
  });
});

describe('Customer.io: action table', () => {
  it('lists the twelve person actions of the reference, each with a schema', () => {
    expect(CUSTOMERIO_ACTIONS.person).toHaveLength(12);
    for (const action of CUSTOMERIO_ACTIONS.person) expect(knownFields('person', action)).toBeDefined();
    for (const action of CUSTOMERIO_ACTIONS.object) expect(knownFields('object', action)).toBeDefined();
    expect(knownFields('person', 'payment_completed')).toBeUndefined();
  });
});
