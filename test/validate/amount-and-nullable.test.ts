// Arithmetic on a dispute's string amount, and a nullable field used without a guard, in
// hand-written snippets.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { checkStringAmounts } from '../../src/analyze/string-amounts.js';
import { validate } from '../../src/index.js';

const issues = (code: string) => checkStringAmounts(parse(code, { ecmaVersion: 'latest', locations: true })).map((i) => `${i.line}:${i.column}`);

async function validateSnippet(code: string) {
  const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-amounts-'));
  await writeFile(join(dir, 'snippet.js'), code);
  return validate(['snippet.js'], { cwd: dir });
}

describe('string-amount', () => {
  it('flags arithmetic on .amount, not text joins or converted values', () => {
    expect(issues('x = d.amount + fee;')).toEqual(['1:5']);
    expect(issues('x = d.amount / 100;')).toEqual(['1:5']);
    expect(issues('total += d.amount;')).toEqual(['1:10']);
    expect(issues('x = "Amount: " + d.amount;')).toEqual([]);
    expect(issues('x = Number(d.amount) + fee;')).toEqual([]);
    expect(issues('x = d.total_amount / 100;')).toEqual([]);
  });

  it('is reported when the snippet handles a dispute event, and not otherwise', async () => {
    const body = (test: string) => `function handler(webhook) {\n  if (!${test}) { webhook.cancel = true; return webhook; }\n  var d = webhook.payload.data;\n  webhook.url = 'https://hooks.acme-shop.io/x';\n  webhook.payload = { total: d.amount + 1 };\n  return webhook;\n}\n`;
    const disputes = await validateSnippet(body("webhook.eventType.startsWith('dispute.')"));
    expect(disputes.findings.filter((f) => f.code === 'string-amount').map((f) => `${f.severity} ${f.line}`)).toEqual(['warning 5']);
    const refunds = await validateSnippet(body("webhook.eventType.startsWith('refund.')"));
    expect(refunds.findings.filter((f) => f.code === 'string-amount')).toEqual([]);
  });
});

describe('a nullable field used without a guard', () => {
  it('says so when it throws on the nullable-absent variant', async () => {
    const report = await validateSnippet("function handler(webhook) {\n  if (webhook.eventType !== 'subscription.cancelled') { webhook.cancel = true; return webhook; }\n  webhook.url = 'https://hooks.acme-shop.io/x';\n  webhook.payload = { when: webhook.payload.data.cancelled_at.slice(0, 10) };\n  return webhook;\n}\n");
    const errors = report.findings.filter((f) => f.code === 'runtime-error');
    expect(errors.map((f) => f.sample)).toEqual(['builtin/nullable-absent']);
    expect(errors[0]!.message).toContain('a nullable field is used without a guard');
    expect(errors[0]!.line).toBe(4);
  });
});
