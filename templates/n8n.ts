// n8n (Webhook trigger node): payments, the subscription lifecycle, refunds and disputes, each as one flat
// JSON object the workflow reads as {{ $json.body.<field> }}. The dashboard's n8n card asks for the webhook
// URL, and the snippet keeps it: enter the node's Production URL there (/webhook/…, not the /webhook-test/…
// URL), set the node's HTTP Method to POST and activate the workflow.
import { defineMapping, toFlatRecord, type FlatRecordEvent } from 'dodo-transform';
import { n8nEvent } from 'dodo-transform/destinations';

// Dodo's example sends (total_amount / 100).toFixed(2): a string, and 100× too small for JPY. toFlatRecord
// sends amounts as numbers by the currency's exponent; `event_id` is stable across Dodo's retries, so an If or
// Remove Duplicates node can drop repeats.
function send(event: FlatRecordEvent) {
  return { payload: n8nEvent(toFlatRecord(event)) };
}

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'n8n',
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
