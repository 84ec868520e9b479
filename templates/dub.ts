// Dub conversion tracking (POST https://api.dub.co/track/sale, /track/lead): Dodo payments as sales, and
// free-trial starts as leads, attributed to the Dub link the customer clicked. At checkout, store Dub's
// dub_id cookie in the payment metadata as dub_click_id (and optionally your own user id as dub_external_id).
// The dashboard's Dub card asks for a Dub API key (scope conversions.write). How the card sends it is not
// documented, so this mapping also reads the key from the endpoint variable DUB_API_KEY when set (it then
// sends its own Authorization header, which replaces the endpoint's headers).
// Refunds are not sent: Dub's tracking API has no refund call (its Stripe integration handles refunds itself).
import { defineMapping, skip, truncate, type WebhookContext } from 'dodo-transform';
import { dubLead, dubSale } from 'dodo-transform/destinations';

/** A non-empty string from Dodo metadata (values may also be numbers or booleans). */
function meta(metadata: Readonly<Record<string, unknown>> | undefined, key: string): string | undefined {
  const value = metadata?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const apiKey = (webhook: WebhookContext) => ({ apiKey: webhook.env?.['DUB_API_KEY'] });

export default defineMapping({
  destination: 'dub',
  events: {
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      const clickId = meta(p.metadata, 'dub_click_id');
      // A one-time sale without a click cannot be attributed. Subscription payments go through without one:
      // renewals carry no checkout metadata, and Dub finds the customer from the first, attributed sale.
      if (!clickId && !p.subscription_id) return skip();
      // Dodo's example sends paymentProcessor "dodo" (not in Dub's enum), the deprecated externalId, and a renewal
      // invoiceId built from Date.now(), so each webhook retry records the sale again; payment_id is stable.
      return dubSale({
        customerExternalId: meta(p.metadata, 'dub_external_id') ?? p.customer.customer_id,
        // Dub wants the smallest currency unit (cents; whole yen for JPY), which is what Dodo sends: no "/ 100".
        amount: p.total_amount,
        currency: p.currency,
        eventName: p.subscription_id ? 'Invoice paid' : 'Purchase',
        paymentProcessor: 'custom',
        invoiceId: p.payment_id,
        clickId,
        // Only used when Dub creates the customer from this sale (direct sale tracking).
        customerName: clickId ? truncate(p.customer.name, 100) : undefined,
        customerEmail: clickId ? p.customer.email : undefined,
        metadata: { dodo_payment_id: p.payment_id, dodo_subscription_id: p.subscription_id ?? null },
      }, apiKey(webhook));
    },
    // A trial has no payment yet, so it is tracked as a lead; the first paid invoice then becomes the sale.
    'subscription.active': (event, webhook) => {
      const s = event.data;
      const clickId = meta(s.metadata, 'dub_click_id');
      if (!clickId || s.trial_period_days <= 0) return skip();
      return dubLead({
        clickId,
        eventName: 'Trial started',
        customerExternalId: meta(s.metadata, 'dub_external_id') ?? s.customer.customer_id,
        customerName: truncate(s.customer.name, 100),
        customerEmail: s.customer.email,
        metadata: { dodo_subscription_id: s.subscription_id, product_id: s.product_id },
      }, apiKey(webhook));
    },
  },
});
