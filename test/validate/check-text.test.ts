// Money, garbage and markup inside text: each check fires on what a hand-written snippet really
// sends, and stays quiet on every correct rendering.
import { describe, expect, it } from 'vitest';
import { BUILTIN_SAMPLES, getVariants } from '../../src/samples/index.js';
import { checkText } from '../../src/validate/check-text.js';

const variant = (type: keyof typeof BUILTIN_SAMPLES, name: string) => {
  const v = getVariants(BUILTIN_SAMPLES[type]).find((x) => x.name === name);
  if (!v) throw new Error(`no variant ${name}`);
  return v.event as { data: Record<string, any> };
};
const codes = (payload: unknown, event: unknown, destination?: string, sample = 'builtin/base') =>
  checkText({ url: 'https://hooks.slack.com/services/x', payload }, { event, sample, ...(destination && { destination }) }).map((i) => `${i.code} ${i.jsonPath}`);

describe('money in text', () => {
  const jpy = variant('payment.succeeded', 'currency-jpy');
  const kwd = variant('payment.succeeded', 'currency-kwd');
  const usd = variant('payment.succeeded', 'base');
  const minor = (e: { data: Record<string, any> }) => Number(e.data.total_amount);

  it('finds amount / 100 rendered for JPY and KWD, in any field of text', () => {
    expect(codes({ text: `Paid $${(minor(jpy) / 100).toFixed(2)}` }, jpy)).toContain('wrong-decimals $.payload.text');
    expect(codes({ blocks: [{ text: { type: 'mrkdwn', text: `*${(minor(kwd) / 100).toFixed(2)} KWD*` } }] }, kwd)).toEqual(['wrong-decimals $.payload.blocks[0].text.text']);
  });

  it('finds amount / 100 rounded beside the currency (Intl currency style, Math.round), and in tax and settlement fields', () => {
    expect(codes({ text: `Paid ¥${Math.round(minor(jpy) / 100)}` }, jpy)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: `Paid ${Math.floor(minor(jpy) / 100)} JPY` }, jpy)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: `KWD ${(minor(kwd) / 100).toFixed(3)}` }, kwd)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: `Tax ${(Number(jpy.data.tax) / 100).toFixed(2)} JPY` }, jpy)).toEqual(['wrong-decimals $.payload.text']);
    // A whole number that is not beside the currency is not taken for an amount.
    expect(codes({ text: `Order of ${Math.round(minor(jpy) / 100)} items` }, jpy)).toEqual([]);
    expect(codes({ text: `Paid ¥${minor(jpy).toLocaleString('en-US')}` }, jpy)).toEqual([]);
  });

  it('finds 0.00 for a null amount also when the currency is null too', () => {
    const absent = variant('refund.succeeded', 'nullable-absent');
    expect(absent.data.amount).toBeNull();
    expect(codes({ text: `Refund: ${(0).toFixed(2)} null` }, absent).filter((c) => c.startsWith('null-amount'))).toEqual(['null-amount $.payload.text']);
  });

  it('finds a currency that contradicts the event', () => {
    expect(codes({ text: `Paid $${minor(jpy)}` }, jpy)).toEqual(['wrong-currency $.payload.text']);
    expect(codes({ subject: `Receipt: ${(minor(usd) / 100).toFixed(2)} EUR` }, usd)).toEqual(['wrong-currency $.payload.subject']);
    expect(codes({ text: `€${(minor(usd) / 100).toFixed(2)} received` }, usd)).toEqual(['wrong-currency $.payload.text']);
  });

  it('accepts every correct rendering', () => {
    const yen = minor(jpy);
    const fils = minor(kwd);
    for (const text of [`¥${yen.toLocaleString('en-US')}`, `${yen.toLocaleString('en-US')} JPY`, `JPY ${yen}`, `Paid ${yen} yen`]) expect(codes({ text }, jpy), text).toEqual([]);
    for (const text of [`${(fils / 1000).toFixed(3)} KWD`, `KWD ${(fils / 1000).toFixed(3)}`]) expect(codes({ text }, kwd), text).toEqual([]);
    for (const text of [`$${(minor(usd) / 100).toFixed(2)}`, `${(minor(usd) / 100).toFixed(2)} USD`, `US$${(minor(usd) / 100).toFixed(2)}`]) expect(codes({ text }, usd), text).toEqual([]);
  });

  it('finds the minor units shown beside the currency ("2999 USD" for $29.99), not a plain count', () => {
    const usd = { type: 'payment.succeeded', data: { currency: 'USD', total_amount: 2999, tax: 0 } };
    expect(codes({ text: 'Paid 2999 USD' }, usd)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: 'Paid $2999' }, usd)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: 'Paid 29.99 USD' }, usd)).toEqual([]);
    expect(codes({ text: 'Order 2999 of the day' }, usd)).toEqual([]);
    const kwd = { type: 'payment.succeeded', data: { currency: 'KWD', total_amount: 9207, tax: 0 } };
    expect(codes({ text: 'Zahlung: 9,207 KWD' }, kwd)).toEqual([]);
    expect(codes({ text: 'Paid 9.21 KWD' }, kwd)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: 'Paid 9.207 KWD' }, kwd)).toEqual([]);
    const jpy = { type: 'payment.succeeded', data: { currency: 'JPY', total_amount: 4499, tax: 0 } };
    expect(codes({ text: 'Paid 4499 JPY' }, jpy)).toEqual([]);
    // The fullwidth yen of ja-JP formatting is the yen too.
    expect(codes({ text: '￥45' }, jpy)).toEqual(['wrong-decimals $.payload.text']);
    expect(codes({ text: '￥4,499' }, jpy)).toEqual([]);
  });

  it('no money where there is none: a version number, a legitimate zero beside a null trial, 1970 as an amount, another dollar', () => {
    const jpy = { type: 'payment.succeeded', data: { currency: 'JPY', total_amount: 4499, tax: 410 } };
    expect(codes({ text: 'dodo-bridge v4.1' }, jpy)).toEqual([]);
    expect(codes({ text: 'Total 44.99' }, jpy)).toEqual(['wrong-decimals $.payload.text']);
    const sub = { type: 'subscription.active', data: { currency: 'USD', recurring_pre_tax_amount: 2499, trial_amount: null } };
    expect(codes({ text: 'MRR $0.00 → $24.99' }, sub)).toEqual([]);
    const usd = { type: 'payment.succeeded', data: { currency: 'USD', total_amount: 197000, tax: 0 } };
    expect(codes({ text: 'Payment: 1970.00 USD' }, usd)).toEqual([]);
    expect(codes({ text: 'Renews 1970-01-01' }, usd)).toEqual(['rendered-garbage $.payload.text']);
    const dop = { type: 'payment.succeeded', data: { currency: 'DOP', total_amount: 150000, tax: 0 } };
    expect(codes({ text: 'Payment received: RD$1,500.00' }, dop)).toEqual([]);
    expect(codes({ text: 'Payment received: $1,500.00' }, dop)).toEqual([]);
    const eur = { type: 'payment.succeeded', data: { currency: 'EUR', total_amount: 150000, tax: 0 } };
    expect(codes({ text: 'Payment received: $1,500.00' }, eur)).toEqual(['wrong-currency $.payload.text']);
  });

  it('finds a null amount rendered as 0', () => {
    const refund = structuredClone(variant('refund.succeeded', 'base'));
    refund.data.amount = null;
    expect(codes({ text: 'Refunded $0.00' }, refund)).toEqual(['null-amount $.payload.text']);
    expect(codes({ text: 'Refunded (amount unknown)' }, refund)).toEqual([]);
  });
});

