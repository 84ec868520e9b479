// AutoSend email API: routes and the lints the schemas cannot express.
// Source: https://docs.autosend.com/api-reference (Send Email, Send Bulk Email)
import { checkMethod, checkSize, errorsFirst, parseUrl } from './checks.js';
import { isRecord, issue, jsonPath } from './json.js';
import { AUTOSEND_BULK_MAX_RECIPIENTS, AutoSendBulkSchema, AutoSendMailSchema } from './autosend-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { suggest } from '../util/suggest.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './autosend-schema.js';

export const AUTOSEND_HOSTS = ['api.autosend.com'] as const;

// AutoSend documents no request size limit: nothing to check beyond valid JSON.
const NO_DOCUMENTED_LIMIT = Number.POSITIVE_INFINITY;

export const AUTOSEND_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/v1/mails/send', kind: 'send', schema: AutoSendMailSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT },
  { path: '/v1/mails/bulk', kind: 'bulk', schema: AutoSendBulkSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT, maxItems: AUTOSEND_BULK_MAX_RECIPIENTS },
];

const NAME = 'AutoSend';

export const autosend: Destination = {
  id: 'autosend',
  name: NAME,
  hosts: AUTOSEND_HOSTS,
  matches: (url) => (AUTOSEND_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: AUTOSEND_ENDPOINTS,
  sizeLimitBytes: NO_DOCUMENTED_LIMIT,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const endpoint = AUTOSEND_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) return unknownRoute(path);
    const parsed = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyAutoSend)),
      ...misnamed(payload, endpoint.kind),
    ]);
  },
};

function unknownRoute(path: string): DestinationIssue[] {
  const routes = AUTOSEND_ENDPOINTS.map((e) => e.path);
  const near = suggest(path, routes);
  if (near) return [issue('autosend.unknown-endpoint', '$', `"${path}" is not an AutoSend route: did you mean ${near}?`)];
  return [issue('autosend.unvalidated-endpoint', '$', `${path} is not checked by dodo-transform (only ${routes.join(' and ')} are): its body is sent as is`, 'warning')];
}

// AutoSend names fields in camelCase; snake_case names (SendGrid's, Resend's) are ignored.
const CAMEL_CASE: Record<string, string> = {
  template_id: 'templateId', dynamic_data: 'dynamicData', dynamic_template_data: 'dynamicData',
  reply_to: 'replyTo', scheduled_at: 'scheduledAt', unsubscribe_group_id: 'unsubscribeGroupId', campaign_name: 'campaignName',
};

function misnamed(payload: unknown, kind: string): DestinationIssue[] {
  if (!isRecord(payload)) return [];
  return Object.keys(payload).flatMap((k) => {
    const right = kind === 'bulk' && k === 'to' ? 'recipients' : CAMEL_CASE[k];
    return right === undefined ? [] : [issue('autosend.unknown-field', [k], `AutoSend does not read ${k}, so it has no effect: rename it to ${right}`, 'warning')];
  });
}

const classifyAutoSend: IssueClassifier = ({ issue: zi, path, value }) => {
  if (zi.code === 'invalid_format' && zi.format === 'email') {
    return issue('autosend.invalid-email', path, `${jsonPath(path)} is not a valid email address (${describeValue(value)}): AutoSend rejects the email`);
  }
  if (path.length === 1 && path[0] === 'to') {
    return issue('autosend.to-not-object', path, Array.isArray(value)
      ? 'to is an array; /v1/mails/send takes one recipient as an object { email, name? }: send to customers one by one, or use /v1/mails/bulk with recipients'
      : `to must be one recipient object { email, name? }, not ${describeValue(value)}`);
  }
  return undefined;
};
