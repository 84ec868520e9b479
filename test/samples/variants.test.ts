import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import type { EventType } from '../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants, VARIANT_NAMES } from '../../src/samples/index.js';
import { LONG_BOUNDARIES, LONG_LENGTH, MARKUP, UNICODE_NAME, longString } from '../../src/samples/variants.js';

/**
 * A reader of one variant's `data`: `read('customer.name')`. Variants are plain JSON
 * that may break the SDK type, so fields are read as unknown.
 */
function variant(eventType: EventType, name: string): (path: string) => unknown {
  const found = getVariants(BUILTIN_SAMPLES[eventType]).find((v) => v.name === name);
  if (!found) throw new Error(`no ${name} variant for ${eventType}`);
  const data: unknown = Reflect.get(Object(found.event), 'data');
  return (path) => path.split('.').reduce<unknown>((node, key) => Reflect.get(Object(node), key), data);
}

const names = (eventType: EventType): string[] => getVariants(BUILTIN_SAMPLES[eventType]).map((v) => v.name);

describe('getVariants', () => {
  it('offers the variants that make sense for each family', () => {
    const all = ['base', 'nullable-absent', 'currency-jpy', 'currency-kwd', 'unicode-names', 'markup-chars', 'long-strings'];
    expect(names('payment.succeeded')).toEqual(all);
    expect(names('subscription.cancelled')).toEqual(all);
    expect(names('refund.failed')).toEqual(all);
    expect(names('dispute.lost')).toEqual([...all, 'dispute-amount-number']);
    expect(names('payout.success')).toEqual(['base', 'nullable-absent', 'currency-jpy', 'currency-kwd']);
    expect(names('credit.added')).toEqual(['base', 'nullable-absent', 'markup-chars', 'long-strings']);
    expect(names('entitlement_grant.revoked')).toEqual(['base', 'nullable-absent', 'markup-chars', 'long-strings']);
    expect(names('license_key.created')).toEqual(['base', 'nullable-absent']);
    expect(names('dunning.started')).toEqual(['base', 'nullable-absent']);
    expect(names('credit.balance_low')).toEqual(['base']);
  });

  it('uses only the published names, in their published order', () => {
    for (const eventType of EVENT_TYPES) {
      const got = names(eventType);
      expect(got).toEqual(VARIANT_NAMES.filter((n) => got.includes(n)));
    }
  });

  it('is deterministic and leaves the sample alone', () => {
    const before = JSON.stringify(BUILTIN_SAMPLES['payment.failed']);
    const first = JSON.stringify(getVariants(BUILTIN_SAMPLES['payment.failed']));
    expect(JSON.stringify(getVariants(BUILTIN_SAMPLES['payment.failed']))).toBe(first);
    expect(JSON.stringify(BUILTIN_SAMPLES['payment.failed'])).toBe(before);
  });

  it('returns independent deep copies; base equals the sample', () => {
    const [base, other] = getVariants(BUILTIN_SAMPLES['refund.succeeded']);
    expect(base?.event).toEqual(BUILTIN_SAMPLES['refund.succeeded']);
    expect(base?.event).not.toBe(BUILTIN_SAMPLES['refund.succeeded']);
    expect(other?.event).not.toBe(base?.event);
  });

  it('nullable-absent nulls nullable fields and drops optional ones', () => {
    const payment = variant('payment.succeeded', 'nullable-absent');
    expect(payment('tax')).toBeNull();
    expect(payment('status')).toBeNull();
    expect(payment('payment_link')).toBeNull();
    expect(payment('customer.phone_number')).toBeNull();
    expect(payment('billing.city')).toBeNull();
    expect(payment('customer')).not.toHaveProperty('metadata');
    expect(payment('customer.email')).toBe('ada.lovelace@example.com');
    expect(payment('total_amount')).toBe(2999);
    const subscription = variant('subscription.active', 'nullable-absent');
    expect(subscription('past_due_ends_at')).toBeNull();
    expect(subscription('cancellation_comment')).toBeNull();
    expect(variant('dispute.opened', 'nullable-absent')('reason')).toBeNull();
    expect(variant('license_key.created', 'nullable-absent')('expires_at')).toBeNull();
  });

  it('currency-jpy and currency-kwd switch currencies and rescale amounts', () => {
    const jpy = variant('payment.succeeded', 'currency-jpy');
    expect([jpy('currency'), jpy('settlement_currency')]).toEqual(['JPY', 'JPY']);
    expect([jpy('total_amount'), jpy('tax'), jpy('settlement_amount')]).toEqual([4499, 410, 4499]);
    const kwd = variant('payment.succeeded', 'currency-kwd');
    expect([kwd('currency'), kwd('total_amount')]).toEqual(['KWD', 9207]);
    const payout = variant('payout.created', 'currency-kwd');
    expect([payout('currency'), payout('amount'), payout('fee')]).toEqual(['KWD', 566486, 3838]);
    const subscription = variant('subscription.renewed', 'currency-jpy');
    expect([subscription('currency'), subscription('recurring_pre_tax_amount')]).toEqual(['JPY', 3749]);
    // String amounts stay strings.
    expect(variant('dispute.opened', 'currency-jpy')('amount')).toBe('600');
    expect(variant('refund.succeeded', 'currency-kwd')('currency')).toBe('KWD');
  });

  it('unicode-names changes names but keeps emails valid', () => {
    const data = variant('subscription.active', 'unicode-names');
    expect(data('customer.name')).toBe(UNICODE_NAME);
    expect(data('customer_business_name')).toBe(UNICODE_NAME);
    expect(data('customer.email')).toBe('ada.lovelace@example.com');
    expect(variant('payment.succeeded', 'unicode-names')('card_holder_name')).toBe(UNICODE_NAME);
  });

  it('markup-chars fills customer-controlled text, not ids or enums', () => {
    const sub = variant('subscription.cancelled', 'markup-chars');
    expect(sub('customer.name')).toBe(MARKUP);
    expect(sub('cancellation_comment')).toBe(MARKUP);
    expect(sub('metadata.plan')).toBe(MARKUP);
    expect(sub('metadata.seats')).toBe(3);
    expect(sub('customer.metadata.crm_id')).toBe(MARKUP);
    expect(sub('custom_field_responses.0.value')).toBe(MARKUP);
    expect(sub('custom_field_responses.0.key')).toBe('company');
    expect(sub('status')).toBe('cancelled');
    expect(sub('subscription_id')).toBe('sub_4tQ8xZrVd2KmPw7LcN1Ja');
    expect(sub('customer.email')).toBe('ada.lovelace@example.com');
    expect(variant('dispute.opened', 'markup-chars')('reason')).toBe(MARKUP);
    expect(MARKUP).toContain('<script>alert(1)</script>');
    expect(MARKUP).toContain('@everyone');
  });

  it('long-strings are 5,000 characters with emoji straddling truncation limits', () => {
    const refund = variant('refund.succeeded', 'long-strings');
    const reason = String(refund('reason'));
    expect(reason).toHaveLength(LONG_LENGTH);
    expect(reason.startsWith('reason: lorem ipsum')).toBe(true);
    expect(refund('customer.name')).toHaveLength(5000);
    expect(refund('customer.email')).toBe('ada.lovelace@example.com');
    for (const limit of [100, 2000, 3000]) {
      expect(LONG_BOUNDARIES).toContain(limit);
      expect(reason.slice(limit - 1, limit + 1)).toBe('🚀');
      // A naive cut at the limit leaves half an emoji behind.
      expect(reason.slice(0, limit)).toMatch(/[\uD800-\uDBFF]$/);
      expect(reason.slice(0, limit + 1)).not.toMatch(/[\uD800-\uDBFF]$/);
    }
    expect(longString('x')).toBe(longString('x'));
  });

  it('dispute-amount-number turns the string amount into a number', () => {
    expect(BUILTIN_SAMPLES['dispute.won'].data.amount).toBe('400');
    expect(variant('dispute.won', 'dispute-amount-number')('amount')).toBe(400);
  });
});
