// SendGrid Mail Send (POST https://api.sendgrid.com/v3/mail/send): receipts, failed payments, refunds and
// subscription emails. The dashboard's SendGrid card asks for a SendGrid API key with Mail Send permission.
// How the card sends it is not documented, so this mapping also reads the key from the endpoint variable
// SENDGRID_API_KEY when set (it then sends its own Authorization header, replacing the endpoint's headers).
// REPLACE the sender: billing@example.com is a placeholder; use a sender verified in SendGrid.
import { defineMapping, escapeHtml, formatDate, formatMoney, splitName, truncate, type DodoEvent, type EventType, type WebhookContext } from 'dodo-transform';
import { sendgridMail } from 'dodo-transform/destinations';

const FROM = { email: 'billing@example.com', name: 'Billing' };

/** Customer text → safe HTML: names may hold markup (even "<script>"), so everything is escaped. */
function firstName(name: string): string {
  return truncate(splitName(name).firstName, 60) || 'there';
}

/**
 * One email to the event's customer. Content lists text/plain before text/html, the order SendGrid requires.
 * `lines` are plain text; each is escaped for the html part.
 */
function email(event: DodoEvent<EventType>, webhook: WebhookContext, customer: { email: string; name: string }, subject: string, lines: string[]) {
  const text = [`Hi ${firstName(customer.name)},`, ...lines].join('\n\n');
  const html = `<p>Hi ${escapeHtml(firstName(customer.name))},</p>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}`;
  return sendgridMail({
    personalizations: [{ to: [{ email: customer.email }] }],
    from: FROM,
    subject,
    content: [{ type: 'text/plain', value: text }, { type: 'text/html', value: html }],
    categories: ['dodo', event.type],
  }, { apiKey: webhook.env?.['SENDGRID_API_KEY'] });
}

export default defineMapping({
  destination: 'sendgrid',
  events: {
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      // The vendor example sends payment_amount: (total_amount / 100).toFixed(2): wrong for JPY (0 decimals) and KWD (3).
      const amount = formatMoney(p.total_amount, p.currency);
      return email(event, webhook, p.customer, `Your receipt: ${amount}`, [
        `We received your payment of ${amount} on ${formatDate(event.timestamp)}.`,
        `Payment ID: ${p.payment_id}`,
        ...(p.invoice_url ? [`Invoice: ${p.invoice_url}`] : []),
      ]);
    },
    'payment.failed': (event, webhook) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return email(event, webhook, p.customer, `Your payment of ${amount} did not go through`, [
        `Your payment of ${amount} on ${formatDate(event.timestamp)} failed.${p.error_message ? ` The bank said: ${p.error_message}` : ''}`,
        'Please try again or use another payment method.',
      ]);
    },
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      const amount = r.amount != null && r.currency ? formatMoney(r.amount, r.currency) : 'your payment';
      return email(event, webhook, r.customer, `Refund issued: ${amount}`, [
        `We refunded ${amount} for payment ${r.payment_id}. It can take 5–10 business days to appear.`,
      ]);
    },
    'subscription.active': (event, webhook) => {
      const s = event.data;
      return email(event, webhook, s.customer, 'Your subscription is active', [
        `Your subscription is active: ${formatMoney(s.recurring_pre_tax_amount, s.currency)} every ${s.payment_frequency_count} ${s.payment_frequency_interval.toLowerCase()}(s), before tax.`,
        `Next billing date: ${formatDate(s.next_billing_date)}.`,
      ]);
    },
    'subscription.on_hold': (event, webhook) => email(event, webhook, event.data.customer, 'Action needed: your subscription is on hold', [
      'We could not renew your subscription. Please update your payment method to keep access.',
    ]),
    'subscription.cancelled': (event, webhook) => {
      const s = event.data;
      return email(event, webhook, s.customer, 'Your subscription has been cancelled', [
        `Your subscription was cancelled${s.cancelled_at ? ` on ${formatDate(s.cancelled_at)}` : ''}. We are sorry to see you go.`,
      ]);
    },
  },
});
