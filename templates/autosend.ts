// AutoSend (POST https://api.autosend.com/v1/mails/send): receipts, failed payments, refunds and subscription
// emails. The dashboard's AutoSend card asks for an AutoSend API key (Settings → API Keys). How the card sends
// it is not documented, so this mapping also reads the key from the endpoint variable AUTOSEND_API_KEY when set
// (it then sends its own Authorization and Idempotency-Key headers, replacing the endpoint's headers).
// REPLACE the sender: billing@example.com is a placeholder; use an address on a domain verified in AutoSend.
import { defineMapping, escapeHtml, formatDate, formatMoney, splitName, truncate, type DodoEvent, type EventType, type WebhookContext } from 'dodo-transform';
import { autosendMail } from 'dodo-transform/destinations';

const FROM = { email: 'billing@example.com', name: 'Billing' };

/**
 * Text → HTML for AutoSend: escapeHtml, plus { and } as entities, because AutoSend renders html as a
 * Handlebars template and a customer named "{{x}}" would otherwise be evaluated. Mail clients show the braces.
 */
function html(text: string): string {
  return escapeHtml(text).replace(/[{}]/g, (brace) => (brace === '{' ? '&#123;' : '&#125;'));
}

/** One email to the event's customer; `lines` are plain text, escaped for the html part. */
function email(event: DodoEvent<EventType>, webhook: WebhookContext, id: string, customer: { email: string; name: string }, subject: string, lines: string[]) {
  const all = [`Hi ${truncate(splitName(customer.name).firstName, 60) || 'there'},`, ...lines];
  return autosendMail({
    to: { email: customer.email },
    from: FROM,
    subject,
    html: all.map((line) => `<p>${html(line)}</p>`).join(''),
    text: all.join('\n\n'),
    categories: ['dodo', event.type],
  }, { apiKey: webhook.env?.['AUTOSEND_API_KEY'], idempotencyKey: `${event.type}/${id}` });
}

export default defineMapping({
  destination: 'autosend',
  events: {
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      // The vendor example sends amount: p.amount, a field Payment does not have (it is total_amount, in minor units): always undefined.
      const amount = formatMoney(p.total_amount, p.currency);
      return email(event, webhook, p.payment_id, p.customer, `Your receipt: ${amount}`, [
        `We received your payment of ${amount} on ${formatDate(event.timestamp)}.`,
        `Payment ID: ${p.payment_id}`,
        ...(p.invoice_url ? [`Invoice: ${p.invoice_url}`] : []),
      ]);
    },
    'payment.failed': (event, webhook) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return email(event, webhook, p.payment_id, p.customer, `Your payment of ${amount} did not go through`, [
        `Your payment of ${amount} on ${formatDate(event.timestamp)} failed.${p.error_message ? ` The bank said: ${p.error_message}` : ''}`,
        'Please try again or use another payment method.',
      ]);
    },
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      const amount = r.amount != null && r.currency ? formatMoney(r.amount, r.currency) : 'your payment';
      return email(event, webhook, r.refund_id, r.customer, `Refund issued: ${amount}`, [
        `We refunded ${amount} for payment ${r.payment_id}. It can take 5–10 business days to appear.`,
      ]);
    },
    'subscription.active': (event, webhook) => {
      const s = event.data;
      return email(event, webhook, s.subscription_id, s.customer, 'Your subscription is active', [
        `Your subscription is active: ${formatMoney(s.recurring_pre_tax_amount, s.currency)} every ${s.payment_frequency_count} ${s.payment_frequency_interval.toLowerCase()}(s), before tax.`,
        `Next billing date: ${formatDate(s.next_billing_date)}.`,
      ]);
    },
    'subscription.on_hold': (event, webhook) => email(event, webhook, `${event.data.subscription_id}/${event.timestamp}`, event.data.customer,
      'Action needed: your subscription is on hold', ['We could not renew your subscription. Please update your payment method to keep access.']),
    'subscription.cancelled': (event, webhook) => {
      const s = event.data;
      return email(event, webhook, s.subscription_id, s.customer, 'Your subscription has been cancelled', [
        `Your subscription was cancelled${s.cancelled_at ? ` on ${formatDate(s.cancelled_at)}` : ''}. We are sorry to see you go.`,
      ]);
    },
  },
});
