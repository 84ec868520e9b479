import { describe, expect, it } from 'vitest';
import { findDestination } from '../../../src/destinations/registry.js';
import { DISCORD_LIMITS, DiscordWebhookMessageSchema } from '../../../src/destinations/discord/index.js';
import type { DiscordEmbed, DiscordWebhookMessage } from '../../../src/destinations/discord/index.js';
import { discordColor, discordEmbed, discordMessage } from '../../../src/runtime/destinations/discord-builders.js';
import { check, found } from '../../support/destinations.js';

const URL = 'https://discord.com/api/webhooks/123456789012345678/AbCdEf_gh-IJ';

const embed: DiscordEmbed = {
  title: '💰 Payment received: $29.99',
  description: 'Ada Lovelace paid for **Pro**',
  url: 'https://example.com/pay_1',
  color: 0x2ecc71,
  timestamp: '2025-08-04T05:30:45.182Z',
  fields: [{ name: 'Amount', value: '$29.99', inline: true }, { name: 'Customer', value: 'Ada Lovelace' }],
  footer: { text: 'pay_1' },
  author: { name: 'Dodo Payments' },
};
const message: DiscordWebhookMessage = { content: 'New payment', username: 'Dodo Payments', embeds: [embed], allowed_mentions: { parse: [] } };

const withEmbed = (patch: Record<string, unknown>) => ({ embeds: [{ ...embed, ...patch }] });

describe('Discord: valid messages', () => {
  it('accepts content, embeds, or both', () => {
    expect(found(URL, message)).toEqual([]);
    expect(found(URL, { content: 'hello' })).toEqual([]);
    expect(found(URL, { embeds: [{ description: 'only a description' }] })).toEqual([]);
    expect(DiscordWebhookMessageSchema.safeParse(message).success).toBe(true);
  });

  it('is found on discord.com and discordapp.com, versioned or not, with query parameters', () => {
    for (const url of [URL, 'https://discordapp.com/api/webhooks/1/t', 'https://ptb.discord.com/api/v10/webhooks/1/t?wait=true&thread_id=9']) {
      expect(findDestination(url)?.id, url).toBe('discord');
      expect(found(url, message), url).toEqual([]);
    }
  });

  it('builds valid bodies with the builders', () => {
    const built = discordMessage({ embeds: [discordEmbed({ title: 'Hi', color: discordColor('#5865F2') })] });
    expect(found(URL, built)).toEqual([]);
    expect(discordColor('#ff0000')).toBe(0xff0000);
    expect(discordColor('fff')).toBe(0xffffff);
    expect(() => discordColor('red')).toThrow(/not a hex colour/);
  });
});

