// Resend email API: routes, limits, and the lints the schemas cannot express.
// Source: https://resend.com/docs/api-reference/emails/send-email
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import { isRecord, issue } from './json.js';
import { RESEND_BATCH_MAX_EMAILS, ResendBatchSchema, ResendEmailSchema } from './resend-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { suggest } from '../util/suggest.js';
import { fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './resend-schema.js';

export const RESEND_HOSTS = ['api.resend.com'] as const;

// send-email attachments: "max 40MB per email, after Base64 encoding".
export const RESEND_LIMIT_BYTES = 40 * KIB * KIB;

export const RESEND_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/emails', kind: 'email', schema: ResendEmailSchema, sizeLimitBytes: RESEND_LIMIT_BYTES },
  { path: '/emails/batch', kind: 'batch', schema: ResendBatchSchema, sizeLimitBytes: RESEND_LIMIT_BYTES, maxItems: RESEND_BATCH_MAX_EMAILS },
];

const NAME = 'Resend';

export const resend: Destination = {
  id: 'resend',
  name: NAME,
  hosts: RESEND_HOSTS,
  matches: (url) => (RESEND_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: RESEND_ENDPOINTS,
  sizeLimitBytes: RESEND_LIMIT_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const endpoint = RESEND_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) return unknownRoute(path);
    const parsed = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyResend)),
      ...(Array.isArray(payload) ? payload.flatMap((e: unknown, i) => misnamed(e, [i])) : misnamed(payload, [])),
    ]);
  },
};

/** A near miss of a modelled route is an error; any other path is a Resend route this tool does not check. */
function unknownRoute(path: string): DestinationIssue[] {
  const routes = RESEND_ENDPOINTS.map((e) => e.path);
  const near = suggest(path, routes);
  if (near) return [issue('resend.unknown-endpoint', '$', `"${path}" is not a Resend route: did you mean ${near}?`)];
  return [issue('resend.unvalidated-endpoint', '$', `${path} is not checked by dodo-transform (only ${routes.join(' and ')} are): its body is sent as is`, 'warning')];
}

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
