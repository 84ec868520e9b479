// HubSpot CRM (POST https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert): every payment, refund and
// subscription change creates or updates the customer's contact, matched by email.
// The dashboard's HubSpot card connects your HubSpot account (OAuth). How the card authenticates the request is
// not documented, so this mapping also reads a private app token (scope crm.objects.contacts.write) from the
// endpoint variable HUBSPOT_ACCESS_TOKEN when set (it then sends its own Authorization header, which replaces
// the endpoint's headers).
// Create these contact properties in HubSpot first (Settings → Properties; HubSpot rejects unknown ones):
//   dodo_customer_id (single-line text), dodo_last_payment_amount (number), dodo_last_payment_currency (text),
//   dodo_last_payment_status (text), dodo_last_payment_at (date and time), dodo_subscription_id (text),
//   dodo_subscription_status (text), dodo_subscription_product_id (text), dodo_subscription_amount (number),
//   dodo_subscription_currency (text), dodo_subscription_interval (text), dodo_next_billing_date (date picker),
//   dodo_last_refund_amount (number), dodo_last_refund_at (date and time).
import { defineMapping, splitName, toMajorUnits, toUnixMillis, truncate, type DodoEvent, type WebhookContext } from 'dodo-transform';
import { hubspotContactUpsert, hubspotDate, type HubSpotPropertyInput } from 'dodo-transform/destinations';

interface Customer {
  customer_id: string;
  email: string;
  name: string;
  phone_number?: string | null;
}

/**
 * Dodo's example POSTs to /crm/v3/objects/contacts (409 Conflict once the contact exists) and PATCHes
 * /contacts/{customer_id}, but HubSpot record IDs are numeric: an upsert by email works on every event.
 */
function upsert(webhook: WebhookContext, customer: Customer, properties: HubSpotPropertyInput) {
  const { firstName, lastName } = splitName(customer.name);
  return hubspotContactUpsert({
    email: customer.email,
    properties: {
      // Blank names and a missing phone are left out rather than clearing what HubSpot already has.
      firstname: truncate(firstName, 100) || undefined,
      lastname: truncate(lastName, 100) || undefined,
      phone: customer.phone_number,
      dodo_customer_id: customer.customer_id,
      ...properties,
    },
  }, { accessToken: webhook.env?.['HUBSPOT_ACCESS_TOKEN'] });
}

/** Numbers in major units by the currency's exponent: 2999 USD → 29.99, 4500 JPY → 4500 (not the "45.00" of "/ 100"). */
function payment(event: DodoEvent<'payment.succeeded' | 'payment.failed'>, status: string): HubSpotPropertyInput {
  const p = event.data;
  return {
    dodo_last_payment_amount: toMajorUnits(p.total_amount, p.currency),
    dodo_last_payment_currency: p.currency,
    dodo_last_payment_status: status,
    // Datetime properties take Unix milliseconds.
    dodo_last_payment_at: toUnixMillis(event.timestamp),
  };
}

type SubscriptionEvent = DodoEvent<'subscription.active' | 'subscription.renewed' | 'subscription.on_hold'
  | 'subscription.cancelled' | 'subscription.expired' | 'subscription.plan_changed'>;

function subscription(event: SubscriptionEvent, webhook: WebhookContext) {
  const s = event.data;
  return upsert(webhook, s.customer, {
    dodo_subscription_id: s.subscription_id,
    dodo_subscription_status: s.status,
    dodo_subscription_product_id: s.product_id,
    dodo_subscription_amount: toMajorUnits(s.recurring_pre_tax_amount, s.currency),
    dodo_subscription_currency: s.currency,
    dodo_subscription_interval: `${s.payment_frequency_count} ${s.payment_frequency_interval}`,
    // A date property takes midnight UTC only; hubspotDate drops the time of day.
    dodo_next_billing_date: hubspotDate(s.next_billing_date),
  });
}

export default defineMapping({
  destination: 'hubspot',
  events: {
    'payment.succeeded': (event, webhook) => upsert(webhook, event.data.customer, payment(event, 'succeeded')),
    'payment.failed': (event, webhook) => upsert(webhook, event.data.customer, payment(event, 'failed')),
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      return upsert(webhook, r.customer, {
        dodo_last_refund_amount: r.amount != null && r.currency ? toMajorUnits(r.amount, r.currency) : undefined,
        dodo_last_refund_at: toUnixMillis(event.timestamp),
      });
    },
    'subscription.active': subscription,
    'subscription.renewed': subscription,
    'subscription.on_hold': subscription,
    'subscription.cancelled': subscription,
    'subscription.expired': subscription,
    'subscription.plan_changed': subscription,
  },
});
