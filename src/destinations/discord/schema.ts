// JSON body of Discord's Execute Webhook (POST /api/webhooks/{id}/{token}).
// Sources: https://discord.com/developers/docs/resources/webhook#execute-webhook (fields) and
// https://discord.com/developers/docs/resources/message#embed-object-embed-limits (limits).
// Type-checked inside users' mappings (the builders import its types): zod only, no Node types, ES2020 library.
import * as z from 'zod';
import { isRecord } from '../../util/json.js';

export const DISCORD_LIMITS = {
  // execute-webhook: content "up to 2000 characters", embeds "array of up to 10"
  content: 2000,
  embeds: 10,
  // embed-limits
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  // "combined sum of characters in all title, description, field.name, field.value, footer.text, and author.name"
  embedTotal: 6000,
  // create-webhook: names up to 80 characters (execute's username override follows the same rules)
  username: 80,
  // allowed mentions: roles / users "max 100"
  mentionIds: 100,
  // embed color: an RGB integer, 0xFFFFFF at most
  color: 0xffffff,
} as const;

/**
 * Length as Discord checks it: leading and trailing whitespace is trimmed first (embed-limits).
 * Counted in UTF-16 code units, the stricter of the possible readings of "characters".
 */
export function discordLength(text: string): number {
  return text.trim().length;
}

function limited(max: number, what: string, required = false) {
  return z.string().superRefine((text, ctx) => {
    const length = discordLength(text);
    if (required && length === 0) {
      ctx.addIssue({
        code: 'custom', params: { code: 'discord.empty-field' },
        message: `${what} is empty (after trimming whitespace); Discord rejects the message with 400: give it a value such as "–", or leave the object out`,
      });
    } else if (length > max) {
      ctx.addIssue({
        code: 'custom', params: { code: 'discord.text-too-long' },
        message: `${what} is ${length} characters; Discord accepts at most ${max} and rejects the whole message with 400: shorten it, e.g. truncate(text, ${max})`,
      });
    }
  });
}

// ISO 8601 date-time, as embed.timestamp expects (the Dodo event's timestamp already is one).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const Timestamp = z.string().regex(ISO_8601).refine((s) => !Number.isNaN(Date.parse(s)));

export const DiscordEmbedFieldSchema = z.object({
  name: limited(DISCORD_LIMITS.fieldName, 'The field name', true),
  value: limited(DISCORD_LIMITS.fieldValue, 'The field value', true),
  inline: z.boolean().optional(),
});

export const DiscordEmbedSchema = z.object({
  title: limited(DISCORD_LIMITS.title, 'The embed title').optional(),
  // Webhook embeds are always "rich", whatever this says.
  type: z.string().optional(),
  description: limited(DISCORD_LIMITS.description, 'The embed description').optional(),
  url: z.string().optional(),
  timestamp: Timestamp.optional(),
  // An integer (0xRRGGBB), never a "#rrggbb" string.
  color: z.int().min(0).max(DISCORD_LIMITS.color).optional(),
  footer: z.object({ text: limited(DISCORD_LIMITS.footerText, 'The footer text', true), icon_url: z.string().optional() }).optional(),
  image: z.object({ url: z.string() }).optional(),
  thumbnail: z.object({ url: z.string() }).optional(),
  author: z.object({
    name: limited(DISCORD_LIMITS.authorName, 'The author name', true), url: z.string().optional(), icon_url: z.string().optional(),
  }).optional(),
  fields: z.array(DiscordEmbedFieldSchema).superRefine((fields, ctx) => {
    if (fields.length <= DISCORD_LIMITS.fields) return;
    ctx.addIssue({
      code: 'custom', params: { code: 'discord.too-many-fields' },
      message: `The embed has ${fields.length} fields; Discord accepts at most ${DISCORD_LIMITS.fields}: move the rest into the description or a second embed`,
    });
  }, { when: (p) => Array.isArray(p.value) }).optional(),
});

const MentionIds = z.array(z.string()).max(DISCORD_LIMITS.mentionIds);

/** allowed_mentions: `parse` excludes listing ids of the same kind ("mutually exclusive"). */
export const DiscordAllowedMentionsSchema = z.object({
  parse: z.array(z.enum(['roles', 'users', 'everyone'])).optional(),
  roles: MentionIds.optional(),
  users: MentionIds.optional(),
  replied_user: z.boolean().optional(),
}).superRefine((mentions, ctx) => {
  for (const kind of ['users', 'roles'] as const) {
    const ids = mentions[kind];
    if (!mentions.parse?.includes(kind) || ids === undefined || ids.length === 0) continue;
    ctx.addIssue({
      code: 'custom', path: [kind], params: { code: 'discord.allowed-mentions-conflict' },
      message: `allowed_mentions lists ${kind} ids and also has "${kind}" in parse; Discord rejects the pair: keep one of them`,
    });
  }
});

