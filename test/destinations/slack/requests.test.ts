import { describe, expect, it } from 'vitest';
import { findDestination } from '../../../src/destinations/registry.js';
import { SLACK_LIMITS, SlackMessageSchema } from '../../../src/destinations/slack/index.js';
import type { SlackMessage } from '../../../src/destinations/slack/index.js';
import { slackContext, slackDivider, slackHeader, slackMessage, slackSection } from '../../../src/runtime/destinations/slack-builders.js';
import { check, found } from '../../support/destinations.js';

const URL = 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX';

const message: SlackMessage = {
  text: 'Payment received: $29.99 from Ada Lovelace',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: '💰 Payment received: $29.99', emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: '*Ada Lovelace* paid <https://example.com|an invoice> &amp; more' } },
    { type: 'section', fields: [{ type: 'mrkdwn', text: '*Amount*\n$29.99' }, { type: 'plain_text', text: 'USD' }] },
    { type: 'divider' },
    { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'logo' },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'pay_1 · 4 Aug 2025' }, { type: 'image', image_url: 'https://example.com/i.png', alt_text: 'i' }] },
    { type: 'markdown', text: '**bold** and [a link](https://example.com)' },
    { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open' }, url: 'https://example.com' }] },
  ],
};

const section = (text: string) => ({ blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }], text: 'x' });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

describe('Slack: valid messages', () => {
  it('accepts a Block Kit message, a text-only message and legacy attachments', () => {
    expect(found(URL, message)).toEqual([]);
    expect(found(URL, { text: 'Hello' })).toEqual([]);
    expect(found(URL, { attachments: [{ color: '#2eb886', text: 'legacy', fallback: 'legacy' }] })).toEqual([]);
    expect(SlackMessageSchema.safeParse(message).success).toBe(true);
  });

  it('is found by host, for incoming webhook URLs only', () => {
    expect(findDestination(URL)?.id).toBe('slack');
    expect(findDestination('https://HOOKS.slack.com/services/T/B/X')?.id).toBe('slack');
    expect(findDestination('https://hooks.slack.com.evil.example/services/T/B/X')).toBeUndefined();
  });

  it('builds valid bodies with the builders', () => {
    const built = slackMessage({
      text: 'summary',
      blocks: [slackHeader('Title'), slackSection('*hi*', ['*A*\n1', '*B*\n2']), slackDivider(), slackContext('a', 'b')],
    });
    expect(found(URL, built)).toEqual([]);
    expect(slackSection(undefined, ['x'])).toEqual({ type: 'section', fields: [{ type: 'mrkdwn', text: 'x' }] });
  });
});

