// Typed builders for Discord Execute Webhook bodies. They are bundled into snippets, so they are plain
// functions: the types come from the zod schemas, zod itself stays in the validator.
import type { DiscordAllowedMentions, DiscordEmbed, DiscordEmbedField, DiscordWebhookMessage } from '../../destinations/discord/schema.js';

export type { DiscordAllowedMentions, DiscordEmbed, DiscordEmbedField, DiscordWebhookMessage };

/** The request body: content (≤ 2,000 characters) and/or up to 10 embeds (6,000 characters in all). */
export function discordMessage(message: DiscordWebhookMessage): DiscordWebhookMessage {
  return message;
}

/** One embed: title ≤ 256, description ≤ 4,096, ≤ 25 fields (name ≤ 256, value ≤ 1,024), footer ≤ 2,048. */
export function discordEmbed(embed: DiscordEmbed): DiscordEmbed {
  return embed;
}

/** "#5865f2", "5865f2" or "#fff" → the integer Discord wants in embed.color (a string is rejected). */
export function discordColor(hex: string): number {
  let digits = hex.replace(/^#|^0x/i, '');
  if (digits.length === 3) digits = digits.replace(/./g, '$&$&');
  const value = parseInt(digits, 16);
  if (!/^[0-9a-f]{6}$/i.test(digits) || Number.isNaN(value)) throw new Error(`discordColor: "${hex}" is not a hex colour such as "#5865f2"`);
  return value;
}
