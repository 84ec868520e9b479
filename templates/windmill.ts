// Windmill (script or flow webhook): payments, the subscription lifecycle, refunds and disputes as four
// arguments, so one script serves every event:
//   export async function main(event_type: string, event_id: string, occurred_at: string, data: Record<string, any>)
// The dashboard's Windmill card asks for the webhook URL: replace the placeholder below with your script's or
// flow's async webhook URL (Details → Triggers), and add a webhook-specific token as the endpoint's
// "Authorization: Bearer <token>" header (or append ?token=<token> to the URL).
import { defineMapping, toMajorUnits, type DodoEvent, type EventType } from 'dodo-transform';
import { windmillArgs } from 'dodo-transform/destinations';

// Placeholder workspace and flow path; self-hosted instances use their own origin.
const WEBHOOK_URL = 'https://app.windmill.dev/api/w/REPLACE_WITH_WORKSPACE/jobs/run/f/f/REPLACE_WITH_FOLDER/dodo_events';

type PaymentType = 'payment.succeeded' | 'payment.failed' | 'payment.cancelled';
type SubscriptionType =
  | 'subscription.active' | 'subscription.renewed' | 'subscription.on_hold' | 'subscription.paused'
  | 'subscription.unpaused' | 'subscription.cancelled' | 'subscription.failed' | 'subscription.expired'
  | 'subscription.plan_changed';
type RefundType = 'refund.succeeded' | 'refund.failed';
type DisputeType =
  | 'dispute.opened' | 'dispute.challenged' | 'dispute.accepted' | 'dispute.won' | 'dispute.lost'
  | 'dispute.expired' | 'dispute.cancelled';
type Scalar = string | number | boolean | null;

/**
 * Each top-level key is one argument of main(); the flat event goes in `data`.
 * `event_id` is stable across Dodo's retries, so the script can skip one it has already handled.
 */
function send(event: DodoEvent<EventType>, dedupeId: string, fields: Record<string, Scalar>) {
  return {
    payload: windmillArgs({
      event_type: event.type,
      event_id: `${event.type}:${dedupeId}`,
      occurred_at: event.timestamp,
      data: { business_id: event.business_id, ...fields },
    }),
  };
}

function customer(c: { customer_id: string; email: string; name: string }) {
  return { customer_id: c.customer_id, customer_email: c.email, customer_name: c.name };
}

function money(minor: number | string, currency: string) {
  return { amount: toMajorUnits(minor, currency), amount_minor: Number(minor), currency };
}

function payment(event: DodoEvent<PaymentType>) {
  const p = event.data;
  // Dodo's example reads p.product_id, which a Payment lacks (see product_cart), and sends amount as a "/ 100" string.
  return send(event, p.payment_id, {
    payment_id: p.payment_id,
    status: p.status ?? null,
    ...money(p.total_amount, p.currency),
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
    ...money(s.recurring_pre_tax_amount, s.currency),
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
    ...(amount !== null && currency !== null ? money(amount, currency) : { amount: null, amount_minor: null, currency }),
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
    // Dodo sends a dispute's amount as a string ("400"): money() turns both forms into numbers.
    ...money(d.amount, d.currency),
    reason: d.reason ?? null,
    ...customer(d.customer),
  });
}

export default defineMapping({
  url: WEBHOOK_URL,
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
