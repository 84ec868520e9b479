// Reads of fields an event never has: found at run time, at the snippet's line, once per field.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { FIXTURES } from '../support/fixtures.js';

const sandbox = createSandbox();
afterAll(() => sandbox.close());

async function findings(code: string, events: Parameters<typeof getSampleInputs>[0]['events']) {
  const { inputs } = await getSampleInputs({ root: FIXTURES, ...(events && { events }) });
  return (await validateSnippet({ file: 's.js', name: 's', code }, { inputs, sandbox })).findings;
}

describe('unknown fields', () => {
  it('reports customer.phone and product_id on a payment, at their line, with a suggestion', async () => {
    const code = [
      'function handler(webhook) {',
      '  var d = webhook.payload.data;',
      '  webhook.url = "https://api.segment.io/v1/track";',
      '  webhook.payload = { userId: d.customer.customer_id, event: "Order", properties: { phone: d.customer.phone, product: d.product_id } };',
      '  return webhook;',
      '}',
    ].join('\n');
    const found = (await findings(code, ['payment.succeeded', 'payment.failed'])).filter((f) => f.code === 'unknown-field');
    expect(found.map((f) => [f.line, f.message.split(' does not')[0]])).toEqual([[4, 'customer.phone'], [4, 'product_id']]);
    expect(found[0]?.message).toMatch(/did you mean phone_number\?/);
    expect(found[0]?.message).toMatch(/nor on 1 other event type/);
    expect(found[0]?.severity).toBe('error');
  });

  it('a field of one handled event read with a guard in code another event shares is no finding; unguarded it is an error naming who has it', async () => {
    const code = (read: string) => [
      'function handler(webhook) {',
      '  var d = webhook.payload.data;',
      '  webhook.url = "https://api.segment.io/v1/track";',
      `  webhook.payload = { userId: d.customer.customer_id, event: "E", properties: { discount: ${read} } };`,
      '  return webhook;',
      '}',
    ].join('\n');
    const judged = async (read: string) => (await findings(code(read), ['payment.succeeded', 'refund.succeeded'])).filter((f) => f.code === 'unknown-field').map((f) => `${f.severity} ${f.event}`);
    expect(await judged('d.discount_id || null')).toEqual([]);
    expect(await judged('d.payment_id || d.refund_id')).toEqual([]);
    expect(await judged('d.refund_id || d.payment_id')).toEqual([]);
    expect(await judged('d.refund_id ?? d?.payment_id')).toEqual([]);
    expect(await judged('"x" + d.discount_id')).toEqual(['error refund.succeeded']);
    expect(await judged('d.discount_id ?? null')).toEqual([]);
    expect(await judged('d.discount_id')).toEqual(['error refund.succeeded']);
    const [unguarded] = (await findings(code('d.discount_id'), ['payment.succeeded', 'refund.succeeded'])).filter((f) => f.code === 'unknown-field');
    expect(unguarded?.message).toMatch(/^discount_id does not exist on refund\.succeeded events, only on payment\.succeeded: the code they share reads undefined here/);
    // No handled event has it: a typo whatever guards it.
    expect(await judged('d.discount_code || null')).toEqual(['error payment.succeeded']);
  });

  it('takes a tested read as guarded, in any layout: comparisons, typeof, if, a chain over lines, destructuring defaults, lookups', async () => {
    const judged = async (...body: string[]) => {
      const code = ['function handler(webhook) {', '  var d = webhook.payload.data;', '  var rates = { USD: 1 };', ...body,
        '  webhook.url = "https://api.segment.io/v1/track";',
        '  webhook.payload = { userId: d.customer.customer_id, event: "E", properties: { discount: v } };', '  return webhook;', '}'].join('\n');
      return (await findings(code, ['payment.succeeded', 'refund.succeeded'])).filter((f) => f.code === 'unknown-field').map((f) => `${f.line}`);
    };
    expect(await judged('  var v = d.discount_id != null ? d.discount_id : null;')).toEqual([]);
    expect(await judged('  var v = d?.discount_id === undefined ? null : d.discount_id;')).toEqual([]);
    expect(await judged('  var v = typeof d.discount_id === "string" ? d.discount_id : null;')).toEqual([]);
    expect(await judged('  var v = null;', '  if (d.discount_id) v = d.discount_id;')).toEqual([]);
    expect(await judged('  var v =', '    d.discount_id', '    ?? null;')).toEqual([]);
    expect(await judged('  var { discount_id: v = null } = d;')).toEqual([]);
    expect(await judged('  var { discount_id, payment_id } = d;', '  var v = discount_id ? 1 : payment_id;')).toEqual([]);
    expect(await judged('  var v = rates[d.discount_id] != null ? 1 : 0;')).toEqual([]);
    // Tested elsewhere, read here: the read itself is not guarded.
    expect(await judged('  var v = String(d.discount_id);')).toEqual(['4']);
    expect(await judged('  var v = d.discount_id > 0 ? 1 : 0;')).toEqual(['4']);
  });

  it('a payment amount read on a subscription or refund names the field it has there', async () => {
    const code = 'function handler(webhook) {\n  var d = webhook.payload.data;\n  webhook.url = "https://api.segment.io/v1/track";\n  webhook.payload = { userId: "u", event: "E", properties: { revenue: d.total_amount } };\n  return webhook;\n}\n';
    const guess = async (event: 'subscription.renewed' | 'refund.succeeded') => (await findings(code, [event])).find((f) => f.code === 'unknown-field')?.message;
    expect(await guess('subscription.renewed')).toMatch(/did you mean recurring_pre_tax_amount\?/);
    expect(await guess('refund.succeeded')).toMatch(/did you mean amount\?/);
  });

  it('a TypeError after reading a field the event never has names that field, not a missing guard', async () => {
    const code = 'function handler(webhook) {\n  var d = webhook.payload.data;\n  webhook.url = "https://api.segment.io/v1/track";\n  webhook.payload = { userId: d.customer.email, event: "E" };\n  return webhook;\n}\n';
    const errors = (await findings(code, ['license_key.created'])).filter((f) => f.code === 'runtime-error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) expect(f.message).toMatch(/^TypeError: .*\(customer does not exist on license_key\.created events, so it is undefined here/);
    expect(errors.some((f) => /nullable field is used without a guard/.test(f.message))).toBe(false);
    // An invalid date made from the missing field, thrown inside Date: at the snippet's line.
    const date = 'function handler(webhook) {\n  var s = webhook.payload.data;\n  var when = new Date(s.renewed_at).toISOString();\n  webhook.url = "https://api.segment.io/v1/track";\n  webhook.payload = { userId: "u", event: when };\n  return webhook;\n}\n';
    const [invalid] = (await findings(date, ['subscription.renewed'])).filter((f) => f.code === 'runtime-error');
    expect(invalid?.line).toBe(3);
    expect(invalid?.message).toMatch(/^RangeError: Invalid time value \(renewed_at does not exist on subscription\.renewed events/);
  });

  it('is quiet on fields that exist, on nullable fields, on metadata keys and on guards with in', async () => {
    const code = [
      'function handler(webhook) {',
      '  var d = webhook.payload.data;',
      '  if (!("customer" in d)) return webhook;',
      '  webhook.url = "https://api.segment.io/v1/track";',
      '  webhook.payload = { userId: d.customer.customer_id, event: "Order", properties: { id: d.payment_id, method: d.payment_method, ref: d.metadata.my_own_key, card: d.card_last_four } };',
      '  return webhook;',
      '}',
    ].join('\n');
    expect((await findings(code, ['payment.succeeded'])).filter((f) => f.code === 'unknown-field')).toEqual([]);
  });

  it('does not count samples the snippet cancels or fails on', async () => {
    const code = 'function handler(webhook) { if (webhook.eventType !== "payment.succeeded") { webhook.cancel = true; var x = webhook.payload.data.nope; return webhook; } webhook.url = "https://api.segment.io/v1/track"; webhook.payload = { userId: "u", event: "e" }; return webhook; }';
    expect((await findings(code, ['payment.succeeded', 'refund.succeeded'])).filter((f) => f.code === 'unknown-field')).toEqual([]);
  });
});
