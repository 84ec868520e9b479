import type { WebhookEventType } from 'dodopayments/resources/webhook-events';

/**
 * Every Dodo webhook event type, in the SDK's order. The two assertions below
 * make this list fail the type check of this repo when the pinned SDK adds or
 * drops an event, so it can never drift from `WebhookEventType`.
 */
export const EVENT_TYPES = [
  'payment.succeeded', 'payment.failed', 'payment.processing', 'payment.cancelled',
  'refund.succeeded', 'refund.failed',
  'dispute.opened', 'dispute.expired', 'dispute.accepted', 'dispute.cancelled',
  'dispute.challenged', 'dispute.won', 'dispute.lost',
  'subscription.active', 'subscription.renewed', 'subscription.on_hold', 'subscription.past_due',
  'subscription.paused', 'subscription.unpaused', 'subscription.cancelled', 'subscription.failed',
  'subscription.expired', 'subscription.plan_changed', 'subscription.updated',
  'subscription.update_payment_method',
  'license_key.created',
  'payout.created', 'payout.on_hold', 'payout.in_progress', 'payout.failed', 'payout.success',
  'credit.added', 'credit.deducted', 'credit.expired', 'credit.rolled_over',
  'credit.rollover_forfeited', 'credit.overage_charged', 'credit.overage_reset',
  'credit.manual_adjustment', 'credit.balance_low',
  'abandoned_checkout.detected', 'abandoned_checkout.recovered',
  'dunning.started', 'dunning.recovered',
  'entitlement_grant.created', 'entitlement_grant.delivered', 'entitlement_grant.failed',
  'entitlement_grant.revoked',
] as const satisfies readonly WebhookEventType[];

export type EventType = WebhookEventType;

// Fails to compile if the SDK knows an event type that the list above lacks.
type MissingFromList = Exclude<WebhookEventType, (typeof EVENT_TYPES)[number]>;
const listIsComplete: [MissingFromList] extends [never] ? true : MissingFromList = true;
void listIsComplete;

const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPES);

export function isEventType(value: string): value is EventType {
  return EVENT_TYPE_SET.has(value);
}
