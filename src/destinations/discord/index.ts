// Discord Execute Webhook: hosts, route, method, and the rules the schema cannot express.
// Source: https://discord.com/developers/docs/resources/webhook#execute-webhook
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { DiscordWebhookMessageSchema } from './schema.js';
import { DISCORD_SECRETS } from './secrets.js';

export * from './schema.js';

/** discord.com, its former name discordapp.com (still served), and the PTB / Canary client hosts. */
export const DISCORD_HOSTS = ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'] as const;

// No byte limit is documented for a JSON body: the content and embed limits bound it.
export const DISCORD_SIZE_LIMIT_BYTES = Number.POSITIVE_INFINITY;

/** /api/webhooks/{id}/{token}, optionally versioned (/api/v10/…). */
const WEBHOOK_PATH = /^\/api(?:\/v\d+)?\/webhooks\/\d+\/[\w-]+\/?$/;
/** The same with a sub-route: /slack and /github take those services' payloads; /messages/{id} edits or reads a sent message. */
const SUB_ROUTE = /^\/api(?:\/v\d+)?\/webhooks\/\d+\/[\w-]+(\/.+)$/;

export const DISCORD_ENDPOINT: DestinationEndpoint = {
  path: '/api/webhooks/{id}/{token}', match: WEBHOOK_PATH, kind: 'execute-webhook', schema: DiscordWebhookMessageSchema,
  sizeLimitBytes: DISCORD_SIZE_LIMIT_BYTES,
};

const CODES = {
  'discord.unknown-endpoint': error('a Discord URL that is not a webhook /api/webhooks/{id}/{token}'),
  'discord.unvalidated-endpoint': warning('a webhook sub-route (/slack, /github, /messages/…): its body is not checked'),
  'discord.empty-message': error('a message with no content, embeds, components or poll: Discord answers 400'),
  'discord.text-too-long': error('content, an embed title, description, field, footer or author name over its limit'),
  'discord.embeds-too-long': error('more than 6,000 characters of text across all embeds of a message'),
  'discord.too-many-embeds': error('more than 10 embeds in one message'),
  'discord.too-many-fields': error('more than 25 fields in one embed'),
  'discord.empty-field': error('an embed field name or value, footer text or author name that is empty after trimming'),
  'discord.invalid-color': error('an embed color that is not an integer from 0 to 0xFFFFFF (e.g. the string "#ff0000")'),
  'discord.invalid-timestamp': error('an embed timestamp that is not an ISO 8601 date-time'),
  'discord.invalid-username': error('a username override that is empty, longer than 80 characters, or contains "discord" or "clyde"'),
  'discord.allowed-mentions-conflict': error('allowed_mentions lists user or role ids and also parses that kind'),
  'discord.unrestricted-mentions': warning('content with a mention and no allowed_mentions: customer text could ping people'),
};
const issue = issuesFor(CODES);

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

export const discord = defineDestination({
  id: 'discord',
  title: 'Discord',
  codePrefix: 'discord',
  codes: CODES,
  hosts: DISCORD_HOSTS,
  urlFrom: 'card',
  card: { credentials: 'channel webhook URL', sampleUrl: 'https://discord.com/api/webhooks/112233445566778899/card-supplied-sample' },
  secrets: DISCORD_SECRETS,
  markup: { discordMarkdown: ['$.content', '$.embeds[*].description', '$.embeds[*].fields[*].value'] },
  routes: [DISCORD_ENDPOINT],
  unvalidated: [{
    match: SUB_ROUTE,
    message: ([, rest]) => `${rest} is not the Execute Webhook route, so the body is not checked: drop "${rest}" to send a Discord message`,
  }],
  unknownRoute: {
    message: (path) => `"${path}" is not a webhook URL: copy it from the channel's Integrations → Webhooks → Copy Webhook URL (https://discord.com/api/webhooks/{id}/{token})`,
    checkMethod: true,
  },
  classify: classifyDiscord,
  lint: ({ payload }) => (isRecord(payload) ? unrestrictedMentions(payload) : []),
});
