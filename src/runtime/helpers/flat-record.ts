import type { EventType } from '../events/event-types.js';
import type { AnyDodoEvent } from '../events/types.js';
import { formatMoney, toMajorUnits } from './money.js';

/** The event types a flat record describes: payments, subscriptions, refunds and disputes. */
export type FlatRecordEventType = Extract<EventType, `payment.${string}` | `subscription.${string}` | `refund.${string}` | `dispute.${string}`>;
export type FlatRecordEvent = Extract<AnyDodoEvent, { type: FlatRecordEventType }>;
export type FlatValue = string | number | boolean | null;

/** One flat object per event, scalars only: what workflow tools (Zapier, n8n, Windmill) map field by field. */
export interface FlatRecord {
  event_type: string;
  /** Stable across Dodo's retries, so a workflow can drop duplicates. */
  event_id: string;
  occurred_at: string;
  business_id: string;
  [field: string]: FlatValue;
}

function customer(c: { customer_id: string; email: string; name: string }) {
  return { customer_id: c.customer_id, customer_email: c.email, customer_name: c.name };
}

/** A number in major units by the currency's exponent, never the vendor examples' `(amount / 100).toFixed(2)` string. */
function money(minor: number | string | null | undefined, currency: string | null | undefined) {
  if (minor == null || currency == null) return { amount: null, amount_minor: null, amount_display: null, currency: currency ?? null };
  return { amount: toMajorUnits(minor, currency), amount_minor: Number(minor), amount_display: formatMoney(minor, currency), currency };
}

function fields(event: FlatRecordEvent): { id: string; fields: Record<string, FlatValue> } {
  const d = event.data;
  switch (d.payload_type) {
    case 'Payment':
      return { id: d.payment_id, fields: {
        payment_id: d.payment_id, status: d.status ?? null, ...money(d.total_amount, d.currency),
        payment_method: d.payment_method ?? null, subscription_id: d.subscription_id ?? null,
        error_code: d.error_code ?? null, error_message: d.error_message ?? null, ...customer(d.customer),
      } };
    case 'Subscription':
      // Subscriptions change state many times: the event timestamp keeps each delivery's id distinct.
      return { id: `${d.subscription_id}:${event.timestamp}`, fields: {
        subscription_id: d.subscription_id, status: d.status, product_id: d.product_id, quantity: d.quantity,
        ...money(d.recurring_pre_tax_amount, d.currency), interval: d.payment_frequency_interval,
        interval_count: d.payment_frequency_count, next_billing_date: d.next_billing_date,
        cancel_at_next_billing_date: d.cancel_at_next_billing_date, cancelled_at: d.cancelled_at ?? null, ...customer(d.customer),
      } };
    case 'Refund':
      return { id: d.refund_id, fields: {
        refund_id: d.refund_id, payment_id: d.payment_id, status: d.status, is_partial: d.is_partial,
        ...money(d.amount, d.currency), reason: d.reason ?? null, ...customer(d.customer),
      } };
    case 'Dispute':
      // A dispute's amount arrives as a string ("400") or a number: both become numbers.
      return { id: d.dispute_id, fields: {
        dispute_id: d.dispute_id, payment_id: d.payment_id, status: d.dispute_status, stage: d.dispute_stage,
        ...money(d.amount, d.currency), reason: d.reason ?? null, ...customer(d.customer),
      } };
  }
}

/** A payment, subscription, refund or dispute event as one flat record of scalars. */
export function toFlatRecord(event: FlatRecordEvent): FlatRecord {
  const { id, fields: rest } = fields(event);
  return { event_type: event.type, event_id: `${event.type}:${id}`, occurred_at: event.timestamp, business_id: event.business_id, ...rest };
}
