// The preview renderers: what a reader sees of a message, escaped, with findings where they are about.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { renderDiscord } from '../../src/report/html/discord-preview.js';
import { renderEmail } from '../../src/report/html/email-preview.js';
import { esc, scriptJson } from '../../src/report/html/html.js';
import { renderJson } from '../../src/report/html/json-view.js';
import { FindingMarks } from '../../src/report/html/marks.js';
import { MASK, maskHeader, maskUrl, maskValues, shownRequest } from '../../src/report/html/mask-secrets.js';
import { mrkdwn, renderSlack } from '../../src/report/html/slack-preview.js';
import { renderTeams } from '../../src/report/html/teams-preview.js';

const finding = (jsonPath: string, code = 'slack.unescaped-markup', severity: 'error' | 'warning' = 'warning'): Finding =>
  ({ code: code as Finding['code'], severity, jsonPath, message: `problem at ${jsonPath}`, file: 'm.ts', event: 'payment.succeeded', sample: 'builtin/base' });

/** Renders with marks that see the findings (the renderer and finish share one instance). */
function withMarks(findings: Finding[], fn: (marks: FindingMarks) => string): string {
  const marks = new FindingMarks(findings);
  return marks.finish(fn(marks)).html;
}

const render = (fn: (marks: FindingMarks) => string) => withMarks([], fn);

describe('escaping', () => {
  it('escapes markup and shows control characters as escapes', () => {
    expect(esc('<script>alert("x")</script>&\'')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(esc('a\u001b[31mb\u202ec')).toBe('a\\x1b[31mb\\u202ec');
  });

  it('embeds JSON that cannot end its script block', () => {
    const text = scriptJson(['</script><script>alert(1)</script>', '<!--', '\u2028\u2029']);
    expect(text).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(['</script><script>alert(1)</script>', '<!--', '\u2028\u2029']);
  });
});

describe('masking secrets', () => {
  it('masks credentials in headers, keeping the scheme', () => {
    expect(maskHeader('Authorization', 'Bearer sk_live_123')).toBe(`Bearer ${MASK}`);
    expect(maskHeader('X-Api-Key', 'abc')).toBe(MASK);
    expect(maskHeader('content-type', 'application/json')).toBe('application/json');
  });

  it('masks the secret parts of webhook URLs', () => {
    expect(maskUrl('https://hooks.slack.com/services/T0001/B0001/abcdefSECRET')).toBe(`https://hooks.slack.com/services/T0001/B0001/${MASK}`);
    expect(maskUrl('https://discord.com/api/webhooks/123/tok-en_value')).toBe(`https://discord.com/api/webhooks/123/${MASK}`);
    expect(maskUrl('https://prod.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=2016-06-01&sig=SECRETSIG')).toBe(`https://prod.logic.azure.com/workflows/1/triggers/manual/paths/invoke?api-version=2016-06-01&sig=${MASK}`);
    expect(maskUrl('https://user:pw@example.com/x?token=t')).toBe(`https://user:${MASK}@example.com/x?token=${MASK}`);
    expect(maskUrl('https://api.segment.io/v1/track')).toBe('https://api.segment.io/v1/track');
  });

  it('masks the values of webhook.env wherever they appear, but not short ones', () => {
    const shown = shownRequest({ method: 'POST', url: 'https://x.example/hook?k=envsecret1', headers: { 'x-custom': 'v envsecret1' }, payload: { a: ['pre-envsecret1-post'], n: 'on' } }, ['envsecret1', 'on']);
    expect(shown).toEqual({ method: 'POST', url: `https://x.example/hook?k=${MASK}`, headers: [['x-custom', `v ${MASK}`]], payload: { a: [`pre-${MASK}-post`], n: 'on' } });
    expect(maskValues({ deep: { x: 'envsecret1' } }, [])).toEqual({ deep: { x: 'envsecret1' } });
  });

  it('masks a webhook.env value also where it is JSON-escaped or URL-encoded', () => {
    const secret = 'a b&c"<x>';
    const masked = maskValues({
      header: JSON.stringify({ tok: secret }),
      quoted: JSON.stringify(JSON.stringify({ tok: secret })),
      query: `https://x.example/hook?k=${encodeURIComponent(secret)}`,
      form: `k=${encodeURIComponent(secret).replace(/%20/g, '+')}`,
    }, [secret]);
    expect(JSON.stringify(masked)).not.toMatch(/a b|a%20b|a\+b|b&c|b%26c/);
    expect(masked.header).toBe(`{"tok":"${MASK}"}`);
    expect(masked.query).toBe(`https://x.example/hook?k=${MASK}`);
  });

  it('shows the request with masked headers and URL, the body as it is', () => {
    const shown = shownRequest({ method: 'POST', url: 'https://hooks.slack.com/services/T/B/XYZ', headers: { Authorization: 'Basic dXNlcjpwYXNz' }, payload: { text: 'hi' } });
    expect(shown).toEqual({ method: 'POST', url: `https://hooks.slack.com/services/T/B/${MASK}`, headers: [['Authorization', `Basic ${MASK}`]], payload: { text: 'hi' } });
  });
});

describe('Slack', () => {
  it('renders mrkdwn: bold, italic, strike, code, links and mentions', () => {
    const html = mrkdwn('*Paid* _now_ ~old~ `id_1` <https://x.example/p?a=1&amp;b=2|the invoice> <@U123> <#C9|billing> <!channel> a &lt;b&gt; &amp; c');
    expect(html).toContain('<b>Paid</b>');
    expect(html).toContain('<i>now</i>');
    expect(html).toContain('<s>old</s>');
    expect(html).toContain('<code>id_1</code>');
    expect(html).toContain('href="https://x.example/p?a=1&amp;b=2"');
    expect(html).toContain('>the invoice</a>');
    expect(html).toContain('<span class="mention">@U123</span>');
    expect(html).toContain('<span class="mention">#billing</span>');
    expect(html).toContain('<span class="mention loud">@channel</span>');
    // Slack's entities are shown as the characters they stand for, escaped for HTML.
    expect(html).toContain('a &lt;b&gt; &amp; c');
  });

  it('never turns customer text into markup or a javascript: link', () => {
    const html = mrkdwn('<script>alert(1)</script> <javascript:alert(1)|click> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
  });

  it('renders Block Kit blocks, and text as the notification', () => {
    const payload = {
      text: 'Payment received',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Paid $5' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Customer* Ada' }, fields: [{ type: 'mrkdwn', text: '*Amount*\n$5' }] },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'pay_1' }] },
        { type: 'image', image_url: 'https://img.example/x.png', alt_text: 'chart' },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' }, url: 'https://x.example', style: 'primary' }] },
      ],
    };
    const html = render((m) => renderSlack(payload, '$.payload', m));
    expect(html).toContain('<div class="sl-header">Paid $5</div>');
    expect(html).toContain('<b>Customer</b> Ada');
    expect(html).toContain('<div class="sl-field"><b>Amount</b><br>$5</div>');
    expect(html).toContain('<hr class="sl-divider">');
    expect(html).toContain('🖼 chart');
    expect(html).not.toContain('<img');
    expect(html).toContain('sl-button primary');
    expect(html).toContain('notification: Payment received');
  });

  it('puts a finding on the block it is about', () => {
    const html = withMarks([finding('$.payload.blocks[1].fields[0].text')], (m) => renderSlack({ blocks: [{ type: 'divider' }, { type: 'section', fields: [{ type: 'mrkdwn', text: 'a & b' }] }] }, '$.payload', m));
    expect(html).toMatch(/<div class="sl-field has-f sev-warning" data-path="\$\.payload\.blocks\[1\]\.fields\[0\]">a &amp; b<span class="fbadge warning"[^>]*>slack\.unescaped-markup<\/span><\/div>/);
  });
});

