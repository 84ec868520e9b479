// Loops (POST https://app.loops.so/api/v1/events/send): payments, refunds and the subscription lifecycle as
// events your Loops workflows send emails on; each event also sets the contact's firstName and lastName.
// The dashboard's Loops card asks for a Loops API key (Loops → Settings → API). How the card sends it is not
// documented, so this mapping also reads the key from the endpoint variable LOOPS_API_KEY when set (it then
// sends its own Authorization and Idempotency-Key headers, which replace the endpoint's headers).
// Event names and their properties are created in Loops on first use; date properties are Unix milliseconds.
import { defineMapping, formatMoney, splitName, toMajorUnits, toUnixMillis, truncate, type DodoEvent, type EventType, type WebhookContext } from 'dodo-transform';
import { loopsEvent, type LoopsEventProperties } from 'dodo-transform/destinations';

interface Customer {
  email: string;
  name: string;
}

/** One event for the customer; the Idempotency-Key makes a webhook retry a no-op (409) instead of a second email. */
function send(event: DodoEvent<EventType>, webhook: WebhookContext, customer: Customer, eventName: string, id: string, eventProperties: LoopsEventProperties) {
  const { firstName, lastName } = splitName(customer.name);
  return loopsEvent(
    {
      email: customer.email,
      eventName,
      // Dodo's example posts to api.loops.so/v1 with a "properties" object and a "29.99" string amount: Loops
      // reads event data only from eventProperties (on app.loops.so/api/v1), and amounts should be numbers.
      eventProperties: { ...eventProperties, occurredAt: toUnixMillis(event.timestamp) },
      // undefined leaves a name Loops already has untouched when Dodo's is blank.
      contactProperties: { firstName: truncate(firstName, 100) || undefined, lastName: truncate(lastName, 100) || undefined },
    },
    { apiKey: webhook.env?.['LOOPS_API_KEY'], idempotencyKey: `${event.type}/${id}/${event.timestamp}` },
  );
}

/** Major units by the currency's real exponent (2999 USD → 29.99, 4500 JPY → 4500), plus a display string. */
function money(amount: number, currency: string): LoopsEventProperties {
  return { amount: toMajorUnits(amount, currency), currency, amountFormatted: formatMoney(amount, currency) };
}

type SubscriptionEvent = DodoEvent<'subscription.active' | 'subscription.renewed' | 'subscription.on_hold' | 'subscription.cancelled' | 'subscription.expired'>;

function subscriptionProperties(event: SubscriptionEvent): LoopsEventProperties {
  const s = event.data;
  return {
    subscriptionId: s.subscription_id,
    productId: s.product_id,
    ...money(s.recurring_pre_tax_amount, s.currency),
    interval: `${s.payment_frequency_count} ${s.payment_frequency_interval}`,
    nextBillingDate: toUnixMillis(s.next_billing_date),
    cancelledAt: s.cancelled_at ? toUnixMillis(s.cancelled_at) : undefined,
  };
}

const subscription = (eventName: string) => (event: SubscriptionEvent, webhook: WebhookContext) =>
  send(event, webhook, event.data.customer, eventName, event.data.subscription_id, subscriptionProperties(event));

export default defineMapping({
  destination: 'loops',
  events: {
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      return send(event, webhook, p.customer, 'paymentSucceeded', p.payment_id, {
        paymentId: p.payment_id, ...money(p.total_amount, p.currency), paymentMethod: p.payment_method, invoiceUrl: p.invoice_url,
      });
    },
    'payment.failed': (event, webhook) => {
      const p = event.data;
      return send(event, webhook, p.customer, 'paymentFailed', p.payment_id, {
        paymentId: p.payment_id, ...money(p.total_amount, p.currency), errorMessage: p.error_message ? truncate(p.error_message, 500) : undefined,
      });
    },
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      return send(event, webhook, r.customer, 'refundSucceeded', r.refund_id, {
        refundId: r.refund_id, paymentId: r.payment_id, ...(r.amount != null && r.currency ? money(r.amount, r.currency) : {}),
        reason: r.reason ? truncate(r.reason, 500) : undefined,
      });
    },
    'subscription.active': subscription('subscriptionStarted'),
    'subscription.renewed': subscription('subscriptionRenewed'),
    'subscription.on_hold': subscription('subscriptionOnHold'),
    'subscription.cancelled': subscription('subscriptionCancelled'),
    'subscription.expired': subscription('subscriptionExpired'),
  },
});
