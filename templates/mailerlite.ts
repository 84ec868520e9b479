// MailerLite (POST https://connect.mailerlite.com/api/subscribers, an upsert by email): keeps paying customers
// and subscribers in your MailerLite audience and groups, for onboarding and win-back automations.
// The dashboard's MailerLite card asks for a MailerLite API key (Integrations → API). How the card sends it is
// not documented, so this mapping also reads the key from the endpoint variable MAILERLITE_API_KEY when set
// (it then sends its own Authorization header, replacing the endpoint's headers).
// Groups: set the endpoint variables MAILERLITE_CUSTOMERS_GROUP_ID, MAILERLITE_SUBSCRIBERS_GROUP_ID and
// MAILERLITE_CANCELLED_GROUP_ID to numeric group ids (Subscribers → Groups); unset ones are left out.
// No email is sent from here, so there is no sender address to replace.
import { defineMapping, splitName, truncate, type WebhookContext } from 'dodo-transform';
import { mailerliteSubscriber } from 'dodo-transform/destinations';

/** The default fields name, last_name and country; names are cut to 100 characters. */
function subscriber(customer: { email: string; name: string }, country: string | undefined, webhook: WebhookContext, groupVariable: string) {
  const { firstName, lastName } = splitName(customer.name);
  const group = webhook.env?.[groupVariable];
  // The vendor example sends last_name: "" and company: customer.business_name (no such field): both overwrite stored values with "".
  const fields: Record<string, string> = { name: truncate(firstName, 100) };
  if (lastName) fields['last_name'] = truncate(lastName, 100);
  if (country) fields['country'] = country;
  return mailerliteSubscriber(
    { email: customer.email, fields, ...(group ? { groups: [group] } : {}) },
    { apiKey: webhook.env?.['MAILERLITE_API_KEY'] },
  );
}

export default defineMapping({
  destination: 'mailerlite',
  events: {
    'payment.succeeded': (event, webhook) => subscriber(event.data.customer, event.data.billing.country, webhook, 'MAILERLITE_CUSTOMERS_GROUP_ID'),
    'subscription.active': (event, webhook) => subscriber(event.data.customer, event.data.billing.country, webhook, 'MAILERLITE_SUBSCRIBERS_GROUP_ID'),
    'subscription.cancelled': (event, webhook) => subscriber(event.data.customer, event.data.billing.country, webhook, 'MAILERLITE_CANCELLED_GROUP_ID'),
  },
});
