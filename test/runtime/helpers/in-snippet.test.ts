import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/compile/compile.js';
import { getBuiltinSample } from '../../../src/samples/index.js';
import { FIXTURES } from '../../support/fixtures.js';
import { makeWebhook, runSnippet } from '../../support/run-snippet.js';

const FIXTURE = join(FIXTURES, 'runtime-helpers', 'uses-helpers.ts');

describe('the helpers inside a snippet', async () => {
  const { snippets, findings } = await compile({ root: FIXTURES, mappings: [FIXTURE] });
  const code = snippets[0]?.code ?? '';
  const run = (change: (event: ReturnType<typeof getBuiltinSample<'payment.succeeded'>>) => void) => {
    const event = getBuiltinSample('payment.succeeded');
    change(event);
    return (runSnippet(code, makeWebhook(event)) as { payload: Record<string, unknown> }).payload;
  };

  it('compiles with no errors and no warnings (no Intl, no toLocale*, no unavailable globals)', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings).toEqual([]);
    expect(code).toContain('function handler(webhook)');
    expect(code).not.toMatch(/Intl|toLocale|TextEncoder/);
    // An invisible character in pasted code is a trap; the zero-width space must be built at run time.
    expect(code).not.toContain('\u200b');
  });

  it('runs every helper on the built-in payment.succeeded sample', () => {
    expect(run(() => {})).toEqual({
      amount: '$29.99',
      firstName: 'Ada',
      lastName: 'Lovelace',
      html: '<p>Ada Lovelace</p>',
      slack: '*Ada Lovelace* paid',
      discord: '**Ada Lovelace** paid',
      short: 'Ada Lovel…',
      eventName: 'Paid by Ada L…', // 13 bytes + the 3-byte ellipsis
      seconds: 1754285445,
      millis: 1754285445182,
      date: '4 Aug 2025, 05:30 UTC',
    });
  });

  it('escapes, splits and formats a hostile name in another currency', () => {
    const payload = run((event) => {
      event.data.total_amount = 450000;
      event.data.currency = 'JPY';
      event.data.customer.name = ' Ada <b>"Byron"</b> & *Love_lace* @everyone ';
    });
    expect(payload).toMatchObject({
      amount: '¥450,000',
      firstName: 'Ada <b>"Byron"</b> & *Love_lace*',
      lastName: '@everyone',
      html: '<p> Ada &lt;b&gt;&quot;Byron&quot;&lt;/b&gt; &amp; *Love_lace* @everyone </p>',
      slack: '* Ada &lt;b&gt;"Byron"&lt;/b&gt; &amp; *Love_lace* @everyone * paid',
      discord: '** Ada <b\\>"Byron"</b\\> & \\*Love\\_lace\\* @\u200beveryone ** paid',
      short: ' Ada <b>"…',
    });
  });

  it('leaves the helpers out of snippets that do not use them', async () => {
    const basic = await compile({ root: FIXTURES, mappings: [join(FIXTURES, 'mappings', 'basic.ts')] });
    const basicCode = basic.snippets[0]?.code ?? '';
    expect(basicCode).toContain('function toMajorUnits(');
    expect(basicCode).not.toMatch(/formatMoney|SYMBOLS|escapeHtml|ENTITIES|truncate|utf8Length|formatDate|splitName/);
  });
});
