// Discord Execute Webhook: hosts, route, method, and the rules the schema cannot express.
// Source: https://discord.com/developers/docs/resources/webhook#execute-webhook
import { checkMethod, checkSize, errorsFirst, parseUrl } from './checks.js';
import { DiscordWebhookMessageSchema } from './discord-schema.js';
import { isRecord, issue, jsonPath } from './json.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './discord-schema.js';

/** discord.com, its former name discordapp.com (still served), and the PTB / Canary client hosts. */
export const DISCORD_HOSTS = ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'] as const;

// No byte limit is documented for a JSON body: the content and embed limits bound it.
export const DISCORD_SIZE_LIMIT_BYTES = Number.POSITIVE_INFINITY;

/** /api/webhooks/{id}/{token}, optionally versioned (/api/v10/…), then an optional sub-route. */
const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/\d+\/[\w-]+(\/.*)?$/;

export const DISCORD_ENDPOINT: DestinationEndpoint = {
  path: '/api/webhooks/{id}/{token}', kind: 'execute-webhook', schema: DiscordWebhookMessageSchema, sizeLimitBytes: DISCORD_SIZE_LIMIT_BYTES,
};

const NAME = 'Discord';

export const discord: Destination = {
  id: 'discord',
  name: NAME,
  hosts: DISCORD_HOSTS,
  matches: (url) => (DISCORD_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: [DISCORD_ENDPOINT],
  sizeLimitBytes: DISCORD_SIZE_LIMIT_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const match = WEBHOOK_PATH.exec(path);
    if (!match) {
      return [issue('discord.unknown-endpoint', '$',
        `"${path}" is not a webhook URL: copy it from the channel's Integrations → Webhooks → Copy Webhook URL (https://discord.com/api/webhooks/{id}/{token})`),
      ...checkMethod(method, NAME)];
    }
    const rest = match[1];
    if (rest !== undefined && rest !== '/') {
      // /slack and /github take those services' payloads; /messages/{id} edits or reads a sent message.
      return [issue('discord.unvalidated-endpoint', '$',
        `${rest} is not the Execute Webhook route, so the body is not checked: drop "${rest}" to send a Discord message`, 'warning')];
    }
    const parsed = DiscordWebhookMessageSchema.safeParse(payload);
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, DISCORD_ENDPOINT, NAME),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyDiscord)),
      ...(isRecord(payload) ? unrestrictedMentions(payload) : []),
    ]);
  },
};

// message "Allowed Mentions": without allowed_mentions the defaults apply to mentions in content.
const MENTION = /@everyone|@here|<@[!&]?\d+>/;

function unrestrictedMentions(message: Record<string, unknown>): DestinationIssue[] {
  const content = message['content'];
  if (typeof content !== 'string' || message['allowed_mentions'] !== undefined) return [];
  const found = MENTION.exec(content);
  if (!found) return [];
  return [issue('discord.unrestricted-mentions', ['allowed_mentions'],
    `content contains the mention ${JSON.stringify(found[0])} and no allowed_mentions; text from customers can notify people: set allowed_mentions: { parse: [] } (or list the ids you mean to ping)`,
    'warning')];
}

const HEX_COLOR = /^(?:#|0x)?([0-9a-f]{6}|[0-9a-f]{3})$/i;

function colorMessage(value: unknown): string {
  if (typeof value === 'string') {
    const hex = HEX_COLOR.exec(value.trim())?.[1];
    if (hex !== undefined) {
      const full = hex.length === 3 ? hex.split('').map((c) => c + c).join('') : hex;
      const int = Number.parseInt(full, 16);
      return `color must be an integer, not the string ${JSON.stringify(value)}: write 0x${full.toLowerCase()} (= ${int}), or discordColor(${JSON.stringify(value)})`;
    }
    return `color must be an integer RGB value such as 0x5865f2, not ${describeValue(value)}`;
  }
  return `color must be an integer from 0 to 16777215 (0xffffff), not ${describeValue(value)}`;
}

const classifyDiscord: IssueClassifier = ({ path, value }) => {
  const last = path[path.length - 1];
  if (last === 'color' && path[path.length - 3] === 'embeds') {
    return issue('discord.invalid-color', path, colorMessage(value));
  }
  if (last === 'timestamp') {
    return issue('discord.invalid-timestamp', path,
      `${jsonPath(path)} must be an ISO 8601 date-time such as "2025-08-04T05:30:45.182Z", not ${describeValue(value)}: pass the Dodo event's timestamp as it is`);
  }
  return undefined;
};