describe('rendered garbage', () => {
  const absent = variant('subscription.cancelled', 'nullable-absent');
  it.each([
    ['Cancelled on 1/1/1970', 'rendered-garbage'],
    ['Plan: undefined', 'rendered-garbage'],
    ['Total: NaN', 'rendered-garbage'],
    ['Customer [object Object]', 'rendered-garbage'],
    ['Ends Invalid Date', 'rendered-garbage'],
  ])('%s', (text, code) => {
    expect(codes({ text }, absent, undefined, 'builtin/nullable-absent')).toEqual([`${code} $.payload.text`]);
  });

  it('names the variant, and is quiet on clean text', () => {
    const [issue] = checkText({ payload: { text: 'Plan: undefined' } }, { event: absent, sample: 'builtin/nullable-absent' });
    expect(issue?.message).toMatch(/nullable-absent variant/);
    expect(codes({ text: 'Cancelled on 4 Aug 2025' }, absent)).toEqual([]);
  });

  it('in a JSON body sent as text, JSON null is no garbage but the text in it is', () => {
    expect(codes({ body: JSON.stringify({ id: null, plan: 'pro' }) }, absent)).toEqual([]);
    expect(codes({ body: JSON.stringify({ id: null, plan: 'Plan: undefined' }) }, absent)).toEqual(['rendered-garbage $.payload.body']);
    expect(codes({ text: 'Plan: null' }, absent)).toEqual(['rendered-garbage $.payload.text']);
    expect(codes({ text: 'Event:\n```{\n  "discount_id": null\n}```' }, absent)).toEqual([]);
  });
});

