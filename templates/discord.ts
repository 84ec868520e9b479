// Discord — the dashboard's Discord card asks for the channel's webhook URL (Server Settings → Integrations → Webhooks → Copy Webhook URL).
// Payments, refunds, disputes and the subscription lifecycle as embeds.
// The snippet keeps that URL (it is a secret: it stays on the card, out of the code).
import { defineMapping, escapeDiscordMarkdown, formatDate, formatMoney, truncate, type DodoEvent } from 'dodo-transform';
import { discordEmbed, discordMessage, type DiscordEmbedField } from 'dodo-transform/destinations';

// Embed colours are integers: Discord rejects "#2ecc71" strings, a common slip in vendor examples.
const GREEN = 0x2ecc71;
const RED = 0xe74c3c;
const ORANGE = 0xe67e22;
const BLUE = 0x3498db;
const GREY = 0x95a5a6;

/** Customer text → Discord markdown shown literally, at most `max` characters once escaped, never empty. */
function fit(raw: string, max: number): string {
  let budget = max;
  let text = escapeDiscordMarkdown(truncate(raw, budget));
  // Escaping adds a backslash before markdown characters: shrink the raw text until the escaped form fits.
  while (text.length > max) {
    budget -= text.length - max;
    text = escapeDiscordMarkdown(truncate(raw, budget));
  }
  // Discord rejects empty field values (after trimming whitespace).
  return text.trim() === '' ? '–' : text;
}

const field = (name: string, value: string, inline = true): DiscordEmbedField => ({ name, value: fit(value, 256), inline });

interface Alert {
  /** Dodo-controlled text only (amounts, statuses): titles are not escaped. */
  title: string;
  color: number;
  fields: DiscordEmbedField[];
  /** Free text from the customer or the payment provider. */
  note?: string | null | undefined;
  id: string;
  timestamp: string;
}

function alert({ title, color, fields, note, id, timestamp }: Alert) {
  // Field values ≤ 256, note ≤ 2,000: far under the 6,000 characters Discord allows across a message's embeds.
  const embed = discordEmbed({
    title: truncate(title, 256),
    color,
    fields,
    footer: { text: `${id} · ${formatDate(timestamp)}` },
    // Milliseconds, the precision ISO 8601 parsers agree on (Dodo sends microseconds).
    timestamp: timestamp.replace(/(\.\d{3})\d+/, '$1'),
  });
  if (note) embed.description = fit(note, 2000);
  // parse: [] means no @everyone, role or user ping, whatever the customer typed into their name.
  return { payload: discordMessage({ username: 'Dodo Payments', embeds: [embed], allowed_mentions: { parse: [] } }) };
}

type Customer = DodoEvent<'payment.succeeded'>['data']['customer'];
const customerFields = (c: Customer) => [field('Customer', c.name), field('Email', c.email)];

function plan(s: DodoEvent<'subscription.active'>['data']): string {
  const unit = s.payment_frequency_interval.toLowerCase();
  const every = s.payment_frequency_count === 1 ? unit : `${s.payment_frequency_count} ${unit}s`;
  // formatMoney uses the currency's own decimals: "/ 100" in vendor examples is wrong for JPY (0) and KWD (3).
  return `${formatMoney(s.recurring_pre_tax_amount, s.currency)} / ${every}`;
}

function subscriptionAlert(
  event: DodoEvent<'subscription.active' | 'subscription.cancelled' | 'subscription.on_hold' | 'subscription.failed'>,
  title: string, color: number,
) {
  const s = event.data;
  const cancelled = event.type === 'subscription.cancelled';
  return alert({
    title: `${title}: ${plan(s)}`,
    color,
    fields: [
      field('Plan', plan(s)), ...customerFields(s.customer),
      cancelled ? field('Feedback', s.cancellation_feedback ?? '–') : field('Next billing', formatDate(s.next_billing_date)),
    ],
    note: cancelled ? s.cancellation_comment : undefined,
    id: s.subscription_id,
    timestamp: event.timestamp,
  });
}

const refundAmount = (r: DodoEvent<'refund.succeeded'>['data']) =>
  // A refund's amount and currency may be null.
  (r.amount != null && r.currency != null ? formatMoney(r.amount, r.currency) : 'amount not given');

export default defineMapping({
  // No `url`: the snippet keeps the URL entered on the dashboard card.
  destination: 'discord',
  events: {
    'payment.succeeded': (event) => {
      const p = event.data;
      const amount = formatMoney(p.total_amount, p.currency);
      return alert({
        title: `💰 Payment received: ${amount}`,
        color: GREEN,
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
        color: RED,
        fields: [field('Amount', amount), ...customerFields(p.customer), field('Error code', p.error_code ?? 'unknown')],
        note: p.error_message,
        id: p.payment_id,
        timestamp: event.timestamp,
      });
    },
    'refund.succeeded': (event) => alert({
      title: `↩️ ${event.data.is_partial ? 'Partial refund' : 'Refund'}: ${refundAmount(event.data)}`,
      color: GREY,
      fields: [field('Amount', refundAmount(event.data)), ...customerFields(event.data.customer), field('Payment', event.data.payment_id)],
      note: event.data.reason,
      id: event.data.refund_id,
      timestamp: event.timestamp,
    }),
    'refund.failed': (event) => alert({
      title: `❗ Refund failed: ${refundAmount(event.data)}`,
      color: RED,
      fields: [field('Amount', refundAmount(event.data)), ...customerFields(event.data.customer), field('Payment', event.data.payment_id)],
      note: event.data.reason,
      id: event.data.refund_id,
      timestamp: event.timestamp,
    }),
    'dispute.opened': (event) => {
      const d = event.data;
      // The amount arrives as a string ("400") or a number, in minor units: formatMoney takes both.
      const amount = formatMoney(d.amount, d.currency);
      return alert({
        title: `🚨 Dispute opened: ${amount}`,
        color: ORANGE,
        fields: [field('Amount', amount), ...customerFields(d.customer), field('Stage', d.dispute_stage)],
        note: [d.reason, d.remarks].filter(Boolean).join(' — '),
        id: d.dispute_id,
        timestamp: event.timestamp,
      });
    },
    'subscription.active': (event) => subscriptionAlert(event, '🎉 New subscription', BLUE),
    'subscription.cancelled': (event) => subscriptionAlert(event, '👋 Subscription cancelled', GREY),
    'subscription.on_hold': (event) => subscriptionAlert(event, '⏸️ Subscription on hold (payment failed)', ORANGE),
    'subscription.failed': (event) => subscriptionAlert(event, '❌ Subscription failed to start', RED),
  },
});
