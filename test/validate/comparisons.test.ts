// Comparisons of Dodo fields with values they never take, in hand-written snippets.
import { describe, expect, it } from 'vitest';
import { checkSnippetSource } from '../../src/validate/check-source.js';

const found = (body: string) => checkSnippetSource(`function handler(webhook) {\n  var d = webhook.payload.data;\n${body}\n  return webhook;\n}`, 's.js')
  .filter((f) => f.code === 'impossible-comparison' || f.code === 'unknown-event')
  .map((f) => `${f.code} ${f.line}:${f.column} ${f.message}`);

describe('impossible comparisons', () => {
  it('dispute_status compared with a value it never takes, naming the right one', () => {
    expect(found('  if (d.dispute_status === "won") webhook.cancel = true;')).toEqual([
      'impossible-comparison 3:28 dispute_status is never "won", so this comparison is never true; did you mean "dispute_won"?',
    ]);
  });

  it('an event type that does not exist, in a comparison or a switch', () => {
    expect(found('  if (webhook.eventType === "payment.success") {}')).toEqual([
      'unknown-event 3:29 "payment.success" is not a Dodo event type, so this comparison is never true; did you mean "payment.succeeded"?',
    ]);
    expect(found('  switch (webhook.payload.type) { case "subscription.canceled": break; case "subscription.active": break; }')).toEqual([
      'unknown-event 3:40 "subscription.canceled" is not a Dodo event type, so this comparison is never true; did you mean "subscription.cancelled"?',
    ]);
  });

  it('status and payload_type values that do not exist', () => {
    expect(found('  if (d.status == "paid" || d.payload_type !== "payment") {}')).toHaveLength(2);
  });

  it('a subscription interval compared in lowercase, naming the SDK values', () => {
    expect(found('  if (d.payment_frequency_interval === "monthly") {}')).toEqual([
      'impossible-comparison 3:40 payment_frequency_interval is never "monthly", so this comparison is never true; did you mean "Month"?',
    ]);
    expect(found('  if (d.subscription_period_interval === "Year") {}')).toEqual([]);
  });

  it('is quiet on every real value and on other fields', () => {
    expect(found([
      '  if (d.dispute_status === "dispute_won" || d.status === "succeeded" || d.status === "on_hold" || d.payload_type === "Subscription") {}',
      '  if (webhook.eventType === "refund.succeeded" || webhook.payload.type !== "payment.failed") {}',
      '  var block = { type: "section" }; if (block.type === "section" && d.currency === "USD") {}',
      // A merchant's metadata, and an object the snippet builds, are not Dodo's.
      '  var meta = d.customer.metadata || {}; if (d.metadata.status === "vip" || meta.status === "vip") {}',
      '  var payload = { type: "identify" }; if (payload.type === "identify") {}',
      '  var payload = d.x ? { type: "identify" } : { type: "track" }; if (payload.type === "identify") {}',
      // An entitlement grant's status is capitalised.
      '  if (d.status !== "Delivered" && d.status !== "Revoked") {}',
    ].join('\n'))).toEqual([]);
  });
});
