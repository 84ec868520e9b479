// Microsoft Teams — the dashboard's Microsoft Teams card asks for the webhook URL of a Teams workflow ("Post to a channel when a webhook request is received").
// Payments, refunds, disputes and the subscription lifecycle as Adaptive Cards.
// The snippet keeps that workflow URL (its sig= part is a secret: it stays on the card, out of the code).
import { defineMapping, formatDate, formatMoney, truncate, type DodoEvent } from 'dodo-transform';
import { teamsAdaptiveCard, teamsFactSet, teamsRichText, teamsTextBlock, type TeamsAction, type TeamsElement, type TeamsFact } from 'dodo-transform/destinations';

type Tone = 'Good' | 'Warning' | 'Attention' | 'Accent' | 'Default';

/** A label and a customer-provided value; TextRun shows text as is (TextBlock and FactSet would render its Markdown). */
function plainLine(label: string, value: string, max = 500): TeamsElement {
  return teamsRichText({ type: 'TextRun', text: `${label}: `, weight: 'Bolder' }, truncate(value, max));
}

interface Alert {
  /** Dodo-controlled text only: TextBlocks render Markdown. */
  title: string;
  tone: Tone;
  facts: TeamsFact[];
  customer: { name: string; email: string };
  /** Free text from the customer or the payment provider. */
  note?: [label: string, text: string | null | undefined];
  link?: [title: string, url: string | null | undefined];
}

function alert({ title, tone, facts, customer, note, link }: Alert) {
  const body: TeamsElement[] = [
    // Theme colour names, not hex: cards stay readable in light and dark mode.
    teamsTextBlock(title, { size: 'Large', weight: 'Bolder', color: tone }),
    plainLine('Customer', customer.name),
    plainLine('Email', customer.email),
    teamsFactSet(facts),
  ];
  if (note?.[1]) body.push(plainLine(note[0], note[1], 2000));
  const actions: TeamsAction[] = link?.[1] ? [{ type: 'Action.OpenUrl', title: link[0], url: link[1] }] : [];
  // teamsTextBlock sets wrap: true; without it Teams cuts every text at its first line (vendor samples often leave it out).
  return { payload: teamsAdaptiveCard({ body, actions, msteams: { width: 'Full' } }) };
}

const when = (iso: string) => ({ title: 'When', value: formatDate(iso) });

function plan(s: DodoEvent<'subscription.active'>['data']): string {
  const unit = s.payment_frequency_interval.toLowerCase();
  const every = s.payment_frequency_count === 1 ? unit : `${s.payment_frequency_count} ${unit}s`;
  // formatMoney uses the currency's own decimals: "/ 100" in vendor examples is wrong for JPY (0) and KWD (3).
  return `${formatMoney(s.recurring_pre_tax_amount, s.currency)} / ${every}`;
}

function subscriptionAlert(
  event: DodoEvent<'subscription.active' | 'subscription.cancelled' | 'subscription.on_hold' | 'subscription.failed'>,
  title: string, tone: Tone,
) {
  const s = event.data;
  const cancelled = event.type === 'subscription.cancelled';
  return alert({
    title: `${title}: ${plan(s)}`,
    tone,
    facts: [
      { title: 'Plan', value: plan(s) },
      cancelled ? { title: 'Feedback', value: s.cancellation_feedback ?? '–' } : { title: 'Next billing', value: formatDate(s.next_billing_date) },
      { title: 'Subscription', value: s.subscription_id },
      when(event.timestamp),
    ],
    customer: s.customer,
    note: cancelled ? ['Comment', s.cancellation_comment] : undefined,
  });
}

const refundAmount = (r: DodoEvent<'refund.succeeded'>['data']) =>
  // A refund's amount and currency may be null.
  (r.amount != null && r.currency != null ? formatMoney(r.amount, r.currency) : 'amount not given');

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'microsoft-teams',
  events: {
    'payment.succeeded': (event) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return alert({
        title: `💰 Payment received: ${amount}`,
        tone: 'Good',
        facts: [{ title: 'Amount', value: amount }, { title: 'Method', value: p.payment_method ?? 'unknown' }, { title: 'Payment', value: p.payment_id }, when(event.timestamp)],
        customer: p.customer,
        link: ['View invoice', p.invoice_url],
      });
    },
    'payment.failed': (event) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return alert({
        title: `⚠️ Payment failed: ${amount}`,
        tone: 'Attention',
        facts: [{ title: 'Amount', value: amount }, { title: 'Error code', value: p.error_code ?? 'unknown' }, { title: 'Payment', value: p.payment_id }, when(event.timestamp)],
        customer: p.customer,
        note: ['Reason', p.error_message],
      });
    },
    'refund.succeeded': (event) => alert({
      title: `↩️ ${event.data.is_partial ? 'Partial refund' : 'Refund'}: ${refundAmount(event.data)}`,
      tone: 'Default',
      facts: [{ title: 'Amount', value: refundAmount(event.data) }, { title: 'Refund', value: event.data.refund_id }, { title: 'Payment', value: event.data.payment_id }, when(event.timestamp)],
      customer: event.data.customer,
      note: ['Reason', event.data.reason],
    }),
    'refund.failed': (event) => alert({
      title: `❗ Refund failed: ${refundAmount(event.data)}`,
      tone: 'Attention',
      facts: [{ title: 'Amount', value: refundAmount(event.data) }, { title: 'Refund', value: event.data.refund_id }, { title: 'Payment', value: event.data.payment_id }, when(event.timestamp)],
      customer: event.data.customer,
      note: ['Reason', event.data.reason],
    }),
    'dispute.opened': (event) => {
      const d = event.data;
      // The amount arrives as a string ("400") or a number, in minor units: formatMoney takes both.
      const amount = formatMoney(d.amount, d.currency);
      return alert({
        title: `🚨 Dispute opened: ${amount}`,
        tone: 'Warning',
        facts: [{ title: 'Amount', value: amount }, { title: 'Stage', value: d.dispute_stage }, { title: 'Dispute', value: d.dispute_id }, when(event.timestamp)],
        customer: d.customer,
        note: ['Reason', [d.reason, d.remarks].filter(Boolean).join(' — ')],
      });
    },
    'subscription.active': (event) => subscriptionAlert(event, '🎉 New subscription', 'Good'),
    'subscription.cancelled': (event) => subscriptionAlert(event, '👋 Subscription cancelled', 'Default'),
    'subscription.on_hold': (event) => subscriptionAlert(event, '⏸️ Subscription on hold (payment failed)', 'Warning'),
    'subscription.failed': (event) => subscriptionAlert(event, '❌ Subscription failed to start', 'Attention'),
  },
});
