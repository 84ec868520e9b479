import { describe, expect, it } from 'vitest';
import {
  isMoneyKey, segment, SegmentBatchSchema, SegmentTrackSchema, SEGMENT_BATCH_MAX_EVENTS, SEGMENT_CALL_LIMIT_BYTES,
} from '../../../src/destinations/segment/index.js';
import type { SegmentBatch, SegmentTrack } from '../../../src/destinations/segment/index.js';
import { check, codes, found, SEGMENT, SEGMENT_EU, twoByte } from '../../support/destinations.js';

const track: SegmentTrack = {
  userId: 'cus_1', event: 'Order Completed', timestamp: '2025-08-04T05:30:45.182629Z',
  properties: { order_id: 'pay_1', total: 49.99, revenue: 49.99, currency: 'USD', products: [{ product_id: 'prod_1', price: 49.99, quantity: 1 }] },
  messageId: 'pay_1-payment.succeeded',
};

describe('Segment: valid calls', () => {
  it.each([
    ['track', track],
    ['identify', { userId: 'cus_1', traits: { email: 'ana@example.com', lifetime_value: 49.99 } }],
    ['page', { anonymousId: 'anon_1', name: 'Pricing', properties: { path: '/pricing' } }],
    ['screen', { userId: 'cus_1', name: 'Checkout' }],
    ['group', { userId: 'cus_1', groupId: 'bus_1', traits: { plan: 'pro' } }],
    ['alias', { userId: 'cus_1', previousId: 'anon_1' }],
  ])('%s passes without issues', (route, body) => {
    expect(found(`${SEGMENT}/${route}`, body)).toEqual([]);
  });

  it('accepts anonymousId alone, and a null userId next to it', () => {
    expect(found(`${SEGMENT}/track`, { anonymousId: 'a', event: 'X' })).toEqual([]);
    expect(found(`${SEGMENT}/track`, { userId: null, anonymousId: 'a', event: 'X' })).toEqual([]);
  });

  it('accepts a batch of mixed calls', () => {
    const batch: SegmentBatch = { batch: [{ ...track, type: 'track' }, { type: 'identify', userId: 'cus_1', traits: {} }] };
    expect(found(`${SEGMENT}/batch`, batch)).toEqual([]);
    expect(SegmentBatchSchema.safeParse(batch).success).toBe(true);
  });

  it('exports types that require an identity', () => {
    // @ts-expect-error a track call needs userId or anonymousId
    const noIdentity: SegmentTrack = { event: 'X' };
    expect(found(`${SEGMENT}/track`, noIdentity)).toEqual(['segment.missing-identity@$.userId']);
  });

  it('exports schemas that parse alone', () => {
    expect(SegmentTrackSchema.safeParse(track).success).toBe(true);
    expect(SegmentTrackSchema.safeParse({ event: 'X' }).success).toBe(false);
  });
});