describe('Discord: rules', () => {
  it('needs content, embeds, components or a poll', () => {
    expect(found(URL, {})).toEqual(['discord.empty-message@$.content']);
    expect(found(URL, { content: '   ', embeds: [] })).toEqual(['discord.empty-message@$.content']);
    expect(found(URL, { username: 'Dodo' })).toEqual(['discord.empty-message@$.content']);
  });

  it('limits content to 2,000 characters, trimmed first', () => {
    expect(found(URL, { content: 'c'.repeat(2000) })).toEqual([]);
    expect(found(URL, { content: `  ${'c'.repeat(2000)}\n` })).toEqual([]);
    expect(found(URL, { content: 'c'.repeat(2001) })).toEqual(['discord.text-too-long@$.content']);
  });

  it('limits each embed text', () => {
    expect(found(URL, withEmbed({ title: 't'.repeat(256) }))).toEqual([]);
    expect(found(URL, withEmbed({ title: 't'.repeat(257) }))).toEqual(['discord.text-too-long@$.embeds[0].title']);
    expect(found(URL, withEmbed({ description: 'd'.repeat(4097) }))).toEqual(['discord.text-too-long@$.embeds[0].description']);
    expect(found(URL, withEmbed({ footer: { text: 'f'.repeat(2049) } }))).toEqual(['discord.text-too-long@$.embeds[0].footer.text']);
    expect(found(URL, withEmbed({ author: { name: 'a'.repeat(257) } }))).toEqual(['discord.text-too-long@$.embeds[0].author.name']);
    expect(found(URL, withEmbed({ fields: [{ name: 'n'.repeat(257), value: 'v' }] }))).toEqual(['discord.text-too-long@$.embeds[0].fields[0].name']);
    expect(found(URL, withEmbed({ fields: [{ name: 'n', value: 'v'.repeat(1025) }] }))).toEqual(['discord.text-too-long@$.embeds[0].fields[0].value']);
  });

  it('rejects empty field names and values', () => {
    expect(found(URL, withEmbed({ fields: [{ name: 'Customer', value: ' ' }] }))).toEqual(['discord.empty-field@$.embeds[0].fields[0].value']);
    expect(found(URL, withEmbed({ fields: [{ name: '', value: 'x' }] }))).toEqual(['discord.empty-field@$.embeds[0].fields[0].name']);
  });

  it('limits embeds to 10, fields to 25', () => {
    const many = (n: number) => ({ embeds: Array.from({ length: n }, () => ({ title: 't' })) });
    expect(found(URL, many(DISCORD_LIMITS.embeds))).toEqual([]);
    expect(found(URL, many(DISCORD_LIMITS.embeds + 1))).toEqual(['discord.too-many-embeds@$.embeds']);
    const fields = (n: number) => withEmbed({ fields: Array.from({ length: n }, () => ({ name: 'n', value: 'v' })) });
    expect(found(URL, fields(25))).toEqual([]);
    expect(found(URL, fields(26))).toEqual(['discord.too-many-fields@$.embeds[0].fields']);
  });

  it('limits the text of all embeds together to 6,000 characters', () => {
    // Two embeds, each within its own limits: 2 × (4,096 + 256) = 8,704 characters in all.
    const big = { title: 't'.repeat(256), description: 'd'.repeat(4096) };
    expect(found(URL, { embeds: [big] })).toEqual([]);
    const issues = check(URL, { embeds: [big, big] });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['discord.embeds-too-long@$.embeds']);
    expect(issues[0]?.message).toMatch(/8704 characters/);
    // url, color and other fields do not count.
    expect(found(URL, { embeds: [{ ...big, url: 'u'.repeat(3000) }, { description: 'd'.repeat(1648) }] })).toEqual([]);
  });

  it('wants colour as an integer, and says which one', () => {
    const issues = check(URL, withEmbed({ color: '#ff0000' }));
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['discord.invalid-color@$.embeds[0].color']);
    expect(issues[0]?.message).toMatch(/0xff0000 \(= 16711680\)/);
    expect(found(URL, withEmbed({ color: 0x1000000 }))).toEqual(['discord.invalid-color@$.embeds[0].color']);
    expect(found(URL, withEmbed({ color: -1 }))).toEqual(['discord.invalid-color@$.embeds[0].color']);
    expect(found(URL, withEmbed({ color: 1.5 }))).toEqual(['discord.invalid-color@$.embeds[0].color']);
    expect(found(URL, withEmbed({ color: 0xffffff }))).toEqual([]);
  });

  it('wants an ISO 8601 timestamp', () => {
    expect(found(URL, withEmbed({ timestamp: 1754285445 }))).toEqual(['discord.invalid-timestamp@$.embeds[0].timestamp']);
    expect(found(URL, withEmbed({ timestamp: '04/08/2025' }))).toEqual(['discord.invalid-timestamp@$.embeds[0].timestamp']);
    expect(found(URL, withEmbed({ timestamp: '2025-08-04T05:30:45.182629Z' }))).toEqual([]);
  });

  it('checks the username override', () => {
    expect(found(URL, { content: 'x', username: 'u'.repeat(81) })).toEqual(['discord.invalid-username@$.username']);
    expect(found(URL, { content: 'x', username: 'Discord Bot' })).toEqual(['discord.invalid-username@$.username']);
    expect(found(URL, { content: 'x', username: 'clyde' })).toEqual(['discord.invalid-username@$.username']);
    expect(found(URL, { content: 'x', username: 'here' })).toEqual(['discord.invalid-username@$.username']);
    expect(found(URL, { content: 'x', username: 'Dodo Payments' })).toEqual([]);
  });

  it('rejects allowed_mentions that parse and list the same kind', () => {
    expect(found(URL, { content: 'x', allowed_mentions: { parse: ['users'], users: ['1234'] } }))
      .toEqual(['discord.allowed-mentions-conflict@$.allowed_mentions.users']);
    expect(found(URL, { content: 'x', allowed_mentions: { parse: ['users', 'roles'], users: [] } })).toEqual([]);
    expect(found(URL, { content: 'x', allowed_mentions: { parse: ['everyone'], users: ['1234'] } })).toEqual([]);
  });

  it('warns about mentions in content without allowed_mentions', () => {
    expect(check(URL, { content: 'Hi @everyone' })).toMatchObject([{ code: 'discord.unrestricted-mentions', severity: 'warning' }]);
    expect(found(URL, { content: 'Hi <@1234>' })).toEqual(['discord.unrestricted-mentions@$.allowed_mentions']);
    expect(found(URL, { content: 'Hi @everyone', allowed_mentions: { parse: [] } })).toEqual([]);
    expect(found(URL, { content: 'mail ada@example.com' })).toEqual([]);
  });

  it('checks the route and the method', () => {
    expect(found('https://discord.com/api/channels/1/messages', message)).toEqual(['discord.unknown-endpoint@$']);
    expect(found('https://discord.com/invite/abc', message)).toEqual(['discord.unknown-endpoint@$']);
    expect(check(`${URL}/slack`, { text: 'slack-style' })).toMatchObject([{ code: 'discord.unvalidated-endpoint', severity: 'warning' }]);
    expect(found(URL, message, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('rejects a body that is not an object', () => {
    expect(found(URL, 'hello')).toEqual(['schema.invalid@$']);
    expect(found(URL, { embeds: { title: 'x' } })).toEqual(['schema.invalid@$.embeds']);
  });
});