describe('customer text injected unescaped', () => {
  const markup = variant('payment.succeeded', 'markup-chars');
  const name = String(markup.data.customer.name);
  it('finds raw markup in an email HTML body, not in its text part', () => {
    expect(codes({ html: `<p>Thanks ${name}</p>`, text: `Thanks ${name}` }, markup, 'resend', 'builtin/markup-chars')).toEqual(['unescaped-markup $.payload.html']);
    expect(codes({ html: '<p>Thanks &lt;script&gt;</p>', text: `Thanks ${name}` }, markup, 'resend', 'builtin/markup-chars')).toEqual([]);
  });

  it('says nothing of markup in a Dodo event passed through unchanged', () => {
    expect(codes({ text: `New order from ${name}` }, markup, 'slack')).toEqual(['unescaped-markup $.payload.text']);
    const event = structuredClone(markup) as unknown as Record<string, unknown>;
    (event['data'] as Record<string, unknown>)['text'] = `New order from ${name}`;
    expect(codes(event, event as never, 'slack')).toEqual([]);
  });

  it('finds raw mentions in Slack mrkdwn, not in plain_text', () => {
    expect(codes({ text: `New order from ${name}` }, markup, 'slack')).toEqual(['unescaped-markup $.payload.text']);
    expect(codes({ blocks: [{ type: 'header', text: { type: 'plain_text', text: name } }] }, markup, 'slack')).toEqual([]);
  });

  it('finds @everyone in a Discord message content unless allowed_mentions guards it; embeds never ping', () => {
    const pings = (payload: unknown) => checkText({ payload }, { event: markup, sample: 'builtin/markup-chars', destination: 'discord' }).filter((i) => i.message.includes('@everyone')).map((i) => i.jsonPath);
    expect(pings({ content: `Order from ${name}` })).toEqual(['$.payload.content']);
    expect(pings({ content: `Order from ${name}`, allowed_mentions: { parse: [] } })).toEqual([]);
    expect(pings({ embeds: [{ description: `Order from ${name}` }] })).toEqual([]);
  });

  it('warns of a raw masked link in Discord markdown, in content and in embeds, not once escaped', () => {
    const escaped = name.replace(/[\\*_~`|>#\-[\]()]/g, '\\$&').replace(/@(?=everyone|here)|<@/g, '$&\u200b');
    expect(codes({ embeds: [{ description: `Order from ${name}` }], allowed_mentions: { parse: [] } }, markup, 'discord')).toEqual(['markdown-link $.payload.embeds[0].description']);
    expect(codes({ content: `Order from ${escaped}`, embeds: [{ fields: [{ name: 'Customer', value: escaped }] }], allowed_mentions: { parse: [] } }, markup, 'discord')).toEqual([]);
    expect(codes({ embeds: [{ title: 'Order', footer: { text: name } }] }, markup, 'discord')).toEqual([]);
  });

  it('warns of customer text in a Teams TextBlock or FactSet at any depth, not in a TextRun', () => {
    const card = (body: unknown[]) => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4', body } }] });
    const at = '$.payload.attachments[0].content.body';
    expect(codes(card([{ type: 'TextBlock', text: `Paid by ${name}` }]), markup, 'microsoft-teams')).toEqual([`markdown-link ${at}[0].text`]);
    expect(codes(card([{ type: 'Container', items: [{ type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'FactSet', facts: [{ title: 'Customer', value: name }] }] }] }] }]), markup, 'microsoft-teams'))
      .toEqual([`markdown-link ${at}[0].items[0].columns[0].items[0].facts[0].value`]);
    expect(codes(card([{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: name }] }, { type: 'TextBlock', text: 'Payment received' }]), markup, 'microsoft-teams')).toEqual([]);
  });

  it('treats CRM and analytics properties as plain data', () => {
    expect(codes({ properties: { name } }, markup, 'segment')).toEqual([]);
  });
});
