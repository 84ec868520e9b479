// Resend (POST https://api.resend.com/emails): receipts, failed payments, refunds and subscription emails.
// The dashboard's Resend card asks for a Resend API key. How the card sends it is not documented, so this
// mapping also reads the key from the endpoint variable RESEND_API_KEY when set (it then sends its own
// Authorization and Idempotency-Key headers, which replace the endpoint's headers).
// REPLACE the sender: 'Billing <billing@example.com>' is a placeholder; use an address on a domain verified in Resend.
import { defineMapping, escapeHtml, formatDate, formatMoney, splitName, truncate, type DodoEvent, type EventType, type WebhookContext } from 'dodo-transform';
import { resendEmail } from 'dodo-transform/destinations';

const FROM = 'Billing <billing@example.com>';

/** Customer text → safe HTML: names may hold markup (even "<script>"), so everything is escaped. */
function greeting(name: string): string {
  return `Hi ${escapeHtml(truncate(splitName(name).firstName, 60) || 'there')},`;
}

function layout(heading: string, lines: string[]): string {
  return `<h2>${heading}</h2>${lines.map((line) => `<p>${line}</p>`).join('')}`;
}

/** One email to the event's customer; the Idempotency-Key keeps a webhook retry from sending it twice. */
function email(event: DodoEvent<EventType>, webhook: WebhookContext, to: string, id: string, subject: string, html: string, text: string) {
  return resendEmail(
    { from: FROM, to: [to], subject, html, text, tags: [{ name: 'dodo_event', value: event.type.replace(/\./g, '_') }] },
    { apiKey: webhook.env?.['RESEND_API_KEY'], idempotencyKey: `${event.type}/${id}` },
  );
}

export default defineMapping({
  destination: 'resend',
  events: {
    'payment.succeeded': (event, webhook) => {
      const p = event.data;
      // The vendor example writes "$" + (total_amount / 100).toFixed(2): wrong for JPY (0 decimals) and KWD (3), and not escaped.
      const amount = formatMoney(p.total_amount, p.currency);
      const invoice = p.invoice_url ? `<a href="${escapeHtml(p.invoice_url)}">Download your invoice</a>` : 'Your invoice will follow by email.';
      return email(event, webhook, p.customer.email, p.payment_id, `Your receipt: ${amount}`,
        layout('Payment received', [
          greeting(p.customer.name),
          `We received your payment of <strong>${amount}</strong> on ${formatDate(event.timestamp)}.`,
          `Payment ID: ${escapeHtml(p.payment_id)}`,
          invoice,
        ]),
        `We received your payment of ${amount} on ${formatDate(event.timestamp)}. Payment ID: ${p.payment_id}`);
    },
    'payment.failed': (event, webhook) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      const reason = p.error_message ? ` The bank said: ${p.error_message}` : '';
      return email(event, webhook, p.customer.email, p.payment_id, `Your payment of ${amount} did not go through`,
        layout('Payment failed', [
          greeting(p.customer.name),
          `Your payment of <strong>${amount}</strong> on ${formatDate(event.timestamp)} failed.${escapeHtml(reason)}`,
          'Please try again or use another payment method.',
        ]),
        `Your payment of ${amount} failed.${reason} Please try again or use another payment method.`);
    },
    'refund.succeeded': (event, webhook) => {
      const r = event.data;
      const amount = r.amount != null && r.currency ? formatMoney(r.amount, r.currency) : 'your payment';
      return email(event, webhook, r.customer.email, r.refund_id, `Refund issued: ${amount}`,
        layout('Refund issued', [
          greeting(r.customer.name),
          `We refunded <strong>${amount}</strong> for payment ${escapeHtml(r.payment_id)}. It can take 5–10 business days to appear.`,
        ]),
        `We refunded ${amount} for payment ${r.payment_id}.`);
    },
    'subscription.active': (event, webhook) => {
      const s = event.data;
      const price = `${formatMoney(s.recurring_pre_tax_amount, s.currency)} every ${s.payment_frequency_count} ${s.payment_frequency_interval.toLowerCase()}(s)`;
      return email(event, webhook, s.customer.email, s.subscription_id, 'Your subscription is active',
        layout('Welcome aboard', [
          greeting(s.customer.name),
          `Your subscription is active: ${price} (before tax).`,
          `Next billing date: ${formatDate(s.next_billing_date)}.`,
        ]),
        `Your subscription is active: ${price}. Next billing date: ${formatDate(s.next_billing_date)}.`);
    },
    'subscription.on_hold': (event, webhook) => {
      const s = event.data;
      return email(event, webhook, s.customer.email, `${s.subscription_id}/${event.timestamp}`, 'Action needed: your subscription is on hold',
        layout('Your subscription is on hold', [
          greeting(s.customer.name),
          'We could not renew your subscription. Please update your payment method to keep access.',
        ]),
        'We could not renew your subscription. Please update your payment method to keep access.');
    },
    'subscription.cancelled': (event, webhook) => {
      const s = event.data;
      const when = s.cancelled_at ? ` on ${formatDate(s.cancelled_at)}` : '';
      return email(event, webhook, s.customer.email, s.subscription_id, 'Your subscription has been cancelled',
        layout('Subscription cancelled', [
          greeting(s.customer.name),
          `Your subscription was cancelled${when}. We are sorry to see you go.`,
        ]),
        `Your subscription was cancelled${when}.`);
    },
  },
});
