// AutoSend email API: routes and the lints the schemas cannot express.
// Source: https://docs.autosend.com/api-reference (Send Email, Send Bulk Email)
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { AUTOSEND_BULK_MAX_RECIPIENTS, AutoSendBulkSchema, AutoSendMailSchema } from './schema.js';

export * from './schema.js';

export const AUTOSEND_HOSTS = ['api.autosend.com'] as const;

// AutoSend documents no request size limit: nothing to check beyond valid JSON.
const NO_DOCUMENTED_LIMIT = Number.POSITIVE_INFINITY;

export const AUTOSEND_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/v1/mails/send', kind: 'send', schema: AutoSendMailSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT },
  { path: '/v1/mails/bulk', kind: 'bulk', schema: AutoSendBulkSchema, sizeLimitBytes: NO_DOCUMENTED_LIMIT, maxItems: AUTOSEND_BULK_MAX_RECIPIENTS },
];

const CODES = {
  'autosend.unknown-endpoint': error('an api.autosend.com path close to, but not, /v1/mails/send or /v1/mails/bulk'),
  'autosend.unvalidated-endpoint': warning('another api.autosend.com route: sent as is, not checked'),
  'autosend.invalid-email': error('an email field that is not a valid address'),
  'autosend.to-not-object': error('to on /v1/mails/send is not one { email, name? } object (an array belongs on /v1/mails/bulk)'),
  'autosend.missing-content': error('an email with no html, text or templateId'),
  'autosend.missing-subject': error('an email without subject and without templateId'),
  'autosend.subject-too-long': error('a subject longer than 998 characters'),
  'autosend.too-many-recipients': error('a bulk email whose recipients is empty or holds more than 100'),
  'autosend.unknown-field': warning('a snake_case field name (template_id, reply_to…) that AutoSend ignores'),
};
const issue = issuesFor(CODES);

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

export const autosend = defineDestination({
  id: 'autosend',
  title: 'AutoSend',
  codePrefix: 'autosend',
  codes: CODES,
  hosts: AUTOSEND_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  auth: { schemes: ['Bearer'], how: 'Bearer and the API key' },
  markup: { html: ['$.html'] },
  routes: AUTOSEND_ENDPOINTS,
  unknownRoute: { nearMiss: 'an AutoSend route' },
  classify: classifyAutoSend,
  lint: ({ payload, route }) => misnamed(payload, route.kind),
});