describe('Slack: rules', () => {
  it('needs text, blocks or attachments', () => {
    expect(found(URL, {})).toEqual(['slack.missing-text@$.text']);
    expect(found(URL, { text: '  ', blocks: [] })).toEqual(['slack.missing-text@$.text']);
  });

  it('warns when blocks come without a fallback text', () => {
    expect(check(URL, { blocks: [{ type: 'divider' }] })).toMatchObject([{ code: 'slack.missing-fallback-text', severity: 'warning' }]);
  });

  it('limits a message to 50 blocks', () => {
    const blocks = (n: number) => ({ text: 'x', blocks: Array.from({ length: n }, () => ({ type: 'divider' })) });
    expect(found(URL, blocks(SLACK_LIMITS.blocks))).toEqual([]);
    expect(found(URL, blocks(SLACK_LIMITS.blocks + 1))).toEqual(['slack.too-many-blocks@$.blocks']);
  });

  it('limits section text to 3,000 characters, counted in UTF-16 units', () => {
    expect(found(URL, section('a'.repeat(3000)))).toEqual([]);
    expect(found(URL, section('a'.repeat(3001)))).toEqual(['slack.text-too-long@$.blocks[0].text.text']);
    // 1,500 emoji: 1,500 code points, 3,000 UTF-16 units; one more letter is over.
    expect(found(URL, section(`${'🚀'.repeat(1500)}a`))).toEqual(['slack.text-too-long@$.blocks[0].text.text']);
    expect(check(URL, section('a'.repeat(3001)))[0]?.message).toMatch(/3001 characters; Slack accepts at most 3000/);
  });

  it('limits section fields to 10 of 2,000 characters', () => {
    const fields = (n: number, length = 1) => ({ text: 'x', blocks: [{ type: 'section', fields: Array.from({ length: n }, () => mrkdwn('f'.repeat(length))) }] });
    expect(found(URL, fields(10, 2000))).toEqual([]);
    expect(found(URL, fields(11))).toEqual(['slack.too-many-fields@$.blocks[0].fields']);
    expect(found(URL, fields(1, 2001))).toEqual(['slack.text-too-long@$.blocks[0].fields[0].text']);
  });

  it('limits header text to 150 characters of plain_text', () => {
    const header = (text: object) => ({ text: 'x', blocks: [{ type: 'header', text }] });
    expect(found(URL, header({ type: 'plain_text', text: 'h'.repeat(150) }))).toEqual([]);
    expect(found(URL, header({ type: 'plain_text', text: 'h'.repeat(151) }))).toEqual(['slack.text-too-long@$.blocks[0].text.text']);
    expect(found(URL, header({ type: 'mrkdwn', text: '*h*' }))).toEqual(['slack.invalid-text-type@$.blocks[0].text.type']);
  });

  it('knows the text type is spelt "mrkdwn"', () => {
    const issues = check(URL, { text: 'x', blocks: [{ type: 'section', text: { type: 'markdown', text: '*hi*' } }] });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['slack.invalid-text-type@$.blocks[0].text.type']);
    expect(issues[0]?.message).toMatch(/"mrkdwn"/);
  });

  it('rejects empty texts and empty sections', () => {
    expect(found(URL, section(''))).toEqual(['slack.empty-text@$.blocks[0].text.text']);
    expect(found(URL, { text: 'x', blocks: [{ type: 'section' }] })).toEqual(['slack.empty-section@$.blocks[0]']);
  });

  it('limits a context block to 10 elements', () => {
    const context = (n: number) => ({ text: 'x', blocks: [{ type: 'context', elements: Array.from({ length: n }, () => mrkdwn('c')) }] });
    expect(found(URL, context(10))).toEqual([]);
    expect(found(URL, context(11))).toEqual(['slack.too-many-fields@$.blocks[0].elements']);
  });

  it('limits markdown blocks to 12,000 characters together', () => {
    const md = (n: number) => ({ type: 'markdown', text: 'm'.repeat(n) });
    expect(found(URL, { text: 'x', blocks: [md(6000), md(6000)] })).toEqual([]);
    expect(found(URL, { text: 'x', blocks: [md(6000), md(6001)] })).toEqual(['slack.text-too-long@$.blocks']);
  });

  it('warns about unknown block types', () => {
    expect(check(URL, { text: 'x', blocks: [{ type: 'sectoin', text: mrkdwn('a') }] }))
      .toMatchObject([{ code: 'slack.invalid-block-type', path: '$.blocks[0].type', severity: 'warning' }]);
  });

  it('warns about a text Slack truncates, and fields app webhooks ignore', () => {
    expect(check(URL, { text: 't'.repeat(40001) })).toMatchObject([{ code: 'slack.text-truncated', severity: 'warning' }]);
    expect(check(URL, { text: 'x', channel: '#sales', icon_emoji: ':moneybag:' }).map((i) => `${i.code}@${i.path}`))
      .toEqual(['slack.ignored-field@$.channel', 'slack.ignored-field@$.icon_emoji']);
  });

  it('warns about unescaped &, < and > in mrkdwn, but not about links, mentions or entities', () => {
    expect(found(URL, section('Ada <script>alert(1)</script>'))).toEqual(['slack.unescaped-markup@$.blocks[0].text.text']);
    expect(found(URL, { text: 'Tom & Jerry' })).toEqual(['slack.unescaped-markup@$.text']);
    expect(found(URL, { text: 'Tom & Jerry', mrkdwn: false })).toEqual([]);
    expect(found(URL, section('<https://x.example|x> <@U123> <#C1> <!here> &lt;b&gt; &amp;'))).toEqual([]);
    expect(check(URL, { text: '<b>' })[0]?.message).toMatch(/escapeSlackText/);
  });

  it('checks the route and the method', () => {
    expect(found('https://hooks.slack.com/api/chat.postMessage', message)).toEqual(['slack.unknown-endpoint@$']);
    expect(check('https://hooks.slack.com/triggers/T1/123/abc', { anything: 1 }))
      .toMatchObject([{ code: 'slack.unvalidated-endpoint', severity: 'warning' }]);
    expect(found(URL, message, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('rejects a body that is not an object', () => {
    expect(found(URL, 'Payment received')).toEqual(['schema.invalid@$']);
    expect(found(URL, { text: 5 })).toEqual(['schema.invalid@$.text']);
  });
});