const FORBIDDEN_NAME_PARTS = ['clyde', 'discord'];
const FORBIDDEN_NAMES = ['everyone', 'here'];

const Username = z.string().superRefine((name, ctx) => {
  const lower = name.toLowerCase();
  const part = FORBIDDEN_NAME_PARTS.find((p) => lower.includes(p));
  let problem: string | undefined;
  if (name.trim().length === 0 || name.length > DISCORD_LIMITS.username) problem = `must be 1 to ${DISCORD_LIMITS.username} characters (it is ${name.length})`;
  else if (part !== undefined) problem = `cannot contain "${part}"`;
  else if (FORBIDDEN_NAMES.includes(lower)) problem = `cannot be "${name}"`;
  if (problem === undefined) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'discord.invalid-username' },
    message: `username ${problem}; Discord rejects the message with 400 (USERNAME_INVALID): pick another display name, or leave username out to use the webhook's own`,
  });
});

/** The text Discord sums against the 6,000-character budget, per embed. */
function embedChars(embed: unknown): number {
  if (!isRecord(embed)) return 0;
  const text = (v: unknown) => (typeof v === 'string' ? discordLength(v) : 0);
  let total = text(embed['title']) + text(embed['description']);
  if (isRecord(embed['footer'])) total += text(embed['footer']['text']);
  if (isRecord(embed['author'])) total += text(embed['author']['name']);
  if (Array.isArray(embed['fields'])) {
    for (const field of embed['fields']) if (isRecord(field)) total += text(field['name']) + text(field['value']);
  }
  return total;
}

const Embeds = z.array(DiscordEmbedSchema).superRefine((embeds, ctx) => {
  if (embeds.length > DISCORD_LIMITS.embeds) {
    ctx.addIssue({
      code: 'custom', params: { code: 'discord.too-many-embeds' },
      message: `The message has ${embeds.length} embeds; Discord accepts at most ${DISCORD_LIMITS.embeds}: send the rest in another message`,
    });
  }
  const total = embeds.reduce((sum: number, e: unknown) => sum + embedChars(e), 0);
  if (total > DISCORD_LIMITS.embedTotal) {
    ctx.addIssue({
      code: 'custom', params: { code: 'discord.embeds-too-long' },
      message: `The embeds hold ${total} characters of title, description, field, footer and author text together; Discord accepts at most ${DISCORD_LIMITS.embedTotal} per message and rejects it with 400: shorten the description or truncate field values`,
    });
  }
}, { when: (p) => Array.isArray(p.value) });

function present(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  return v !== undefined && v !== null;
}

/** The JSON body of POST /api/webhooks/{id}/{token}. */
export const DiscordWebhookMessageSchema = z.object({
  content: limited(DISCORD_LIMITS.content, 'content').optional(),
  username: Username.optional(),
  avatar_url: z.string().optional(),
  tts: z.boolean().optional(),
  embeds: Embeds.optional(),
  allowed_mentions: DiscordAllowedMentionsSchema.optional(),
  components: z.array(z.record(z.string(), z.unknown())).optional(),
  flags: z.int().optional(),
  thread_name: z.string().optional(),
  applied_tags: z.array(z.string()).optional(),
  poll: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.record(z.string(), z.unknown())).optional(),
}).superRefine((message, ctx) => {
  if (present(message.content) || present(message.embeds) || present(message.components) || present(message.poll)) return;
  ctx.addIssue({
    code: 'custom', path: ['content'], params: { code: 'discord.empty-message' },
    message: 'The message has no content, embeds, components or poll; Discord rejects it with 400 (Cannot send an empty message): set content or an embed',
  });
}, { when: (p) => isRecord(p.value) });

export type DiscordEmbedField = z.input<typeof DiscordEmbedFieldSchema>;
export type DiscordEmbed = z.input<typeof DiscordEmbedSchema>;
export type DiscordAllowedMentions = z.input<typeof DiscordAllowedMentionsSchema>;
export type DiscordWebhookMessage = z.input<typeof DiscordWebhookMessageSchema>;
