import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import { levenshtein, suggest } from '../../src/util/suggest.js';

describe('levenshtein', () => {
  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('same', 'same')).toBe(0);
  });
});

describe('suggest', () => {
  it('finds the event type behind a typo', () => {
    expect(suggest('payment.succeded', EVENT_TYPES)).toBe('payment.succeeded');
    expect(suggest('payment_succeeded', EVENT_TYPES)).toBe('payment.succeeded');
    expect(suggest('subscription.renew', EVENT_TYPES)).toBe('subscription.renewed');
    expect(suggest('licence_key.created', EVENT_TYPES)).toBe('license_key.created');
  });

  it('ignores case', () => {
    expect(suggest('Payment.Succeeded', EVENT_TYPES)).toBe('payment.succeeded');
  });

  it('proposes nothing when nothing is close', () => {
    expect(suggest('invoice.paid', EVENT_TYPES)).toBeUndefined();
    expect(suggest('xyz', ['payment.failed'])).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });

  it('takes a part of exactly one name for that name', () => {
    expect(suggest('jpy', ['base', 'currency-jpy', 'currency-kwd'])).toBe('currency-jpy');
    expect(suggest('currency', ['base', 'currency-jpy', 'currency-kwd'])).toBeUndefined();
    expect(suggest('py', ['currency-jpy'])).toBeUndefined();
  });

  it('breaks ties by candidate order', () => {
    expect(suggest('ab', ['ax', 'xb'])).toBe('ax');
    expect(suggest('ab', ['xb', 'ax'])).toBe('xb');
  });
});
