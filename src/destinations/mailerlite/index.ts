// MailerLite (connect API): the subscriber upsert route and the lints the schema cannot express.
// Source: https://developers.mailerlite.com/docs/subscribers.html
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { MAILERLITE_STATUSES, MailerLiteSubscriberSchema } from './schema.js';

export * from './schema.js';

/** connect.mailerlite.com is the current API; api.mailerlite.com is the classic (v2) one, not checked. */
export const MAILERLITE_HOSTS = ['connect.mailerlite.com'] as const;

// MailerLite documents no request size limit: nothing to check beyond valid JSON.
const NO_DOCUMENTED_LIMIT = Number.POSITIVE_INFINITY;

export const MAILERLITE_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/api/subscribers', kind: 'subscriber', schema: MailerLiteSubscriberSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT },
];

const CODES = {
  'mailerlite.unknown-endpoint': error('a connect.mailerlite.com path close to, but not, /api/subscribers'),
  'mailerlite.unvalidated-endpoint': warning('another MailerLite route (e.g. PUT /api/subscribers/{id}): sent as is, not checked'),
  'mailerlite.invalid-email': error('email is missing or not a valid address'),
  'mailerlite.invalid-status': error('status is not active, unsubscribed, unconfirmed, bounced or junk'),
  'mailerlite.invalid-group': error('a groups entry that is not a numeric group id (a group name or placeholder)'),
  'mailerlite.invalid-date': error('a date that is not "yyyy-MM-dd HH:mm:ss"'),
  'mailerlite.invalid-field-value': error('a fields value that is not text, a number or null'),
  'mailerlite.unknown-field': warning('a top-level field MailerLite ignores (name, company… belong in fields)'),
};
const issue = issuesFor(CODES);

// Subscriber data that belongs in `fields` (default fields: name, last_name, company, country, city, phone, state, z_i_p).
const FIELD_KEYS = new Set(['name', 'last_name', 'company', 'country', 'city', 'phone', 'state', 'z_i_p', 'zip']);
const RENAMED: Record<string, string> = { group_ids: 'groups', groupIds: 'groups', resubscribe: 'status: "active"' };

function misplaced(payload: unknown): DestinationIssue[] {
  if (!isRecord(payload)) return [];
  return Object.keys(payload).flatMap((k) => {
    const right = FIELD_KEYS.has(k) ? `fields.${k === 'zip' ? 'z_i_p' : k}` : RENAMED[k];
    return right === undefined ? [] : [issue('mailerlite.unknown-field', [k], `MailerLite ignores a top-level ${k}: use ${right}`, 'warning')];
  });
}

const classifyMailerLite: IssueClassifier = ({ issue: zi, path, value }) => {
  if (zi.code === 'invalid_format' && zi.format === 'email') {
    return issue('mailerlite.invalid-email', path, `${jsonPath(path)} is not a valid email address (${describeValue(value)}): MailerLite rejects the subscriber`);
  }
  if (path.length === 1 && path[0] === 'email') {
    return issue('mailerlite.invalid-email', path, `email is required: the subscriber's address (e.g. customer.email), not ${describeValue(value)}`);
  }
  if (path.length === 1 && path[0] === 'status') {
    return issue('mailerlite.invalid-status', path, `status must be one of ${MAILERLITE_STATUSES.join(', ')}, not ${describeValue(value)}`);
  }
  if (path.length === 2 && path[0] === 'fields') {
    return issue('mailerlite.invalid-field-value', path,
      `${jsonPath(path)} must be text, a number or null, not ${describeValue(value)}: send dates as "yyyy-MM-dd" text and booleans as "yes"/"no" or 1/0`);
  }
  return undefined;
};

export const mailerlite = defineDestination({
  id: 'mailerlite',
  title: 'MailerLite',
  codePrefix: 'mailerlite',
  codes: CODES,
  hosts: MAILERLITE_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  routes: MAILERLITE_ENDPOINTS,
  // Other subscriber routes (PUT /api/subscribers/{id}, groups…) are real but not modelled.
  unknownRoute: {
    nearMiss: 'a MailerLite route', suggestUnless: /^\/api\/subscribers\//,
    checked: `only POST ${MAILERLITE_ENDPOINTS.map((e) => e.path).join(', ')} is`,
  },
  classify: classifyMailerLite,
  lint: ({ payload }) => misplaced(payload),
});
