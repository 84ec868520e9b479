// DataFast Payments API (POST https://datafa.st/api/v1/payments): payments, renewals, refunds and free-trial
// starts as revenue events, attributed to the visitor when the checkout stored DataFast's datafast_visitor_id
// cookie in the payment metadata (renewals and refunds join the first payment through customer_id and email).
// The dashboard's DataFast card asks for a DataFast API key (a df_ website key). How the card sends it is not
// documented, so this mapping also reads the key from the endpoint variable DATAFAST_API_KEY when set (it then
// sends its own Authorization header, which replaces the endpoint's headers).
import { defineMapping, skip, toMajorUnits, toUnixMillis, truncate, type WebhookContext } from 'dodo-transform';
import { datafastPayment } from 'dodo-transform/destinations';

function meta(metadata: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = metadata?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** ISO 8601 with milliseconds: Dodo's six fraction digits are valid ISO, but not every parser takes them. */
const isoMillis = (iso: string) => new Date(toUnixMillis(iso)).toISOString();

const apiKey = (webhook: WebhookContext) => ({ apiKey: webhook.env?.['DATAFAST_API_KEY'] });

export default defineMapping({
  destination: 'datafast',
  events: {
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      return datafastPayment({
        // Dodo's example divides by 100 except for six zero-decimal codes: wrong for KWD or BHD (3 decimals) and for
        // ISK or XOF; and it drops payments without a visitor id, so renewals never reached DataFast.
        amount: toMajorUnits(p.total_amount, p.currency),
        currency: p.currency,
        transaction_id: p.payment_id,
        datafast_visitor_id: meta(p.metadata, 'datafast_visitor_id'),
        email: p.customer.email,
        name: truncate(p.customer.name, 100),
        customer_id: p.customer.customer_id,
        // Dodo has no renewal flag: a subscription payment made without a checkout session is an off-session renewal.
        renewal: Boolean(p.subscription_id) && !p.checkout_session_id,
        timestamp: isoMillis(p.created_at),
      }, apiKey(webhook));
    },
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      if (r.amount == null || !r.currency) return skip();
      return datafastPayment({
        amount: toMajorUnits(r.amount, r.currency),
        currency: r.currency,
        // Its own id: a refund is a separate record (refunded: true), and re-using payment_id would be deduplicated.
        transaction_id: r.refund_id,
        refunded: true,
        email: r.customer.email,
        customer_id: r.customer.customer_id,
        timestamp: isoMillis(r.created_at),
      }, apiKey(webhook));
    },
    // A trial starts without a payment: DataFast records it as a free trial (amount 0).
    'subscription.active': (event, webhook) => {
      const s = event.data;
      if (s.trial_period_days <= 0) return skip();
      return datafastPayment({
        amount: 0,
        currency: s.currency,
        transaction_id: `${s.subscription_id}_trial`,
        is_free_trial: true,
        datafast_visitor_id: meta(s.metadata, 'datafast_visitor_id'),
        email: s.customer.email,
        name: truncate(s.customer.name, 100),
        customer_id: s.customer.customer_id,
        timestamp: isoMillis(event.timestamp),
      }, apiKey(webhook));
    },
  },
});
