import { describe, expect, it } from 'vitest';
import { placeholderReason } from '../../src/validate/placeholder-url.js';
import { checkResult } from '../../src/validate/check-result.js';
import { getDestination } from '../../src/destinations/registry.js';

describe('placeholder URLs', () => {
  it.each([
    'https://example.com/hook',
    'https://api.example.org/v1',
    'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    'https://discord.com/api/webhooks/000000000000000000/abc-token',
    'https://inn.gs/e/REPLACE_WITH_YOUR_EVENT_KEY',
    'https://your-instance.app.n8n.cloud/webhook/dodo',
    'https://hooks.zapier.com/hooks/catch/0000000/abcdef/',
    'https://hooks.acme.io/<your-path>',
    'https://shop.localhost/hook',
  ])('%s is a placeholder', (url) => {
    expect(placeholderReason(url)).toBeDefined();
  });

  it.each([
    'https://api.segment.io/v1/track',
    'https://hooks.slack.com/services/T04ABCD12/B05EFGH34/q1w2e3r4t5y6u7i8o9p0',
    'https://discord.com/api/webhooks/112233445566778899/aB3-xY9_token',
    'https://prod-27.westus.logic.azure.com:443/workflows/7d2f1c9a/triggers/manual/paths/invoke?api-version=2016-06-01&sig=abc',
    'https://hooks.acme-shop.io/orders?page=100000',
    'not a url',
  ])('%s is not', (url) => {
    expect(placeholderReason(url)).toBeUndefined();
  });

  it('every card destination\'s sample URL picks that destination and is no placeholder', () => {
    for (const id of ['slack', 'discord', 'microsoft-teams', 'zapier', 'n8n', 'inngest', 'windmill']) {
      const url = getDestination(id)!.card.sampleUrl!;
      expect(placeholderReason(url), id).toBeUndefined();
      expect(checkResult({ method: 'POST', url, payload: {} }).issues.some((i) => i.code === 'placeholder-url'), id).toBe(false);
    }
  });
});

describe('the URL against the declared destination', () => {
  const card = getDestination('slack')!.card.sampleUrl!;
  const request = (url: string) => ({ method: 'POST', url, payload: { text: 'hi' } });
  const codes = (url: string, context: Parameters<typeof checkResult>[1]) => checkResult(request(url), context).issues.map((i) => `${i.severity} ${i.code}`);

  it('a placeholder the code wrote is an error; the sample\'s own URL and a URL from webhook.env are not', () => {
    expect(codes('https://example.com/hook', { inputUrl: 'https://endpoint.example.com/x' })).toEqual(['error placeholder-url']);
    expect(codes('https://endpoint.example.com/x', { inputUrl: 'https://endpoint.example.com/x' })).toEqual([]);
    expect(codes('https://example.com/hook', { inputUrl: card, env: { HOOK: 'https://example.com/hook' } })).toEqual([]);
  });

  it('keeping the card\'s URL passes; replacing it is card-url-overwritten, unless it comes from webhook.env', () => {
    expect(codes(card, { inputUrl: card, declared: 'slack' })).toEqual([]);
    expect(codes('https://hooks.slack.com/services/T04ABCD12/B05EFGH34/q1w2e3r4t5y6u7i8o9p0', { inputUrl: card, declared: 'slack' })).toEqual(['error card-url-overwritten']);
    expect(codes('https://hooks.acme-shop.io/x', { inputUrl: card, declared: 'slack', env: { ALERTS: 'https://hooks.acme-shop.io/x' } })).toEqual([]);
  });

  it("the card's URL with a query or path added is still the card's URL (Discord's ?wait=true, ?thread_id=)", () => {
    const discord = getDestination('discord')!.card.sampleUrl!;
    const discordRequest = (url: string) => ({ method: 'POST', url, payload: { content: 'hi' } });
    const discordCodes = (url: string) => checkResult(discordRequest(url), { inputUrl: discord, declared: 'discord' }).issues.map((i) => i.code);
    expect(discordCodes(`${discord}?wait=true`)).toEqual([]);
    expect(discordCodes(`${discord}?thread_id=1234567890`)).toEqual([]);
    expect(discordCodes(`${discord}x`)).toEqual(['card-url-overwritten']);
    expect(discordCodes('https://discord.com/api/webhooks/1/abc')).toEqual(['card-url-overwritten']);
  });

  it('a URL of another destination is destination-mismatch; a code-URL destination left on the card\'s URL is url-not-set', () => {
    expect(codes('https://api.segment.io/v1/track', { inputUrl: card, declared: 'slack' })).toContain('warning destination-mismatch');
    expect(codes('https://endpoint.example.com/x', { inputUrl: 'https://endpoint.example.com/x', declared: 'segment' })).toEqual(['warning url-not-set']);
  });

  it('the declared destination\'s schema checks the body when the URL names no destination', () => {
    const verdict = checkResult({ method: 'POST', url: 'https://hooks.acme-shop.io/x', payload: { blocks: 'nope' } }, { declared: 'slack' });
    expect(verdict).toMatchObject({ destination: 'slack' });
    expect(verdict.issues.length).toBeGreaterThan(0);
  });
});

describe('placeholder credentials and checks behind a wrong URL', () => {
  const run = (headers: Record<string, string>, env?: Record<string, string>) => checkResult(
    { method: 'POST', url: 'https://api.resend.com/emails', headers, payload: { from: 'a@shop.io', to: ['b@shop.io'], subject: 's', html: '<p>x</p>' } },
    { ...(env && { env }) },
  ).issues.filter((i) => i.code === 'placeholder-credential').map((i) => `${i.severity} ${i.jsonPath}`);

  it('warns of a vendor placeholder in an auth header, not of a real-looking key or one from webhook.env', () => {
    for (const value of ['Bearer YOUR_API_KEY', 'Bearer re_123456789', 'Basic YOUR_SITE_ID:YOUR_API_KEY', 'Bearer <token>', 'Bearer {{key}}', 'Bearer SG.xxxxxxxxxxxxxxxx']) {
      expect(run({ Authorization: value }), value).toEqual(['warning $.headers["Authorization"]']);
    }
    expect(run({ 'X-API-Key': 'YOUR-API-KEY' })).toEqual(['warning $.headers["X-API-Key"]']);
    expect(run({ Authorization: 'Bearer re_8hF2kQpL3xZt9Wm4' })).toEqual([]);
    expect(run({ 'X-Request-Id': 'YOUR_ID' })).toEqual([]);
    expect(run({ Authorization: 'Bearer YOUR_API_KEY' }, { RESEND_KEY: 'YOUR_API_KEY' })).toEqual([]);
  });

  it("the destination's body checks still run when the URL replaces the card's", () => {
    const discord = getDestination('discord')!.card.sampleUrl!;
    const verdict = checkResult({ method: 'POST', url: 'https://discord.com/api/webhooks/1283/Jx8kToken', payload: { embeds: { title: 'x' } } }, { inputUrl: discord, declared: 'discord' });
    const codes = verdict.issues.map((i) => i.code);
    expect(codes).toContain('card-url-overwritten');
    expect(codes.some((c) => c !== 'card-url-overwritten' && c !== 'credential-literal')).toBe(true);
  });
});

