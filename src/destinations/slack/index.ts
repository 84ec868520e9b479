// Slack incoming webhooks: the route, the method, and the rules the schema cannot express.
// Source: https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks
import { isRecord } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { SLACK_BLOCK_TYPES, SLACK_LIMITS, SlackMessageSchema } from './schema.js';
import { SLACK_SECRETS } from './secrets.js';

export * from './schema.js';

export const SLACK_HOSTS = ['hooks.slack.com'] as const;

// No request-size limit is documented for incoming webhooks: the Block Kit limits bound the body instead.
export const SLACK_SIZE_LIMIT_BYTES = Number.POSITIVE_INFINITY;

/** An app's incoming webhook URL: /services/{team}/{bot}/{secret}. */
const SERVICES_PATH = /^\/services\/[^/]+\/[^/]+\/[^/]+\/?$/;
/** Workflow Builder webhooks (legacy /workflows/, current /triggers/) take the variables the workflow defines. */
const WORKFLOW_PATH = /^\/(?:workflows|triggers)\//;

export const SLACK_ENDPOINT: DestinationEndpoint = {
  path: '/services/{team}/{bot}/{secret}', match: SERVICES_PATH, kind: 'incoming-webhook', schema: SlackMessageSchema,
  sizeLimitBytes: SLACK_SIZE_LIMIT_BYTES,
};

const CODES = {
  'slack.unknown-endpoint': error('a hooks.slack.com path that is not an incoming webhook /services/T…/B…/…'),
  'slack.unvalidated-endpoint': warning('a Workflow Builder webhook (/workflows/, /triggers/): its body is free-form, not checked'),
  'slack.missing-text': error('a message with no text, blocks or attachments: Slack answers no_text'),
  'slack.missing-fallback-text': warning('blocks without a top-level text: notifications have nothing to show'),
  'slack.text-truncated': warning('a top-level text over 40,000 characters, which Slack truncates'),
  'slack.too-many-blocks': error('more than 50 blocks in one message'),
  'slack.too-many-fields': error('a section with more than 10 fields, or a context block with more than 10 elements'),
  'slack.text-too-long': error('a text over its Block Kit limit (section 3,000, field 2,000, header 150, markdown 12,000 in all)'),
  'slack.empty-text': error('a text object with an empty text: Slack rejects the blocks'),
  'slack.empty-section': error('a section block with neither text nor fields'),
  'slack.invalid-text-type': error('a text object whose type is not plain_text or mrkdwn (e.g. "markdown"), or mrkdwn where only plain_text is allowed'),
  'slack.invalid-block-type': warning('a block type Slack does not know: rejected with invalid_blocks'),
  'slack.ignored-field': warning('channel, username or icon on an app incoming webhook: ignored by Slack'),
  'slack.unescaped-markup': warning('a mrkdwn text with a raw &, or a < that starts no link or mention: escape customer text'),
};
const issue = issuesFor(CODES);

const IGNORED_FIELDS = ['channel', 'username', 'icon_emoji', 'icon_url'] as const;

function lint(message: Record<string, unknown>): DestinationIssue[] {
  const out: DestinationIssue[] = [];
  const { text, blocks } = message;
  if (Array.isArray(blocks) && blocks.length > 0 && (typeof text !== 'string' || text.trim() === '')) {
    out.push(issue('slack.missing-fallback-text', ['text'],
      'The message has blocks but no text: push notifications and screen readers fall back to text, so they show nothing useful. Set text to a one-line summary',
      'warning'));
  }
  if (typeof text === 'string' && text.length > SLACK_LIMITS.messageText) {
    out.push(issue('slack.text-truncated', ['text'],
      `text is ${text.length} characters; Slack truncates messages over ${SLACK_LIMITS.messageText}: shorten it`, 'warning'));
  }
  out.push(...markdownTotal(blocks));
  for (const field of IGNORED_FIELDS) {
    if (message[field] === undefined) continue;
    out.push(issue('slack.ignored-field', [field],
      `${field} has no effect: an app's incoming webhook always posts to the channel chosen at install, with the app's name and icon. Create one webhook per channel instead`,
      'warning'));
  }
  for (const [value, at] of mrkdwnTexts(message)) out.push(...unescaped(value, at));
  return out;
}

