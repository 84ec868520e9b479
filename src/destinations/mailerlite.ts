// MailerLite (connect API): the subscriber upsert route and the lints the schema cannot express.
// Source: https://developers.mailerlite.com/docs/subscribers.html
import { checkMethod, checkSize, errorsFirst, parseUrl } from './checks.js';
import { isRecord, issue, jsonPath } from './json.js';
import { MAILERLITE_STATUSES, MailerLiteSubscriberSchema } from './mailerlite-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { suggest } from '../util/suggest.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './mailerlite-schema.js';

/** connect.mailerlite.com is the current API; api.mailerlite.com is the classic (v2) one, not checked. */
export const MAILERLITE_HOSTS = ['connect.mailerlite.com'] as const;

// MailerLite documents no request size limit: nothing to check beyond valid JSON.
const NO_DOCUMENTED_LIMIT = Number.POSITIVE_INFINITY;

export const MAILERLITE_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/api/subscribers', kind: 'subscriber', schema: MailerLiteSubscriberSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT },
];

const NAME = 'MailerLite';

export const mailerlite: Destination = {
  id: 'mailerlite',
  name: NAME,
  hosts: MAILERLITE_HOSTS,
  matches: (url) => (MAILERLITE_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: MAILERLITE_ENDPOINTS,
  sizeLimitBytes: NO_DOCUMENTED_LIMIT,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const endpoint = MAILERLITE_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) return unknownRoute(path);
    const parsed = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyMailerLite)),
      ...misplaced(payload),
    ]);
  },
};

/** Other subscriber routes (PUT /api/subscribers/{id}, groups…) are real but not modelled. */
function unknownRoute(path: string): DestinationIssue[] {
  const routes = MAILERLITE_ENDPOINTS.map((e) => e.path);
  const near = path.startsWith('/api/subscribers/') ? undefined : suggest(path, routes);
  if (near) return [issue('mailerlite.unknown-endpoint', '$', `"${path}" is not a MailerLite route: did you mean ${near}?`)];
  return [issue('mailerlite.unvalidated-endpoint', '$', `${path} is not checked by dodo-transform (only POST ${routes.join(', ')} is): its body is sent as is`, 'warning')];
}

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
