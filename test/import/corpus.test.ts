import { describe, expect, it } from 'vitest';
import { convertAndCompile, errorsOf, expectSameBehaviour } from './helpers.js';

interface Case {
  code: string;
  env?: Record<string, string>;
  /** Text the converted mapping must contain: the shape the importer should find. */
  contains: string[];
  /** Codes of the notes expected, in order. @default [] */
  notes?: string[];
}

/**
 * Differential corpus: shapes seen in hand-written snippets. Each converts without
 * notes, and the compiled mapping agrees with the snippet on every sample and variant.
 */
const CASES: Record<string, Case> = {
  'switch on webhook.payload.type': {
    code: `function handler(webhook) {
  switch (webhook.payload.type) {
    case 'payment.succeeded': webhook.payload = { ok: 1, t: webhook.payload.type }; break;
  }
  return webhook;
}`,
    contains: ["'payment.succeeded': (event) => ({ payload: { ok: 1, t: event.type } }),"],
  },
  'early returns, a prefix, and a cancel for the rest': {
    code: `function handler(webhook) {
  if (webhook.eventType === 'payment.succeeded') {
    webhook.payload = { a: webhook.payload.data.payment_id };
    return webhook;
  }
  if (!webhook.eventType.startsWith('refund.')) {
    webhook.cancel = true;
    return webhook;
  }
  webhook.url = 'https://refunds.acme-shop.io/hook';
  return webhook;
}`,
    contains: ["otherEvents: 'cancel'", "'refund.succeeded': onRefundEvent,", "return { url: 'https://refunds.acme-shop.io/hook', payload: event };"],
  },
  'an array of event types with includes()': {
    code: `function handler(webhook) {
  if (["dispute.opened", "dispute.lost"].includes(webhook.eventType)) {
    webhook.payload = { dispute: webhook.payload.data.dispute_id, amount: Number(webhook.payload.data.amount) };
  } else webhook.cancel = true;
  return webhook;
}`,
    contains: ["'dispute.opened': onDisputeEvent,", "'dispute.lost': onDisputeEvent,"],
  },
  'an event test combined with a data test, else cancel': {
    code: `function handler(webhook) {
  const p = webhook.payload.data;
  if (webhook.eventType === 'payment.succeeded' && p.total_amount > 2000) {
    webhook.payload = { big: p.payment_id };
  } else {
    webhook.cancel = true;
  }
  return webhook;
}`,
    contains: ["if (p.total_amount > 2000) {", 'payload = { big: p.payment_id };', 'return skip();', "otherEvents: 'cancel'"],
  },
  'one forwarder for every event, headers from the endpoint variables': {
    code: `function handler(webhook) {
  webhook.method = "PUT";
  webhook.headers = { Authorization: "Bearer " + (webhook.env && webhook.env.TOKEN), "Content-Type": "application/json" };
  webhook.payload = { event: webhook.eventType, data: webhook.payload.data, at: webhook.payload.timestamp };
  return webhook;
}`,
    env: { TOKEN: 't0k' },
    contains: ['function onEvents(event: DodoEvent, webhook: WebhookContext): MappingResult {', "'payment.succeeded': onEvents,", "method: 'PUT',"],
  },
  'a lookup table beside the handler': {
    code: `var NAMES = { "payment.succeeded": "Order Completed", "refund.succeeded": "Order Refunded" };
function handler(webhook) {
  var name = NAMES[webhook.eventType];
  if (!name) { webhook.cancel = true; return webhook; }
  webhook.payload = { event: name, id: webhook.payload.business_id };
  return webhook;
}`,
    contains: ['var NAMES = {', 'if (!name) { return skip(); }'],
    notes: ['copied-as-is'],
  },
  'a ternary on the event type inside a shared payload': {
    code: `function handler(webhook) {
  if (webhook.eventType.startsWith("payment.")) {
    webhook.payload = { text: (webhook.eventType === "payment.succeeded" ? "✅ " : "❌ ") + webhook.payload.data.payment_id };
  }
  return webhook;
}`,
    contains: ["(event) => ({ payload: { text: '✅ ' + event.data.payment_id } })", "function onPaymentEvent(event: DodoEvent<'payment.failed' | 'payment.processing' | 'payment.cancelled'>)"],
  },
  'optional chaining, nullish fallbacks and a helper function inside the handler': {
    code: `function handler(webhook) {
  function money(v) { return (v / 100).toFixed(2); }
  const d = webhook.payload.data;
  if (webhook.eventType === "refund.succeeded") {
    webhook.url = webhook.env?.REFUND_URL ?? "https://default.acme-shop.io";
    webhook.payload = { amount: money(d.amount ?? 0), reason: d.reason?.slice(0, 10) ?? null };
  }
  return webhook;
}`,
    contains: ["url: webhook.env?.REFUND_URL ?? 'https://default.acme-shop.io',", 'function money(v) { return (v / 100).toFixed(2); }'],
  },
  'an if without braces in a switch case, with a default that forwards': {
    code: `function handler(webhook) {
  const t = webhook.eventType;
  switch (t) {
    case "license_key.created":
      if (webhook.payload.data.activations_limit === null) webhook.payload = { unlimited: true };
      else webhook.payload = { limit: webhook.payload.data.activations_limit };
      break;
    case "payout.failed":
      webhook.cancel = true;
      break;
    default:
      break;
  }
  return webhook;
}`,
    contains: ["'payout.failed': () => skip(),", 'let payload: unknown = event;', "otherEvents: 'passthrough'"],
  },
  'no semicolons, a line starting with [, and preludes only some events use': {
    code: `function handler(webhook) {
  const p = webhook.payload.data
  const parts = []
  const label = \`\${webhook.eventType} for \${webhook.payload.business_id}\`
  if (webhook.eventType === 'payment.succeeded') {
    webhook.url = 'https://x.acme-shop.io/' + label
    ;[p.payment_id, p.currency].forEach((v) => parts.push(v))
    webhook.payload = { parts }
  }
  return webhook
}`,
    contains: [
      "const url = 'https://x.acme-shop.io/' + label;\n      [p.payment_id, p.currency].forEach((v) => parts.push(v));",
      "otherEvents: 'passthrough'",
    ],
  },
  'a variable assigned without a declaration (sloppy mode)': {
    code: `function handler(webhook) {
  if (webhook.eventType === 'payment.succeeded') {
    total = webhook.payload.data.total_amount;
    for (key in webhook.payload.data.customer) last = key;
    webhook.payload = { total: total, last: last };
  }
  return webhook;
}`,
    contains: ['let key, last, total;'],
    notes: ['implicit-global'],
  },
  'decided tests inside expressions keep the grouping of what remains': {
    code: `function handler(webhook) {
  const a = webhook.payload.data.total_amount, b = -1;
  if (webhook.eventType === 'refund.failed' || webhook.eventType === 'payment.failed') {
    webhook.payload = {
      x: !(webhook.eventType === 'refund.failed' && a + b),
      y: (webhook.eventType === 'refund.failed' && a + b) * 2,
      z: webhook.eventType === 'payment.failed' || a > 0,
    };
  }
  return webhook;
}`,
    contains: ['x: !(a + b),', 'y: (a + b) * 2,', 'z: a > 0,', 'x: true,', 'y: false * 2,', 'z: true,'],
  },
};

describe('import: differential corpus', () => {
  it.each(Object.keys(CASES))('%s', async (name) => {
    const { code, env, contains, notes = [] } = CASES[name]!;
    const converted = await convertAndCompile(code);
    expect(converted.notes.map((n) => n.code)).toEqual(notes);
    expect(errorsOf(converted.findings)).toEqual([]);
    for (const text of contains) expect(converted.source).toContain(text);
    expect(expectSameBehaviour(code, converted.compiled, env ? { env } : {})).toBeGreaterThan(0);
  });
});