/** markdown block: "cumulative limit of 12,000 characters" over the message's markdown blocks. */
function markdownTotal(blocks: unknown): DestinationIssue[] {
  if (!Array.isArray(blocks)) return [];
  const total = blocks.reduce((sum: number, b: unknown) =>
    (isRecord(b) && b['type'] === 'markdown' && typeof b['text'] === 'string' ? sum + b['text'].length : sum), 0);
  if (total <= SLACK_LIMITS.markdownText) return [];
  return [issue('slack.text-too-long', ['blocks'],
    `The markdown blocks hold ${total} characters together; Slack accepts at most ${SLACK_LIMITS.markdownText} across a message: shorten them`)];
}

/** Every mrkdwn string of the message, with its path: top-level text and mrkdwn text objects in blocks. */
function mrkdwnTexts(message: Record<string, unknown>): [string, PropertyKey[]][] {
  const out: [string, PropertyKey[]][] = [];
  if (typeof message['text'] === 'string' && message['mrkdwn'] !== false) out.push([message['text'], ['text']]);
  const visit = (node: unknown, at: PropertyKey[]): void => {
    if (Array.isArray(node)) node.forEach((child: unknown, i) => visit(child, [...at, i]));
    else if (isRecord(node)) {
      if (node['type'] === 'mrkdwn' && typeof node['text'] === 'string' && node['verbatim'] !== true) out.push([node['text'], [...at, 'text']]);
      else for (const [key, child] of Object.entries(node)) visit(child, [...at, key]);
    }
  };
  visit(message['blocks'], ['blocks']);
  visit(message['attachments'], ['attachments']);
  return out;
}

// formatting "Escaping text": &, < and > are control characters; a < must start a link, mention or command.
const CONTROL = /<(?!(?:https?:\/\/|mailto:|tel:|[@#!]))|&(?!(?:amp|lt|gt);)/;

function unescaped(text: string, at: PropertyKey[]): DestinationIssue[] {
  const match = CONTROL.exec(text);
  if (!match) return [];
  const context = JSON.stringify(text.slice(match.index, match.index + 12));
  return [issue('slack.unescaped-markup', at,
    `The mrkdwn text has an unescaped "${match[0]}" (at ${context}); Slack reads &, < and > as markup and may drop or garble the rest: pass customer-provided strings through escapeSlackText()`,
    'warning')];
}

const classifySlack: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path[path.length - 1];
  if (zi.code === 'invalid_union' && zi.discriminator === 'type') {
    if (path[path.length - 3] === 'blocks') {
      return issue('slack.invalid-block-type', path,
        `Block type ${describeValue(value)} is not one this tool knows (${SLACK_BLOCK_TYPES.join(', ')}); Slack rejects unknown block types with invalid_blocks: check the spelling`,
        'warning');
    }
    return issue('slack.invalid-text-type', path, textTypeMessage(value, path[path.length - 3] === 'elements'));
  }
  if (zi.code === 'invalid_value' && last === 'type' && path[path.length - 2] === 'text') {
    return issue('slack.invalid-text-type', path,
      `This text must be a plain_text object, not ${describeValue(value)}: header and image title text is shown as is; put mrkdwn formatting in a section instead`);
  }
  return undefined;
};

function textTypeMessage(value: unknown, inContext: boolean): string {
  const allowed = inContext ? '"plain_text", "mrkdwn" or "image"' : '"plain_text" or "mrkdwn"';
  if (value === 'markdown') return `A text object's type is "mrkdwn" (Slack's spelling), not "markdown": use ${allowed}`;
  return `The text object's type must be ${allowed}, not ${describeValue(value)}`;
}

export const slack = defineDestination({
  id: 'slack',
  title: 'Slack',
  codePrefix: 'slack',
  codes: CODES,
  hosts: SLACK_HOSTS,
  urlFrom: 'card',
  card: { credentials: 'incoming webhook URL', sampleUrl: 'https://hooks.slack.com/services/TDODO1234/BDODO5678/sampleSecret' },
  secrets: SLACK_SECRETS,
  markup: { slackMrkdwn: ['$.text', '$.blocks[*].text.text', '$.blocks[*].fields[*].text', '$.blocks[*].elements[*].text', '$.attachments[*].text'] },
  routes: [SLACK_ENDPOINT],
  unvalidated: [{
    match: WORKFLOW_PATH, checkMethod: true,
    message: ({ input }) => `${input} is a Workflow Builder webhook: its body holds the variables the workflow defines, so it is not checked as a Block Kit message`,
  }],
  unknownRoute: {
    message: (path) => `"${path}" is not an incoming webhook URL: paste the URL Slack shows under Incoming Webhooks, https://hooks.slack.com/services/T…/B…/…`,
    checkMethod: true,
  },
  classify: classifySlack,
  lint: ({ payload }) => (isRecord(payload) ? lint(payload) : []),
});
