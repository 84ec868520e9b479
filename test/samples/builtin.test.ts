import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import { getPayloadType } from '../../src/runtime/events/payload-type.js';
import { BUILTIN_SAMPLES, getBuiltinSample } from '../../src/samples/index.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe('BUILTIN_SAMPLES', () => {
  it('has exactly one sample per event type', () => {
    expect(Object.keys(BUILTIN_SAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
    expect(Object.keys(BUILTIN_SAMPLES)).toHaveLength(48);
  });

  it.each(EVENT_TYPES)('%s has a matching type, payload_type and envelope', (eventType) => {
    const sample = BUILTIN_SAMPLES[eventType];
    expect(sample.type).toBe(eventType);
    expect(sample.data.payload_type).toBe(getPayloadType(eventType));
    expect(sample.business_id).toBe('bus_P7dVv2rKp8wXnQ3sJ9Lm4');
    expect(sample.timestamp).toMatch(ISO);
    // Plain JSON: survives a round trip unchanged (no undefined, Dates, …).
    expect(JSON.parse(JSON.stringify(sample))).toEqual(sample);
  });

  it('differ within a family only where the event does', () => {
    const ok = BUILTIN_SAMPLES['payment.succeeded'].data;
    const failed = BUILTIN_SAMPLES['payment.failed'].data;
    expect(ok.status).toBe('succeeded');
    expect(ok.error_code).toBeNull();
    expect(failed.status).toBe('failed');
    expect(failed.error_code).toBe('INSUFFICIENT_FUNDS');
    expect(failed.customer).toEqual(ok.customer);
    expect(ok.total_amount).toBe(2999);
    expect(ok.currency).toBe('USD');

    const cancelled = BUILTIN_SAMPLES['subscription.cancelled'].data;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelled_at).toBe('2025-08-22T18:44:10.503671Z');
    expect(BUILTIN_SAMPLES['subscription.active'].data.cancelled_at).toBeNull();
    expect(BUILTIN_SAMPLES['subscription.past_due'].data.past_due_ends_at).toMatch(ISO);
  });

  it('carry the dispute fields the SDK type lacks', () => {
    const dispute = BUILTIN_SAMPLES['dispute.opened'].data;
    expect(dispute.amount).toBe('400');
    expect(dispute.customer.email).toBe('ada.lovelace@example.com');
    expect(dispute.reason).toBe('Product not received');
    expect(BUILTIN_SAMPLES['dispute.won'].data.dispute_status).toBe('dispute_won');
  });

  it('share no objects between samples', () => {
    const a = BUILTIN_SAMPLES['payment.succeeded'].data.customer;
    const b = BUILTIN_SAMPLES['refund.succeeded'].data.customer;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it('is frozen, so shared samples cannot be changed by accident', () => {
    const sample = BUILTIN_SAMPLES['payment.succeeded'];
    expect(Object.isFrozen(sample)).toBe(true);
    expect(Object.isFrozen(sample.data.customer)).toBe(true);
    expect(() => {
      sample.data.customer.name = 'Changed';
    }).toThrow(TypeError);
  });
});

describe('getBuiltinSample', () => {
  it('returns an equal, deep, mutable copy', () => {
    const copy = getBuiltinSample('subscription.renewed');
    expect(copy).toEqual(BUILTIN_SAMPLES['subscription.renewed']);
    expect(copy).not.toBe(BUILTIN_SAMPLES['subscription.renewed']);
    copy.data.customer.name = 'Changed';
    copy.data.addons.push({ addon_id: 'adn_x', quantity: 1 });
    expect(BUILTIN_SAMPLES['subscription.renewed'].data.customer.name).toBe('Ada Lovelace');
    expect(BUILTIN_SAMPLES['subscription.renewed'].data.addons).toHaveLength(1);
    expect(getBuiltinSample('subscription.renewed').data.customer.name).toBe('Ada Lovelace');
  });

  it('returns a fresh copy on every call', () => {
    expect(getBuiltinSample('payout.success')).not.toBe(getBuiltinSample('payout.success'));
    expect(getBuiltinSample('payout.success').data.status).toBe('success');
  });
});
