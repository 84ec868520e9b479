// Keplars email API: the priority send routes and the lints the schemas cannot express.
// Source: https://docs.keplars.com/api-reference/send-email
import { isRecord, jsonPath, valueAt } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, DestinationRequest, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { KeplarsEmailSchema, KeplarsScheduleSchema } from './schema.js';

export * from './schema.js';

export const KEPLARS_HOSTS = ['api.keplars.com'] as const;

// Keplars documents no request size limit: nothing to check beyond valid JSON.
const NO_DOCUMENTED_LIMIT = Number.POSITIVE_INFINITY;

/** send-email: the same body on four priority queues; schedule wraps it. */
export const KEPLARS_PRIORITIES = ['instant', 'high', 'async', 'bulk'] as const;

export const KEPLARS_ENDPOINTS: readonly DestinationEndpoint[] = [
  ...KEPLARS_PRIORITIES.map((p) => ({ path: `/api/v1/send-email/${p}`, kind: p, schema: KeplarsEmailSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT })),
  { path: '/api/v1/send-email/schedule', kind: 'schedule', schema: KeplarsScheduleSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT },
];

const CODES = {
  'keplars.unknown-endpoint': error('an api.keplars.com path close to, but not, a /api/v1/send-email/ route'),
  'keplars.unvalidated-endpoint': warning('another api.keplars.com route: sent as is, not checked'),
  'keplars.invalid-email': error('an address field that is not a valid email address'),
  'keplars.to-not-array': error('to is not a non-empty array of addresses'),
  'keplars.missing-content': error('an email without template_id that lacks subject or body'),
  'keplars.template-with-content': error('an email with template_id and also subject or body'),
  'keplars.invalid-template-id': error('template_id is not a UUID (a placeholder id)'),
  'keplars.missing-schedule': error('a /send-email/schedule request without scheduled_at'),
  'keplars.unknown-field': warning('a field name from another mail API (html, templateId…) that Keplars ignores'),
};
const issue = issuesFor(CODES);

/** A schedule body without `email` is the flat form: the email fields plus scheduled_at. */
function flatSchedule({ route, payload }: DestinationRequest): Record<string, unknown> | undefined {
  return route.kind === 'schedule' && isRecord(payload) && !('email' in payload) ? payload : undefined;
}

/** Where the email's fields are: the body, or its `email` on a wrapped schedule. */
function emailPath(request: DestinationRequest): PropertyKey[] {
  return request.route.kind === 'schedule' && !flatSchedule(request) ? ['email'] : [];
}

function schemaInput(request: DestinationRequest) {
  const flat = flatSchedule(request);
  if (!flat) return { value: request.payload };
  const { scheduled_at: _at, timezone: _tz, ...flatEmail } = flat;
  return { value: flatEmail, schema: KeplarsEmailSchema, root: flat };
}

function scheduledAt(request: DestinationRequest): DestinationIssue[] {
  const flat = flatSchedule(request);
  return flat && typeof flat['scheduled_at'] !== 'string' ? [missingSchedule(['scheduled_at'])] : [];
}

function missingSchedule(path: PropertyKey[]): DestinationIssue {
  return issue('keplars.missing-schedule', path,
    '/send-email/schedule needs scheduled_at, a future time ("2025-12-25T09:00:00Z" or "2025-12-25_09:00:00" with timezone): set it, or send to /send-email/async');
}

// Other mail APIs' names for Keplars fields; Keplars ignores them.
const RENAMED: Record<string, string> = {
  html: 'body (with is_html: true)', text: 'body', templateId: 'template_id', dynamic_template_data: 'params',
  variables: 'params', fromName: 'from_name', replyTo: 'reply_to', isHtml: 'is_html',
};

function misnamed(email: unknown, at: PropertyKey[]): DestinationIssue[] {
  if (!isRecord(email)) return [];
  return Object.keys(email).filter((k) => RENAMED[k] !== undefined).map((k) => issue('keplars.unknown-field', [...at, k],
    `Keplars does not read ${k}, so it has no effect: use ${RENAMED[k]}`, 'warning'));
}

const classifyKeplars: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path.at(-1);
  if (zi.code === 'invalid_format' && zi.format === 'email') {
    return issue('keplars.invalid-email', path, `${jsonPath(path)} is not a valid email address (${describeValue(value)}): Keplars rejects the email`);
  }
  if (last === 'to' && (path.length === 1 || path[0] === 'email')) {
    return issue('keplars.to-not-array', path,
      `to must be a non-empty array of addresses, even for one recipient (got ${describeValue(value)}): to: [customer.email]`);
  }
  if (path.length === 1 && last === 'scheduled_at') return missingSchedule(path);
  return undefined;
};

export const keplars = defineDestination({
  id: 'keplars',
  title: 'Keplars',
  codePrefix: 'keplars',
  codes: CODES,
  hosts: KEPLARS_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  markup: { html: ['$[?(@.is_html==true)].body', '$.email[?(@.is_html==true)].body'] },
  routes: KEPLARS_ENDPOINTS,
  unknownRoute: { nearMiss: 'a Keplars send route' },
  checkBody: scheduledAt,
  schemaInput,
  classify: classifyKeplars,
  lint: (request) => misnamed(valueAt(request.payload, emailPath(request)), emailPath(request)),
});
