// Keplars (POST https://api.keplars.com/api/v1/send-email/<priority>): receipts, failed payments, refunds and
// subscription emails. The dashboard's Keplars card asks for a Keplars API key; Dodo's Keplars page says the
// card sends it as a Bearer token on every request, so this mapping sets no headers.
// REPLACE the sender: billing@example.com is a placeholder; use a sender verified in Keplars (Domains).
import { defineMapping, escapeHtml, formatDate, formatMoney, splitName, truncate } from 'dodo-transform';
import { keplarsEmail, type KeplarsPriority } from 'dodo-transform/destinations';

const FROM = 'billing@example.com';
const FROM_NAME = 'Billing';

/**
 * One HTML email to the event's customer; `lines` are plain text, each escaped (names may hold "<script>").
 * Receipts go to the async queue (Keplars' advice for receipts), problems to the high-priority one.
 */
function email(customer: { email: string; name: string }, subject: string, lines: string[], priority: KeplarsPriority = 'async') {
  const all = [`Hi ${truncate(splitName(customer.name).firstName, 60) || 'there'},`, ...lines];
  return keplarsEmail({
    to: [customer.email],
    from: FROM,
    from_name: FROM_NAME,
    subject,
    body: all.map((line) => `<p>${escapeHtml(line)}</p>`).join(''),
    is_html: true,
  }, priority);
}

export default defineMapping({
  destination: 'keplars',
  events: {
    'payment.succeeded': (event) => {
      const p = event.data;
      // The vendor example sends amount: ((total_amount || 0) / 100).toFixed(2): wrong for JPY (0 decimals) and KWD (3).
      const amount = formatMoney(p.total_amount, p.currency);
      return email(p.customer, `Your receipt: ${amount}`, [
        `We received your payment of ${amount} on ${formatDate(event.timestamp)}.`,
        `Payment ID: ${p.payment_id}`,
        ...(p.invoice_url ? [`Invoice: ${p.invoice_url}`] : []),
      ]);
    },
    'payment.failed': (event) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return email(p.customer, `Your payment of ${amount} did not go through`, [
        `Your payment of ${amount} on ${formatDate(event.timestamp)} failed.${p.error_message ? ` The bank said: ${p.error_message}` : ''}`,
        'Please try again or use another payment method.',
      ], 'high');
    },
    'refund.succeeded': (event) => {
      const r = event.data;
      const amount = r.amount != null && r.currency ? formatMoney(r.amount, r.currency) : 'your payment';
      return email(r.customer, `Refund issued: ${amount}`, [
        `We refunded ${amount} for payment ${r.payment_id}. It can take 5–10 business days to appear.`,
      ]);
    },
    'subscription.active': (event) => {
      const s = event.data;
      return email(s.customer, 'Your subscription is active', [
        `Your subscription is active: ${formatMoney(s.recurring_pre_tax_amount, s.currency)} every ${s.payment_frequency_count} ${s.payment_frequency_interval.toLowerCase()}(s), before tax.`,
        `Next billing date: ${formatDate(s.next_billing_date)}.`,
      ]);
    },
    'subscription.on_hold': (event) => email(event.data.customer, 'Action needed: your subscription is on hold',
      ['We could not renew your subscription. Please update your payment method to keep access.'], 'high'),
    'subscription.cancelled': (event) => {
      const s = event.data;
      return email(s.customer, 'Your subscription has been cancelled', [
        `Your subscription was cancelled${s.cancelled_at ? ` on ${formatDate(s.cancelled_at)}` : ''}. We are sorry to see you go.`,
      ]);
    },
  },
});
