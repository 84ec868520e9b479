// Zapier (Webhooks by Zapier → Catch Hook): payments, the subscription lifecycle, refunds and disputes, each
// as one flat record whose keys become the Zap's fields. The dashboard's Zapier card asks for the Catch Hook
// URL (https://hooks.zapier.com/hooks/catch/<account id>/<hook key>/), and the snippet keeps it.
import { defineMapping, toFlatRecord, type FlatRecordEvent } from 'dodo-transform';
import { zapierPayload } from 'dodo-transform/destinations';

/**
 * Scalars only: Zapier maps flat keys one to one, while arrays of objects become line items.
 * Dodo's example sends (total_amount / 100).toFixed(2), a string that is also 100× too small for JPY;
 * toFlatRecord sends numbers by the currency's exponent, and an `event_id` that is stable across Dodo's
 * retries, so a Filter or Storage step can drop duplicates.
 */
function send(event: FlatRecordEvent) {
  return { payload: zapierPayload(toFlatRecord(event)) };
}

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'zapier',
  events: {
    'payment.succeeded': send,
    'payment.failed': send,
    'payment.cancelled': send,
    'subscription.active': send,
    'subscription.renewed': send,
    'subscription.on_hold': send,
    'subscription.paused': send,
    'subscription.unpaused': send,
    'subscription.cancelled': send,
    'subscription.failed': send,
    'subscription.expired': send,
    'subscription.plan_changed': send,
    'refund.succeeded': send,
    'refund.failed': send,
    'dispute.opened': send,
    'dispute.challenged': send,
    'dispute.accepted': send,
    'dispute.won': send,
    'dispute.lost': send,
    'dispute.expired': send,
    'dispute.cancelled': send,
  },
});
