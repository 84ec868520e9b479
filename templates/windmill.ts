// Windmill (script or flow webhook): payments, the subscription lifecycle, refunds and disputes as four
// arguments, so one script serves every event:
//   export async function main(event_type: string, event_id: string, occurred_at: string, data: Record<string, any>)
// The dashboard's Windmill card asks for the webhook URL, and the snippet keeps it: enter your script's or
// flow's async webhook URL (Details → Triggers) there, and add a webhook-specific token as the endpoint's
// "Authorization: Bearer <token>" header (or append ?token=<token> to the URL).
import { defineMapping, toFlatRecord, type FlatRecordEvent } from 'dodo-transform';
import { windmillArgs } from 'dodo-transform/destinations';

/**
 * Each top-level key is one argument of main(); the flat event goes in `data`. `event_id` is stable across
 * Dodo's retries, so the script can skip one it has already handled. Dodo's example reads p.product_id,
 * which a Payment lacks (see product_cart), and sends amount as a "/ 100" string.
 */
function send(event: FlatRecordEvent) {
  const { event_type, event_id, occurred_at, ...data } = toFlatRecord(event);
  return { payload: windmillArgs({ event_type, event_id, occurred_at, data }) };
}

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'windmill',
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
