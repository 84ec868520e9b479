import { describe, expect, it } from 'vitest';
import { convertAndCompile, errorsOf, expectSameBehaviour } from './helpers.js';

/**
 * The point of importing: the type checker now sees the snippet's real problems.
 * The six seeds have none it can see (their bugs are wrong values), so this snippet
 * has the usual ones: fields that do not exist, nullable fields used unguarded,
 * endpoint variables that may be absent.
 */
const PROBLEMS = `function handler(webhook) {
  const p = webhook.payload.data;
  switch (webhook.eventType) {
    case "payment.succeeded":
      webhook.url = webhook.env.SEGMENT_URL;
      webhook.payload = {
        userId: p.customer.customer_id,
        phone: p.customer.phone,
        method: p.payment_method.toUpperCase(),
        currency: p.currency || "USD"
      };
      break;
    case "subscription.active":
      webhook.payload = { plan: p.plan_name, product: p.product_id };
      break;
  }
  return webhook;
}`;

describe('import: the type checker on converted mappings', () => {
  it('reports the fields that do not exist and the nullable ones used unguarded, at their lines in the mapping', async () => {
    const converted = await convertAndCompile(PROBLEMS, { name: 'problems', typecheck: true });
    expect(converted.notes).toEqual([]);
    const lines = converted.source.split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    const errors = errorsOf(converted.findings).map((f) => ({ line: f.line, message: f.message }));
    expect(errors).toEqual(expect.arrayContaining([
      { line: lineOf('url: webhook.env.SEGMENT_URL'), message: expect.stringMatching(/'webhook\.env' is possibly 'undefined'/) },
      { line: lineOf('phone: p.customer.phone'), message: expect.stringMatching(/Property 'phone' does not exist/) },
      { line: lineOf('method: p.payment_method.toUpperCase()'), message: expect.stringMatching(/'p\.payment_method' is possibly 'null'/) },
      { line: lineOf('plan: s.plan_name') || lineOf('plan: p.plan_name'), message: expect.stringMatching(/Property 'plan_name' does not exist/) },
    ]));
    expect(errors).toHaveLength(4);
    // `p.currency || "USD"` is fine: currency is a string, the fallback merely never applies.
    expect(errors.some((e) => e.line === lineOf('currency: p.currency'))).toBe(false);
  });

  it('the same mapping compiled without the type check still behaves exactly like the snippet', async () => {
    const converted = await convertAndCompile(PROBLEMS, { name: 'problems' });
    expect(errorsOf(converted.findings)).toEqual([]);
    const env = { SEGMENT_URL: 'https://api.segment.io/v1/track' };
    expect(expectSameBehaviour(PROBLEMS, converted.compiled, { env })).toBeGreaterThan(0);
  });
});
