// Slack — the dashboard's Slack card asks for the channel's incoming webhook URL (api.slack.com/apps → your app → Incoming Webhooks).
// Payments, refunds, disputes and the subscription lifecycle as Block Kit alerts.
// The snippet keeps that URL (it is a secret: it stays on the card, out of the code).
import { defineMapping, escapeSlackText, formatDate, formatMoney, truncate, type DodoEvent } from 'dodo-transform';
import { slackContext, slackHeader, slackMessage, slackSection, type SlackBlock } from 'dodo-transform/destinations';

/** Customer text → mrkdwn shown literally, at most `max` characters once escaped. */
function fit(raw: string, max: number): string {
  let budget = max;
  let text = escapeSlackText(truncate(raw, budget));
  // Escaping turns &, < and > into 4-5 characters each: shrink the raw text until the escaped form fits.
  while (text.length > max) {
    budget -= text.length - max;
    text = escapeSlackText(truncate(raw, budget));
  }
  return text;
}

/** Bold label over text, at most `max` characters in all (section fields take 2,000, section text 3,000). */
function labelled(label: string, value: string, max: number): string {
  // Concatenated, not a template literal: dodo-transform's emitter re-indents a line that follows "\n${" in one.
  return '*' + label + '*\n' + fit(value, max - label.length - 3);
}

const field = (label: string, value: string) => labelled(label, value, 2000);

interface Alert {
  /** Header (plain text, ≤ 150): only Dodo-controlled text such as amounts, never customer text. */
  title: string;
  /** The notification line; Slack shows it where blocks cannot be shown. */
  summary: string;
  fields: string[];
  /** Free text from the customer or the payment provider, shown under the fields. */
  note?: [label: string, text: string | null | undefined];
  id: string;
  timestamp: string;
}

function alert({ title, summary, fields, note, id, timestamp }: Alert) {
  const blocks: SlackBlock[] = [slackHeader(truncate(title, 150)), slackSection(undefined, fields)];
  if (note?.[1]) blocks.push(slackSection(labelled(note[0], note[1], 3000)));
  blocks.push(slackContext(`${fit(id, 200)} · ${formatDate(timestamp)}`));
  // Blocks alone leave notifications empty (vendor examples often omit text): text is the fallback line.
  return { payload: slackMessage({ text: truncate(summary, 3000), blocks }) };
}

type Customer = DodoEvent<'payment.succeeded'>['data']['customer'];
const who = (c: Customer) => fit(c.name, 100);
const customerFields = (c: Customer) => [field('Customer', c.name), field('Email', c.email)];

function plan(s: DodoEvent<'subscription.active'>['data']): string {
  const unit = s.payment_frequency_interval.toLowerCase();
  const every = s.payment_frequency_count === 1 ? unit : `${s.payment_frequency_count} ${unit}s`;
  // formatMoney uses the currency's own decimals: "/ 100" in vendor examples is wrong for JPY (0) and KWD (3).
  return `${formatMoney(s.recurring_pre_tax_amount, s.currency)} / ${every}`;
}

function subscriptionAlert(event: DodoEvent<'subscription.active' | 'subscription.cancelled' | 'subscription.on_hold' | 'subscription.failed'>, title: string) {
  const s = event.data;
  const cancelled = event.type === 'subscription.cancelled';
  return alert({
    title: `${title}: ${plan(s)}`,
    summary: `${title}: ${plan(s)} for ${who(s.customer)}`,
    fields: [
      field('Plan', plan(s)), ...customerFields(s.customer),
      cancelled ? field('Feedback', s.cancellation_feedback ?? '–') : field('Next billing', formatDate(s.next_billing_date)),
    ],
    note: cancelled ? ['Comment', s.cancellation_comment] : undefined,
    id: s.subscription_id,
    timestamp: event.timestamp,
  });
}

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'slack',
  events: {
    'payment.succeeded': (event) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return alert({
        title: `💰 Payment received: ${amount}`,
        summary: `Payment received: ${amount} from ${who(p.customer)}`,
        fields: [field('Amount', amount), ...customerFields(p.customer), field('Method', p.payment_method ?? 'unknown')],
        id: p.payment_id,
        timestamp: event.timestamp,
      });
    },
    'payment.failed': (event) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return alert({
        title: `⚠️ Payment failed: ${amount}`,
        summary: `Payment failed: ${amount} from ${who(p.customer)}`,
        fields: [field('Amount', amount), ...customerFields(p.customer), field('Error code', p.error_code ?? 'unknown')],
        note: ['Reason', p.error_message],
        id: p.payment_id,
        timestamp: event.timestamp,
      });
    },
    'refund.succeeded': (event) => {
      const r = event.data;
      // A refund's amount and currency may be null.
      const amount = r.amount != null && r.currency != null ? formatMoney(r.amount, r.currency) : 'amount not given';
      return alert({
        title: `↩️ ${r.is_partial ? 'Partial refund' : 'Refund'}: ${amount}`,
        summary: `Refunded ${amount} to ${who(r.customer)}`,
        fields: [field('Amount', amount), ...customerFields(r.customer), field('Payment', r.payment_id)],
        note: ['Reason', r.reason],
        id: r.refund_id,
        timestamp: event.timestamp,
      });
    },
    'refund.failed': (event) => {
      const r = event.data;
      const amount = r.amount != null && r.currency != null ? formatMoney(r.amount, r.currency) : 'amount not given';
      return alert({
        title: `❗ Refund failed: ${amount}`,
        summary: `Refund of ${amount} to ${who(r.customer)} failed`,
        fields: [field('Amount', amount), ...customerFields(r.customer), field('Payment', r.payment_id)],
        note: ['Reason', r.reason],
        id: r.refund_id,
        timestamp: event.timestamp,
      });
    },
    'dispute.opened': (event) => {
      const d = event.data;
      // The amount arrives as a string ("400") or a number, in minor units: formatMoney takes both.
      const amount = formatMoney(d.amount, d.currency);
      return alert({
        title: `🚨 Dispute opened: ${amount}`,
        summary: `Dispute opened: ${amount} by ${who(d.customer)}`,
        fields: [field('Amount', amount), ...customerFields(d.customer), field('Stage', d.dispute_stage)],
        note: ['Reason', [d.reason, d.remarks].filter(Boolean).join(' — ')],
        id: d.dispute_id,
        timestamp: event.timestamp,
      });
    },
    'subscription.active': (event) => subscriptionAlert(event, '🎉 New subscription'),
    'subscription.cancelled': (event) => subscriptionAlert(event, '👋 Subscription cancelled'),
    'subscription.on_hold': (event) => subscriptionAlert(event, '⏸️ Subscription on hold (payment failed)'),
    'subscription.failed': (event) => subscriptionAlert(event, '❌ Subscription failed to start'),
  },
});
