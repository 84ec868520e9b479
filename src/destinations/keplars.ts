// Keplars email API: the priority send routes and the lints the schemas cannot express.
// Source: https://docs.keplars.com/api-reference/send-email
import { checkMethod, checkSize, errorsFirst, parseUrl } from './checks.js';
import { isRecord, issue, jsonPath, valueAt } from './json.js';
import { KeplarsEmailSchema, KeplarsScheduleSchema } from './keplars-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { suggest } from '../util/suggest.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './keplars-schema.js';

export const KEPLARS_HOSTS = ['api.keplars.com'] as const;

// Keplars documents no request size limit: nothing to check beyond valid JSON.
const NO_DOCUMENTED_LIMIT = Number.POSITIVE_INFINITY;

/** send-email: the same body on four priority queues; schedule wraps it. */
export const KEPLARS_PRIORITIES = ['instant', 'high', 'async', 'bulk'] as const;

export const KEPLARS_ENDPOINTS: readonly DestinationEndpoint[] = [
  ...KEPLARS_PRIORITIES.map((p) => ({ path: `/api/v1/send-email/${p}`, kind: p, schema: KeplarsEmailSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT })),
  { path: '/api/v1/send-email/schedule', kind: 'schedule', schema: KeplarsScheduleSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT },
];

const NAME = 'Keplars';

export const keplars: Destination = {
  id: 'keplars',
  name: NAME,
  hosts: KEPLARS_HOSTS,
  matches: (url) => (KEPLARS_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: KEPLARS_ENDPOINTS,
  sizeLimitBytes: NO_DOCUMENTED_LIMIT,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const endpoint = KEPLARS_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) return unknownRoute(path);
    // A schedule body without `email` is the flat form: the email fields plus scheduled_at.
    const flatSchedule = endpoint.kind === 'schedule' && isRecord(payload) && !('email' in payload);
    const { scheduled_at: _at, timezone: _tz, ...flatEmail } = flatSchedule && isRecord(payload) ? payload : {};
    const parsed = flatSchedule ? KeplarsEmailSchema.safeParse(flatEmail) : endpoint.schema.safeParse(payload);
    const emailAt = endpoint.kind === 'schedule' && !flatSchedule ? ['email'] : [];
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME),
      ...(flatSchedule && isRecord(payload) && typeof payload['scheduled_at'] !== 'string' ? [missingSchedule(['scheduled_at'])] : []),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyKeplars)),
      ...misnamed(valueAt(payload, emailAt), emailAt),
    ]);
  },
};

function unknownRoute(path: string): DestinationIssue[] {
  const routes = KEPLARS_ENDPOINTS.map((e) => e.path);
  const near = suggest(path, routes);
  if (near) return [issue('keplars.unknown-endpoint', '$', `"${path}" is not a Keplars send route: did you mean ${near}?`)];
  return [issue('keplars.unvalidated-endpoint', '$', `${path} is not checked by dodo-transform (only ${routes.join(', ')} are): its body is sent as is`, 'warning')];
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
