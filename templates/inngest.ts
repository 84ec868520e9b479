// Inngest Event API: payments, the subscription lifecycle, refunds and disputes as "dodo/<event type>"
// events that Inngest functions trigger on. The dashboard's Inngest card asks for the webhook URL, which
// carries your Event Key (Inngest → Manage → Event Keys), https://inn.gs/e/<event key>; the snippet keeps it.
// An Inngest webhook URL (Manage → Webhooks) works too if its transform passes the body through: (evt) => evt.
import { defineMapping, toMajorUnits, toUnixMillis, type DodoEvent, type EventType } from 'dodo-transform';
import { inngestEvent } from 'dodo-transform/destinations';

type PaymentType = 'payment.succeeded' | 'payment.failed' | 'payment.cancelled';
type SubscriptionType =
  | 'subscription.active' | 'subscription.renewed' | 'subscription.on_hold' | 'subscription.paused'
  | 'subscription.unpaused' | 'subscription.cancelled' | 'subscription.failed' | 'subscription.expired'
  | 'subscription.plan_changed';
type RefundType = 'refund.succeeded' | 'refund.failed';
type DisputeType =
  | 'dispute.opened' | 'dispute.challenged' | 'dispute.accepted' | 'dispute.won' | 'dispute.lost'
  | 'dispute.expired' | 'dispute.cancelled';

/**
 * One Inngest event; `id` makes Inngest ignore a retried delivery instead of running functions twice.
 * Dodo's example sends ts in seconds (getTime() / 1000): the Event API reads that as 1970 and rejects it.
 */
function send(event: DodoEvent<EventType>, dedupeId: string, data: Record<string, unknown>) {
  return {
    payload: inngestEvent({
      name: `dodo/${event.type}`,
      id: `${event.type}:${dedupeId}`,
      ts: toUnixMillis(event.timestamp),
      data: { business_id: event.business_id, occurred_at: event.timestamp, ...data },
    }),
  };
}

function customer(c: { customer_id: string; email: string; name: string }) {
  return { customer_id: c.customer_id, customer_email: c.email, customer_name: c.name };
}

function payment(event: DodoEvent<PaymentType>) {
  const p = event.data;
  return send(event, p.payment_id, {
    payment_id: p.payment_id,
    status: p.status ?? null,
    // Major units by the currency's own exponent (JPY 0, KWD 3), and the exact minor amount.
    amount: toMajorUnits(p.total_amount, p.currency),
    amount_minor: p.total_amount,
    currency: p.currency,
    tax: p.tax == null ? null : toMajorUnits(p.tax, p.currency),
    payment_method: p.payment_method ?? null,
    subscription_id: p.subscription_id ?? null,
    error_code: p.error_code ?? null,
    error_message: p.error_message ?? null,
    ...customer(p.customer),
  });
}

// Subscriptions change state many times: the event timestamp keeps each delivery's id distinct.
function subscription(event: DodoEvent<SubscriptionType>) {
  const s = event.data;
  return send(event, `${s.subscription_id}:${event.timestamp}`, {
    subscription_id: s.subscription_id,
    status: s.status,
    product_id: s.product_id,
    quantity: s.quantity,
    amount: toMajorUnits(s.recurring_pre_tax_amount, s.currency),
    amount_minor: s.recurring_pre_tax_amount,
    currency: s.currency,
    interval: s.payment_frequency_interval,
    interval_count: s.payment_frequency_count,
    next_billing_date: s.next_billing_date,
    cancel_at_next_billing_date: s.cancel_at_next_billing_date,
    cancelled_at: s.cancelled_at ?? null,
    ...customer(s.customer),
  });
}

function refund(event: DodoEvent<RefundType>) {
  const r = event.data;
  // A refund's amount and currency are nullable in Dodo's schema.
  const amount = r.amount ?? null;
  const currency = r.currency ?? null;
  return send(event, r.refund_id, {
    refund_id: r.refund_id,
    payment_id: r.payment_id,
    status: r.status,
    is_partial: r.is_partial,
    amount: amount !== null && currency !== null ? toMajorUnits(amount, currency) : null,
    amount_minor: amount,
    currency,
    reason: r.reason ?? null,
    ...customer(r.customer),
  });
}

function dispute(event: DodoEvent<DisputeType>) {
  const d = event.data;
  return send(event, d.dispute_id, {
    dispute_id: d.dispute_id,
    payment_id: d.payment_id,
    status: d.dispute_status,
    stage: d.dispute_stage,
    // Dodo sends a dispute's amount as a string ("400"): both forms become numbers here.
    amount: toMajorUnits(d.amount, d.currency),
    amount_minor: Number(d.amount),
    currency: d.currency,
    reason: d.reason ?? null,
    ...customer(d.customer),
  });
}

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'inngest',
  events: {
    'payment.succeeded': payment,
    'payment.failed': payment,
    'payment.cancelled': payment,
    'subscription.active': subscription,
    'subscription.renewed': subscription,
    'subscription.on_hold': subscription,
    'subscription.paused': subscription,
    'subscription.unpaused': subscription,
    'subscription.cancelled': subscription,
    'subscription.failed': subscription,
    'subscription.expired': subscription,
    'subscription.plan_changed': subscription,
    'refund.succeeded': refund,
    'refund.failed': refund,
    'dispute.opened': dispute,
    'dispute.challenged': dispute,
    'dispute.accepted': dispute,
    'dispute.won': dispute,
    'dispute.lost': dispute,
    'dispute.expired': dispute,
    'dispute.cancelled': dispute,
  },
});
