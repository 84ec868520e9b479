// Close CRM (https://api.close.com/api/v1/): a lead for each new customer, the subscription as an opportunity,
// and payments, refunds and subscription changes as notes on the customer's lead.
// The dashboard's Close CRM card asks for a Close API key (Settings → API Keys). How the card sends it is not
// documented, so this mapping also reads the key from the endpoint variable CLOSE_API_KEY when set (it then sends
// its own Basic Authorization header, which replaces the endpoint's headers).
// A snippet cannot look records up, so it finds the lead through the Close lead id ("lead_…") you store in the
// Dodo customer's (or the payment's / subscription's) metadata as close_lead_id. Without one, a new customer gets
// a new lead and the other events are skipped. Optional endpoint variables: CLOSE_DODO_CUSTOMER_FIELD_ID (a lead
// custom field "cf_…" for the Dodo customer id) and CLOSE_OPPORTUNITY_STATUS_ID (a "stat_…" status).
import { defineMapping, formatMoney, skip, toMajorUnits, truncate, type DodoEvent, type WebhookContext } from 'dodo-transform';
import { closeContact, closeCents, closeCustomFields, closeLead, closeNote, closeOpportunity, type CloseValuePeriod } from 'dodo-transform/destinations';

interface Customer {
  customer_id: string;
  email: string;
  name: string;
  phone_number?: string | null;
  metadata?: Readonly<Record<string, unknown>>;
}

/** The customer's Close lead id from the resource's metadata, then the customer's. */
function leadId(metadata: Readonly<Record<string, unknown>> | undefined, customer: Customer): string | undefined {
  for (const value of [metadata?.['close_lead_id'], customer.metadata?.['close_lead_id']]) {
    if (typeof value === 'string' && value.startsWith('lead_')) return value;
  }
  return undefined;
}

const auth = (webhook: WebhookContext) => ({ apiKey: webhook.env?.['CLOSE_API_KEY'] });

function newLead(webhook: WebhookContext, customer: Customer, company: string | null | undefined) {
  const name = truncate(customer.name, 200);
  return closeLead({
    name: truncate(company || customer.name, 200) || customer.email,
    description: `Dodo Payments customer ${customer.customer_id}`,
    // Dodo's example sends emails: [email] and phones: [phone || '']: Close wants [{ email, type }], never empty strings.
    contacts: [closeContact({ name, emails: [customer.email], phones: [customer.phone_number] })],
    ...closeCustomFields({ [webhook.env?.['CLOSE_DODO_CUSTOMER_FIELD_ID'] ?? '']: customer.customer_id }),
  }, auth(webhook));
}

function note(webhook: WebhookContext, lead: string | undefined, text: string) {
  return lead ? closeNote(lead, text, auth(webhook)) : skip();
}

/** Close values have only monthly and annual periods: other billing cycles are converted to the monthly value. */
function recurringValue(amount: number, currency: string, interval: string, count: number): { value: number; value_period: CloseValuePeriod } {
  const major = toMajorUnits(amount, currency) / Math.max(count, 1);
  if (interval === 'Year') return { value: closeCents(major), value_period: 'annual' };
  const perMonth = interval === 'Week' ? major * 52 / 12 : interval === 'Day' ? major * 365 / 12 : major;
  return { value: closeCents(perMonth), value_period: 'monthly' };
}

type SubscriptionEvent = DodoEvent<'subscription.renewed' | 'subscription.on_hold' | 'subscription.cancelled' | 'subscription.expired'>;

const subscriptionNote = (what: string) => (event: SubscriptionEvent, webhook: WebhookContext) => {
  const s = event.data;
  return note(webhook, leadId(s.metadata, s.customer), `Subscription ${s.subscription_id} ${what} (${formatMoney(s.recurring_pre_tax_amount, s.currency)} every ${s.payment_frequency_count} ${s.payment_frequency_interval}).`);
};

export default defineMapping({
  destination: 'close-crm',
  events: {
    'subscription.active': (event, webhook) => {
      const s = event.data;
      const lead = leadId(s.metadata, s.customer);
      if (!lead) return newLead(webhook, s.customer, s.customer_business_name);
      const status = webhook.env?.['CLOSE_OPPORTUNITY_STATUS_ID'];
      // Dodo's example sends lead_id: customer_id, value: "29.99" and value_period: "Month"; Close needs a "lead_…" id,
      // integer cents and "monthly" or "annual".
      return closeOpportunity({
        lead_id: lead,
        ...recurringValue(s.recurring_pre_tax_amount, s.currency, s.payment_frequency_interval, s.payment_frequency_count),
        value_currency: s.currency,
        note: `Dodo subscription ${s.subscription_id} (product ${s.product_id})`,
        ...(status?.startsWith('stat_') && { status_id: status }),
      }, auth(webhook));
    },
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      const lead = leadId(p.metadata, p.customer);
      // A one-time buyer without a lead gets one; subscribers got theirs from subscription.active.
      if (!lead) return p.subscription_id ? skip() : newLead(webhook, p.customer, null);
      return note(webhook, lead, `Payment ${p.payment_id} of ${formatMoney(p.total_amount, p.currency)} succeeded.`);
    },
    'payment.failed': (event, webhook) => {
      const p = event.data;
      const reason = p.error_message ? `: ${truncate(p.error_message, 500)}` : '.';
      return note(webhook, leadId(p.metadata, p.customer), `Payment ${p.payment_id} of ${formatMoney(p.total_amount, p.currency)} failed${reason}`);
    },
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      const amount = r.amount != null && r.currency ? formatMoney(r.amount, r.currency) : 'an amount';
      return note(webhook, leadId(r.metadata, r.customer), `Refund ${r.refund_id} of ${amount} for payment ${r.payment_id} succeeded.`);
    },
    'subscription.renewed': subscriptionNote('renewed'),
    'subscription.on_hold': subscriptionNote('is on hold'),
    'subscription.cancelled': subscriptionNote('was cancelled'),
    'subscription.expired': subscriptionNote('expired'),
  },
});
