// Segment HTTP Tracking API: payments, refunds and the subscription lifecycle as track calls.
// The dashboard's Segment card asks for the workspace's write key.
import { defineMapping, toMajorUnits, type DodoEvent } from 'dodo-transform';

/** Segment's e-commerce spec: revenue is a number in major units, never a "29.99" string (the vendor example sends a string). */
function orderProperties(event: DodoEvent<'payment.succeeded'> | DodoEvent<'payment.failed'>) {
  const p = event.data;
  return {
    order_id: p.payment_id,
    total: toMajorUnits(p.total_amount, p.currency),
    revenue: toMajorUnits(p.total_amount, p.currency),
    currency: p.currency,
    payment_method: p.payment_method ?? null,
  };
}

function subscriptionProperties(event: DodoEvent<'subscription.active' | 'subscription.renewed' | 'subscription.on_hold' | 'subscription.cancelled'>) {
  const s = event.data;
  return {
    subscription_id: s.subscription_id,
    product_id: s.product_id,
    amount: toMajorUnits(s.recurring_pre_tax_amount, s.currency),
    currency: s.currency,
    interval: s.payment_frequency_interval,
    next_billing_date: s.next_billing_date,
  };
}

export default defineMapping({
  destination: 'segment',
  // EU workspaces must use https://events.eu1.segmentapis.com/v1/track: api.segment.io accepts and drops their events.
  url: 'https://api.segment.io/v1/track',
  events: {
    'payment.succeeded': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Order Completed',
        // A stable messageId lets Segment drop the duplicates that webhook retries produce.
        messageId: `dodo-${event.type}-${event.data.payment_id}`,
        timestamp: event.timestamp,
        properties: orderProperties(event),
        context: { traits: { email: event.data.customer.email, name: event.data.customer.name } },
      },
    }),
    'payment.failed': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Payment Failed',
        messageId: `dodo-${event.type}-${event.data.payment_id}`,
        timestamp: event.timestamp,
        properties: { ...orderProperties(event), error_code: event.data.error_code ?? null },
      },
    }),
    'subscription.active': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Subscription Started',
        messageId: `dodo-${event.type}-${event.data.subscription_id}`,
        timestamp: event.timestamp,
        properties: subscriptionProperties(event),
      },
    }),
    'subscription.renewed': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Subscription Renewed',
        messageId: `dodo-${event.type}-${event.data.subscription_id}-${event.timestamp}`,
        timestamp: event.timestamp,
        properties: subscriptionProperties(event),
      },
    }),
    'subscription.on_hold': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Subscription Payment Failed',
        messageId: `dodo-${event.type}-${event.data.subscription_id}-${event.timestamp}`,
        timestamp: event.timestamp,
        properties: subscriptionProperties(event),
      },
    }),
    // Segment's e-commerce spec names a refund "Order Refunded", keyed by the original order_id.
    'refund.succeeded': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Order Refunded',
        messageId: `dodo-${event.type}-${event.data.refund_id}`,
        timestamp: event.timestamp,
        properties: {
          order_id: event.data.payment_id,
          refund_id: event.data.refund_id,
          // A refund's amount and currency may be null: send null rather than a wrong number.
          total: event.data.amount != null && event.data.currency != null ? toMajorUnits(event.data.amount, event.data.currency) : null,
          currency: event.data.currency ?? null,
          partial: event.data.is_partial,
        },
      },
    }),
    'subscription.cancelled': (event) => ({
      payload: {
        userId: event.data.customer.customer_id,
        event: 'Subscription Cancelled',
        messageId: `dodo-${event.type}-${event.data.subscription_id}`,
        timestamp: event.timestamp,
        properties: { ...subscriptionProperties(event), cancelled_at: event.data.cancelled_at ?? null },
      },
    }),
  },
});
