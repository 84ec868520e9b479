import { describe, expect, it } from 'vitest';
import { toFlatRecord } from '../../../src/runtime/helpers/flat-record.js';
import { getBuiltinSample } from '../../../src/samples/index.js';

describe('toFlatRecord', () => {
  it('a payment: scalars only, amount in major units by the currency, a retry-stable id', () => {
    const event = getBuiltinSample('payment.succeeded');
    event.data.currency = 'JPY';
    event.data.total_amount = 4500;
    const record = toFlatRecord(event);
    expect(record).toMatchObject({
      event_type: 'payment.succeeded', event_id: `payment.succeeded:${event.data.payment_id}`, occurred_at: event.timestamp,
      amount: 4500, amount_minor: 4500, amount_display: '¥4,500', currency: 'JPY', customer_email: event.data.customer.email,
    });
    for (const value of Object.values(record)) expect(value === null || typeof value !== 'object').toBe(true);
  });

  it('a subscription id includes the timestamp: each state change is a distinct delivery', () => {
    const event = getBuiltinSample('subscription.renewed');
    expect(toFlatRecord(event).event_id).toBe(`subscription.renewed:${event.data.subscription_id}:${event.timestamp}`);
  });

  it('a refund without amount or currency gives nulls, not NaN', () => {
    const event = getBuiltinSample('refund.succeeded');
    event.data.amount = null;
    event.data.currency = null;
    expect(toFlatRecord(event)).toMatchObject({ amount: null, amount_minor: null, amount_display: null, currency: null });
  });

  it('a dispute amount given as a string becomes a number', () => {
    const event = getBuiltinSample('dispute.opened');
    event.data.amount = '400';
    event.data.currency = 'KWD';
    expect(toFlatRecord(event)).toMatchObject({ amount: 0.4, amount_minor: 400, amount_display: '0.400 KWD' });
  });
});
