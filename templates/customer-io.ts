// Customer.io Track API v2: payment and subscription events on the customer's person profile.
// The dashboard's Customer.io card asks for the Site ID and API key (EU accounts: track-eu.customer.io).
import { defineMapping, toMajorUnits, type DodoEvent, type EventType } from 'dodo-transform';

const ENTITY_URL = 'https://track.customer.io/api/v2/entity';

/** Unix seconds: the Track API rejects ISO strings in `timestamp`. */
function unixSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/**
 * A custom event is action "event" with a `name`; the vendor example's
 * action "payment_completed" is not an action and the API rejects it.
 */
function personEvent(event: DodoEvent<EventType>, customerId: string, name: string, attributes: Record<string, unknown>) {
  return {
    payload: {
      type: 'person',
      identifiers: { id: customerId },
      action: 'event',
      name,
      timestamp: unixSeconds(event.timestamp),
      attributes,
    },
  };
}

export default defineMapping({
  destination: 'customer-io',
  url: ENTITY_URL,
  events: {
    'payment.succeeded': (event) => personEvent(event, event.data.customer.customer_id, 'payment_completed', {
      payment_id: event.data.payment_id,
      // The currency's real exponent, not "/ 100": JPY has 0 decimals, KWD 3.
      amount: toMajorUnits(event.data.total_amount, event.data.currency),
      currency: event.data.currency ?? null,
      payment_method: event.data.payment_method ?? 'unknown',
    }),
    'payment.failed': (event) => personEvent(event, event.data.customer.customer_id, 'payment_failed', {
      payment_id: event.data.payment_id,
      amount: toMajorUnits(event.data.total_amount, event.data.currency),
      currency: event.data.currency ?? null,
      error_code: event.data.error_code ?? null,
    }),
    'subscription.active': (event) => personEvent(event, event.data.customer.customer_id, 'subscription_started', {
      subscription_id: event.data.subscription_id,
      product_id: event.data.product_id,
      amount: toMajorUnits(event.data.recurring_pre_tax_amount, event.data.currency),
      currency: event.data.currency ?? null,
      frequency: event.data.payment_frequency_interval,
      next_billing_date: event.data.next_billing_date,
    }),
    'subscription.on_hold': (event) => personEvent(event, event.data.customer.customer_id, 'subscription_on_hold', {
      subscription_id: event.data.subscription_id,
      product_id: event.data.product_id,
    }),
    'refund.succeeded': (event) => personEvent(event, event.data.customer.customer_id, 'refund_succeeded', {
      refund_id: event.data.refund_id,
      payment_id: event.data.payment_id,
      // A refund's amount and currency may be null: send null rather than a wrong number.
      amount: event.data.amount != null && event.data.currency != null ? toMajorUnits(event.data.amount, event.data.currency) : null,
      currency: event.data.currency ?? null,
      partial: event.data.is_partial,
    }),
    'subscription.cancelled': (event) => personEvent(event, event.data.customer.customer_id, 'subscription_cancelled', {
      subscription_id: event.data.subscription_id,
      cancelled_at: event.data.cancelled_at ?? null,
      cancel_at_next_billing_date: event.data.cancel_at_next_billing_date,
    }),
  },
});