describe('Discord', () => {
  it('renders content, embeds with colour, fields in their grid, footer and timestamp', () => {
    const html = render((m) => renderDiscord({
      username: 'Shop', content: '**New** sale @everyone',
      embeds: [{ title: 'Paid', color: 0x2ecc71, description: 'by <@42>', fields: [{ name: 'A', value: '1', inline: true }, { name: 'B', value: '2' }], footer: { text: 'pay_1' }, timestamp: '2025-08-04T05:30:45.182Z' }],
    }, '$.payload', m));
    expect(html).toContain('<b>New</b> sale');
    expect(html).toContain('style="border-left-color:#2ecc71"');
    expect(html).toContain('<div class="dc-title">Paid</div>');
    expect(html).toContain('<div class="dc-field"><div class="dc-fname">A</div>');
    expect(html).toContain('<div class="dc-field wide"><div class="dc-fname">B</div>');
    expect(html).toContain('pay_1 • 2025-08-04 05:30:45 UTC');
    // No allowed_mentions: every mention pings.
    expect(html).toContain('<span class="mention ping" title="pings">@everyone</span>');
    expect(html).toContain('<span class="mention ping" title="pings">@user 42</span>');
  });

  it('shows mentions as not pinging when allowed_mentions says so', () => {
    const html = render((m) => renderDiscord({ content: '@everyone <@42>', allowed_mentions: { parse: ['users'] } }, '$.payload', m));
    expect(html).toContain('mention quiet');
    expect(html).toContain('<span class="mention ping" title="pings">@user 42</span>');
  });
});

