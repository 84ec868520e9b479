import { describe, expect, it } from 'vitest';
import { dub, DubSaleSchema } from '../../../src/destinations/dub/index.js';
import type { DubLead, DubSale } from '../../../src/destinations/dub/index.js';
import { dubLead, dubSale } from '../../../src/runtime/destinations/dub-builders.js';
import { check, found } from '../../support/destinations.js';

const SALE = 'https://api.dub.co/track/sale';
const LEAD = 'https://api.dub.co/track/lead';

const sale: DubSale = {
  customerExternalId: 'cus_8VbC6JDZzPEqfBPUdpj0K', amount: 2999, currency: 'usd', eventName: 'Invoice paid',
  paymentProcessor: 'custom', invoiceId: 'pay_2IjeQm4hqU6RA4Z4kwDee', clickId: 'cm3w8x2abc', metadata: { plan: 'pro' },
};
const lead: DubLead = { clickId: 'cm3w8x2abc', eventName: 'Sign up', customerExternalId: 'user_42', customerEmail: 'ada@example.com', mode: 'wait' };

describe('Dub: valid requests', () => {
  it('accepts a sale, a minimal sale, a zero-decimal sale and a lead', () => {
    expect(check(SALE, sale)).toEqual([]);
    expect(check(SALE, { customerExternalId: 'u1', amount: 0 })).toEqual([]);
    expect(check(SALE, { ...sale, amount: 4499, currency: 'JPY', invoiceId: null, clickId: null })).toEqual([]);
    expect(check(LEAD, lead)).toEqual([]);
    expect(DubSaleSchema.safeParse(sale).success).toBe(true);
  });

  it('builds requests the schema accepts: lower-case currency, "custom" processor, no nulls', () => {
    const req = dubSale({ customerExternalId: 'u1', amount: 4500, currency: 'JPY', clickId: null, customerEmail: undefined }, { apiKey: 'dub_x' });
    expect(req).toEqual({
      url: SALE, method: 'POST', headers: { Authorization: 'Bearer dub_x', 'Content-Type': 'application/json' },
      payload: { paymentProcessor: 'custom', customerExternalId: 'u1', amount: 4500, currency: 'jpy' },
    });
    expect(check(req.url, req.payload)).toEqual([]);
    const l = dubLead({ clickId: 'c', eventName: 'Trial started', customerExternalId: 'u1', customerName: null });
    expect(l.payload).toEqual({ clickId: 'c', eventName: 'Trial started', customerExternalId: 'u1' });
    expect(check(l.url, l.payload)).toEqual([]);
  });
});

describe('Dub: rules', () => {
  it('flags Dodo\'s example: processor "dodo", deprecated externalId', () => {
    const dodo = { clickId: 'c', externalId: 'cus_1', amount: 2999, currency: 'USD', paymentProcessor: 'dodo', invoiceId: 'pay_1' };
    const issues = check(SALE, dodo);
    expect(issues.map((i) => `${i.severity}:${i.code}@${i.path}`)).toEqual([
      'error:dub.invalid-payment-processor@$.paymentProcessor', 'warning:dub.deprecated-field@$.externalId',
    ]);
    expect(issues[0]?.message).toContain('"custom"');
  });

  it('needs amount as a non-negative integer in the smallest unit', () => {
    expect(found(SALE, { ...sale, amount: 29.99 })).toEqual(['dub.invalid-amount@$.amount']);
    const str = check(SALE, { ...sale, amount: '29.99' });
    expect(str.map((i) => i.code)).toEqual(['dub.invalid-amount']);
    expect(str[0]?.message).toContain('without dividing by 100');
    expect(found(SALE, { ...sale, amount: -5 })).toEqual(['dub.invalid-amount@$.amount']);
    const { amount: _, ...noAmount } = sale;
    expect(found(SALE, noAmount)).toEqual(['dub.invalid-amount@$.amount']);
  });

  it('needs customerExternalId of 1 to 100 characters', () => {
    const { customerExternalId: _, ...noId } = sale;
    expect(found(SALE, noId)).toEqual(['dub.invalid-customer-id@$.customerExternalId']);
    expect(found(SALE, { ...sale, customerExternalId: ' ' })).toEqual(['dub.invalid-customer-id@$.customerExternalId']);
    expect(found(SALE, { ...sale, customerExternalId: 'x'.repeat(101) })).toEqual(['dub.invalid-customer-id@$.customerExternalId']);
    expect(found(LEAD, { ...lead, customerExternalId: '' })).toEqual(['dub.invalid-customer-id@$.customerExternalId']);
  });

  it('needs a 3-letter currency', () => {
    expect(found(SALE, { ...sale, currency: 'US Dollar' })).toEqual(['dub.invalid-currency@$.currency']);
  });

  it('limits metadata to 10,000 characters as JSON', () => {
    expect(found(SALE, { ...sale, metadata: { note: 'a'.repeat(9980) } })).toEqual([]);
    expect(found(SALE, { ...sale, metadata: { note: 'a'.repeat(10_000) } })).toEqual(['dub.metadata-too-long@$.metadata']);
  });

  it('needs clickId and eventName on a lead', () => {
    const { clickId: _, ...noClick } = lead;
    expect(found(LEAD, noClick)).toEqual(['dub.missing-click-id@$.clickId']);
    expect(found(LEAD, { ...lead, eventName: '' })).toEqual(['dub.missing-event-name@$.eventName']);
    expect(found(LEAD, { ...lead, mode: 'later' })).toEqual(['schema.invalid@$.mode']);
  });

  it('warns about fields Dub ignores', () => {
    expect(check(SALE, { ...sale, timestamp: '2025-08-04T05:30:45Z' }))
      .toMatchObject([{ code: 'dub.unknown-field', path: '$.timestamp', severity: 'warning' }]);
  });

  it('takes only POST, only its two routes, and only api.dub.co', () => {
    expect(found(SALE, sale, 'PUT')).toEqual(['method.not-post@$']);
    expect(found('https://api.dub.co/track/click', sale)).toEqual(['dub.unknown-endpoint@$']);
    expect(dub.matches(new URL('https://app.dub.co/track/sale'))).toBe(false);
  });
});
