// Resend email API: routes, limits, and the lints the schemas cannot express.
// Source: https://resend.com/docs/api-reference/emails/send-email
import { isRecord } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { RESEND_BATCH_MAX_EMAILS, ResendBatchSchema, ResendEmailSchema } from './schema.js';
import { RESEND_SECRETS } from './secrets.js';

export * from './schema.js';

export const RESEND_HOSTS = ['api.resend.com'] as const;

// send-email attachments: "max 40MB per email, after Base64 encoding".
export const RESEND_LIMIT_BYTES = 40 * KIB * KIB;

export const RESEND_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/emails', kind: 'email', schema: ResendEmailSchema, sizeLimitBytes: RESEND_LIMIT_BYTES },
  { path: '/emails/batch', kind: 'batch', schema: ResendBatchSchema, sizeLimitBytes: RESEND_LIMIT_BYTES, maxItems: RESEND_BATCH_MAX_EMAILS },
];

const CODES = {
  'resend.unknown-endpoint': error('an api.resend.com path close to, but not, /emails or /emails/batch'),
  'resend.unvalidated-endpoint': warning('another api.resend.com route: sent as is, not checked'),
  'resend.invalid-address': error('from, to, cc, bcc or reply_to is not "addr" or "Name <addr>", or an empty list'),
  'resend.too-many-recipients': error('to lists more than 50 addresses'),
  'resend.missing-content': error('an email with no html, text or template'),
  'resend.template-with-content': error('an email with a template and html or text, which Resend rejects'),
  'resend.invalid-tag': error('a tag name or value with characters other than ASCII letters, digits, _ and -, or over 256 characters'),
  'resend.batch-too-many': error('a batch that is empty or holds more than 100 emails'),
  'resend.batch-unsupported-field': error('attachments or scheduled_at in a batch email, which /emails/batch does not support'),
  'resend.unknown-field': warning('a Node SDK field name (replyTo, scheduledAt) that the HTTP API ignores'),
};
const issue = issuesFor(CODES);

// The Node SDK's camelCase names; the HTTP API ignores them.
const SDK_NAMES: Record<string, string> = { replyTo: 'reply_to', scheduledAt: 'scheduled_at', topicId: 'topic_id' };

function misnamed(email: unknown, at: PropertyKey[]): DestinationIssue[] {
  if (!isRecord(email)) return [];
  return Object.keys(email).filter((k) => SDK_NAMES[k] !== undefined).map((k) => issue('resend.unknown-field', [...at, k],
    `${k} is the Node SDK's name; the HTTP API reads ${SDK_NAMES[k]}, so this field has no effect: rename it`, 'warning'));
}

const classifyResend: IssueClassifier = ({ path, value }) => {
  const last = path.at(-1);
  if (last === 'subject' && (value === undefined || value === '')) {
    return issue('schema.invalid', path, 'subject is required by Resend: set a short line such as "Your receipt from Acme"');
  }
  return undefined;
};

export const resend = defineDestination({
  id: 'resend',
  title: 'Resend',
  codePrefix: 'resend',
  codes: CODES,
  hosts: RESEND_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  auth: { schemes: ['Bearer'], how: 'Bearer and the API key' },
  secrets: RESEND_SECRETS,
  markup: { html: ['$.html', '$[*].html'] },
  routes: RESEND_ENDPOINTS,
  // A near miss of a modelled route is an error; any other path is a Resend route this tool does not check.
  unknownRoute: { nearMiss: 'a Resend route' },
  classify: classifyResend,
  lint: ({ payload }) => (Array.isArray(payload) ? payload.flatMap((e: unknown, i) => misnamed(e, [i])) : misnamed(payload, [])),
});