describe('Microsoft Teams', () => {
  it('renders an Adaptive Card: TextBlock, RichTextBlock, FactSet, ColumnSet, Container, Image, actions', () => {
    const card = {
      type: 'AdaptiveCard', version: '1.2',
      body: [
        { type: 'TextBlock', text: 'Paid **$5**', size: 'Large', weight: 'Bolder', color: 'Good' },
        { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Customer: ', weight: 'Bolder' }, { type: 'TextRun', text: 'Ada <b>' }] },
        { type: 'FactSet', facts: [{ title: 'Amount', value: '$5' }] },
        { type: 'ColumnSet', columns: [{ type: 'Column', width: 'auto', items: [{ type: 'TextBlock', text: 'left' }] }, { type: 'Column', items: [{ type: 'Container', items: [{ type: 'Image', url: 'https://i.example/a.png', altText: 'logo' }] }] }] },
        { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Invoice', url: 'https://x.example/i' }] },
      ],
      actions: [{ type: 'Action.OpenUrl', title: 'Dashboard', url: 'https://x.example/d' }],
    };
    const html = render((m) => renderTeams({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }, '$.payload', m));
    expect(html).toContain('<div class="ac-text ac-c-good ac-s-large ac-bold">Paid <b>$5</b></div>');
    expect(html).toContain('<span class="ac-text ac-bold">Customer: </span><span class="ac-text">Ada &lt;b&gt;</span>');
    expect(html).toContain('<th>Amount</th><td>$5</td>');
    expect(html).toContain('<div class="ac-column ac-w-auto">');
    expect(html).toContain('🖼 logo');
    expect(html).toContain('>Invoice</a>');
    expect(html).toContain('>Dashboard</a>');
  });
});

describe('email', () => {
  it('puts the HTML body in a sandboxed frame without scripts, with its own CSP, and the text part beside it', () => {
    const html = render((m) => renderEmail('resend', { from: 'Billing <b@x.example>', to: ['ada@x.example'], subject: 'Receipt <1>', html: '<p>Hi</p><script>parent.x=1</script><img src="http://tracker.example/p.gif">', text: 'Hi there' }, '$.payload', m));
    expect(html).toContain('<th>Subject</th><td>Receipt &lt;1&gt;</td>');
    expect(html).toContain('<th>From</th><td>Billing &lt;b@x.example&gt;</td>');
    const frame = /<iframe ([^>]*)><\/iframe>/.exec(html)![1]!;
    expect(frame).toContain('sandbox=""');
    expect(frame).not.toContain('allow-scripts');
    // The body is an attribute value: no raw < or " can leave it.
    const srcdoc = /srcdoc="([^"]*)"/.exec(frame)![1]!;
    expect(srcdoc).not.toMatch(/[<>]/);
    expect(srcdoc).toContain('&lt;meta http-equiv=&quot;Content-Security-Policy&quot; content=&quot;default-src &#39;none&#39;');
    expect(html).toContain('<pre>Hi there</pre>');
  });

  it('reads SendGrid personalizations and content parts', () => {
    const html = render((m) => renderEmail('sendgrid', { personalizations: [{ to: [{ email: 'ada@x.example', name: 'Ada' }] }], from: { email: 'b@x.example' }, subject: 'S', content: [{ type: 'text/plain', value: 'plain' }, { type: 'text/html', value: '<b>rich</b>' }] }, '$.payload', m));
    expect(html).toContain('<td>Ada &lt;ada@x.example&gt;</td>');
    expect(html).toContain('<pre>plain</pre>');
    expect(html).toContain('&lt;b&gt;rich&lt;/b&gt;');
  });
});

describe('JSON view', () => {
  it('marks the node a finding is about, and the nearest existing one for a missing field', () => {
    const { html, unplaced } = renderJson({ a: { b: 'x' } }, { path: '$.payload', findings: [finding('$.payload.a.b', 'schema.invalid', 'error'), finding('$.payload.a.missing'), finding('$.url')] });
    expect(html).toContain('<span class="has-f sev-error" data-path="$.payload.a.b"><i class=s>&quot;x&quot;</i></span><span class="fbadge error"');
    expect(html).toMatch(/data-path="\$\.payload\.a">\{[\s\S]*<\/span><span class="fbadge warning"/);
    expect(unplaced.map((f) => f.jsonPath)).toEqual(['$.url']);
  });

  it('highlights the fields the destination reads', () => {
    const { html } = renderJson({ text: 'x', other: 1 }, { path: '$.payload', findings: [], highlight: (p) => p === '$.payload.text' });
    expect(html).toContain('<mark><i class=k>&quot;text&quot;</i></mark>');
    expect(html).not.toContain('<mark><i class=k>&quot;other&quot;');
  });
});
