// The request bodies the six integration-page seed snippets (Customer.io and Segment pages) produce
// for the sample events, rebuilt by hand, and the issues each one gets.
import { describe, expect, it } from 'vitest';
import { codes, found } from '../support/destinations.js';
import { paymentSucceeded as pay, subscriptionActive as subActive, subscriptionCancelled as subCancelled } from './sample-events.js';

const p = pay.payload.data;
const cio = 'https://track.customer.io/api/v2/entity';
const seg = 'https://api.segment.io/v1';

describe('Customer.io seeds', () => {
  it('"payment events": custom action payment_completed is rejected', () => {
    const body = {
      type: 'person', identifiers: { id: p.customer.customer_id }, action: 'payment_completed', name: 'Payment Completed',
      attributes: {
        email: p.customer.email, name: p.customer.name, payment_amount: (p.total_amount / 100).toFixed(2),
        payment_method: p.payment_method || 'unknown', payment_id: p.payment_id, currency: p.currency || 'USD',
      },
    };
    expect(found(cio, body)).toEqual(['customerio.invalid-action@$.action']);
  });

  it('"subscription lifecycle": subscription_started and subscription_cancelled are rejected', () => {
    const s = subActive.payload.data;
    const started = {
      type: 'person', identifiers: { id: s.customer.customer_id }, action: 'subscription_started', name: 'Subscription Started',
      attributes: {
        email: s.customer.email, subscription_id: s.subscription_id, product_id: s.product_id,
        amount: (s.recurring_pre_tax_amount / 100).toFixed(2), frequency: s.payment_frequency_interval, next_billing: s.next_billing_date,
      },
    };
    const c = subCancelled.payload.data;
    const cancelled = {
      type: 'person', identifiers: { id: c.customer.customer_id }, action: 'subscription_cancelled', name: 'Subscription Cancelled',
      attributes: {
        email: c.customer.email, subscription_id: c.subscription_id, cancelled_at: c.cancelled_at,
        cancel_at_next_billing: c.cancel_at_next_billing_date,
      },
    };
    expect(found(cio, started)).toEqual(['customerio.invalid-action@$.action']);
    expect(found(cio, cancelled)).toEqual(['customerio.invalid-action@$.action']);
  });

  // Decision: the reference's identify schema does not forbid extra fields, so a top-level name is
  // accepted (no error) but it is not an identify field and does nothing: a warning says so.
  it('"customer attributes": identify passes, its extra top-level name only gets a warning', () => {
    const body = {
      type: 'person', identifiers: { id: p.customer.customer_id }, action: 'identify', name: 'Customer Identified',
      attributes: {
        email: p.customer.email, name: p.customer.name, total_spent: (p.total_amount / 100).toFixed(2),
        payment_method: p.payment_method || 'unknown', last_payment_date: pay.payload.timestamp, customer_since: pay.payload.timestamp,
      },
    };
    expect(found(cio, body)).toEqual(['customerio.unused-field@$.name']);
  });
});

describe('Segment seeds', () => {
  it('"payment events": passes, with a warning for the string amount', () => {
    const body = {
      userId: p.customer.customer_id, event: 'Payment Completed',
      properties: {
        amount: (p.total_amount / 100).toFixed(2), currency: p.currency || 'USD', payment_method: p.payment_method || 'unknown',
        payment_id: p.payment_id, customer_email: p.customer.email, customer_name: p.customer.name,
      },
      timestamp: pay.payload.timestamp,
    };
    expect(found(`${seg}/track`, body)).toEqual(['segment.string-amount@$.properties.amount']);
  });

  it('"subscription lifecycle": started warns about its amount, cancelled is clean', () => {
    const s = subActive.payload.data;
    const started = {
      userId: s.customer.customer_id, event: 'Subscription Started',
      properties: {
        subscription_id: s.subscription_id, product_id: s.product_id, amount: (s.recurring_pre_tax_amount / 100).toFixed(2),
        frequency: s.payment_frequency_interval, next_billing: s.next_billing_date, customer_email: s.customer.email,
      },
      timestamp: subActive.payload.timestamp,
    };
    const c = subCancelled.payload.data;
    const cancelled = {
      userId: c.customer.customer_id, event: 'Subscription Cancelled',
      properties: {
        subscription_id: c.subscription_id, product_id: c.product_id, cancelled_at: c.cancelled_at,
        cancel_at_next_billing: c.cancel_at_next_billing_date, customer_email: c.customer.email,
      },
      timestamp: subCancelled.payload.timestamp,
    };
    expect(found(`${seg}/track`, started)).toEqual(['segment.string-amount@$.properties.amount']);
    expect(codes(`${seg}/track`, cancelled)).toEqual([]);
  });

  it('"identify customer": passes, with a warning for the string total_spent trait', () => {
    const body = {
      userId: p.customer.customer_id,
      traits: {
        email: p.customer.email, name: p.customer.name, total_spent: (p.total_amount / 100).toFixed(2),
        payment_method: p.payment_method || 'unknown', last_payment_date: pay.payload.timestamp, customer_since: pay.payload.timestamp,
      },
    };
    expect(found(`${seg}/identify`, body)).toEqual(['segment.string-amount@$.traits.total_spent']);
  });
});