describe('Segment: rules', () => {
  it('needs userId or anonymousId', () => {
    expect(found(`${SEGMENT}/track`, { event: 'X' })).toEqual(['segment.missing-identity@$.userId']);
    expect(found(`${SEGMENT}/identify`, { userId: '', traits: {} })).toEqual(['segment.missing-identity@$.userId']);
    expect(found(`${SEGMENT}/batch`, { batch: [{ type: 'page', name: 'Home' }] })).toEqual(['segment.missing-identity@$.batch[0].userId']);
  });

  it('needs event on track', () => {
    expect(found(`${SEGMENT}/track`, { userId: 'u' })).toEqual(['segment.missing-event@$.event']);
    expect(found(`${SEGMENT}/track`, { userId: 'u', event: '' })).toEqual(['segment.missing-event@$.event']);
  });

  it('needs groupId on group and userId + previousId on alias', () => {
    expect(found(`${SEGMENT}/group`, { userId: 'u' })).toEqual(['segment.missing-group-id@$.groupId']);
    expect(found(`${SEGMENT}/alias`, { userId: 'u' })).toEqual(['segment.missing-previous-id@$.previousId']);
    expect(found(`${SEGMENT}/alias`, { previousId: 'p' })).toEqual(['segment.missing-identity@$.userId']);
  });

  it('needs an ISO 8601 timestamp', () => {
    expect(found(`${SEGMENT}/track`, { ...track, timestamp: 1754285445 })).toEqual(['segment.invalid-timestamp@$.timestamp']);
    expect(found(`${SEGMENT}/track`, { ...track, timestamp: '04/08/2025' })).toEqual(['segment.invalid-timestamp@$.timestamp']);
    expect(found(`${SEGMENT}/track`, { ...track, timestamp: '2025-13-40T00:00:00Z' })).toEqual(['segment.invalid-timestamp@$.timestamp']);
    expect(found(`${SEGMENT}/track`, { ...track, timestamp: '2025-08-04T05:30:45+02:00' })).toEqual([]);
  });

  it('limits messageId to 100 characters', () => {
    expect(found(`${SEGMENT}/track`, { ...track, messageId: 'm'.repeat(100) })).toEqual([]);
    expect(found(`${SEGMENT}/track`, { ...track, messageId: 'm'.repeat(101) })).toEqual(['segment.message-id-too-long@$.messageId']);
  });

  it('limits a call to 32 KB of UTF-8, counting bytes not characters', () => {
    const base = JSON.stringify({ ...track, properties: { note: '' } }).length;
    // Fewer than 32,768 characters, but two bytes each: over the limit.
    const chars = SEGMENT_CALL_LIMIT_BYTES - base - 10;
    const big = { ...track, properties: { note: twoByte(chars) } };
    expect(JSON.stringify(big).length).toBeLessThan(SEGMENT_CALL_LIMIT_BYTES);
    expect(found(`${SEGMENT}/track`, big)).toEqual(['size.too-large@$']);
    expect(found(`${SEGMENT}/track`, { ...track, properties: { note: 'a'.repeat(chars) } })).toEqual([]);
  });

  it('limits batches to 500 KB, 32 KB per event and 2,500 events', () => {
    const item = { type: 'track', userId: 'u', event: 'E' };
    expect(found(`${SEGMENT}/batch`, { batch: Array.from({ length: SEGMENT_BATCH_MAX_EVENTS }, () => item) })).toEqual([]);
    expect(found(`${SEGMENT}/batch`, { batch: Array.from({ length: SEGMENT_BATCH_MAX_EVENTS + 1 }, () => item) }))
      .toEqual(['segment.batch-too-many@$.batch']);
    const fat = { ...item, properties: { note: 'a'.repeat(33 * 1024) } };
    expect(found(`${SEGMENT}/batch`, { batch: [item, fat] })).toEqual(['size.too-large@$.batch[1]']);
    const medium = { ...item, properties: { note: 'a'.repeat(30 * 1024) } };
    expect(codes(`${SEGMENT}/batch`, { batch: Array.from({ length: 17 }, () => medium) })).toEqual(['size.too-large']);
  });

  it('names each batch element\'s call in type', () => {
    expect(found(`${SEGMENT}/batch`, { batch: [{ type: 'order', userId: 'u' }] })).toEqual(['segment.invalid-type@$.batch[0].type']);
    expect(found(`${SEGMENT}/batch`, { batch: [{ userId: 'u', event: 'E' }] })).toEqual(['segment.invalid-type@$.batch[0].type']);
  });

  it('warns when a body names another call than its route', () => {
    expect(check(`${SEGMENT}/identify`, { type: 'track', userId: 'u' })).toMatchObject([{ code: 'segment.type-mismatch', severity: 'warning' }]);
    expect(found(`${SEGMENT}/identify`, { type: 'identify', userId: 'u' })).toEqual([]);
  });

  it('rejects unknown routes and other methods than POST', () => {
    expect(found(`${SEGMENT}/events`, track)).toEqual(['segment.unknown-endpoint@$']);
    expect(found('https://api.segment.io/v2/track', track)).toEqual(['segment.unknown-endpoint@$']);
    expect(found(`${SEGMENT}/track`, track, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('rejects a body that is not an object', () => {
    expect(found(`${SEGMENT}/track`, 'Payment Completed')).toEqual(['schema.invalid@$']);
    expect(found(`${SEGMENT}/track`, { ...track, properties: ['a'] })).toEqual(['schema.invalid@$.properties']);
  });

  it('matches the EU workspace host', () => {
    expect(segment.matches(new URL(`${SEGMENT_EU}/track`))).toBe(true);
    expect(found(`${SEGMENT_EU}/track`, { event: 'X' })).toEqual(['segment.missing-identity@$.userId']);
    expect(segment.matches(new URL('https://segment.io.example.com/v1/track'))).toBe(false);
  });
});

describe('Segment: string amounts', () => {
  it('warns for numeric strings in money properties, at their path', () => {
    const issues = check(`${SEGMENT}/track`, {
      userId: 'u', event: 'Order Completed',
      properties: { revenue: '49.99', total: 49.99, tax_id: '12345', currency: 'USD', products: [{ price: '10.00', quantity: 1 }] },
    });
    expect(issues.map((i) => `${i.severity}:${i.code}@${i.path}`)).toEqual([
      'warning:segment.string-amount@$.properties.revenue',
      'warning:segment.string-amount@$.properties.products[0].price',
    ]);
    expect(issues[0]?.message).toContain('send a number');
  });

  it('a spec money property sent as formatted text is an error; a label of the user\'s own is not', () => {
    const issues = check(`${SEGMENT}/track`, {
      userId: 'u', event: 'Order Completed',
      properties: { revenue: '$12.00', value: '12.00 USD', total: '¥4,499', products: [{ price: '10,00 €' }], amount_display: '$12.00', plan: 'Pro 2024' },
    });
    expect(issues.map((i) => `${i.severity}:${i.code}@${i.path}`)).toEqual([
      'error:segment.money-as-text@$.properties.revenue',
      'error:segment.money-as-text@$.properties.value',
      'error:segment.money-as-text@$.properties.total',
      'error:segment.money-as-text@$.properties.products[0].price',
    ]);
    expect(found(`${SEGMENT}/track`, { userId: 'u', event: 'E', properties: { revenue: 12, total: 'n/a' } })).toEqual([]);
  });

  it('checks batch elements and traits, not non-numeric strings', () => {
    expect(found(`${SEGMENT}/batch`, { batch: [{ type: 'identify', userId: 'u', traits: { totalSpent: '12' } }] }))
      .toEqual(['segment.string-amount@$.batch[0].traits.totalSpent']);
    expect(found(`${SEGMENT}/track`, { userId: 'u', event: 'E', properties: { amount: 'free' } })).toEqual([]);
  });

  it.each([
    ['amount', true], ['revenue', true], ['payment_amount', true], ['totalSpent', true], ['unit-price', true],
    ['tax_id', false], ['currency', false], ['price_currency', false], ['order_id', false], ['discount_code', false],
  ])('isMoneyKey(%s) is %s', (key, expected) => {
    expect(isMoneyKey(key)).toBe(expected);
  });
});
