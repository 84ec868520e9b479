// SendGrid v3 API: Mail Send and Marketing contacts, limits, and the lints the schemas cannot express.
// Source: https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import { isRecord, issue, jsonPath } from './json.js';
import { SendGridContactsSchema, SendGridMailSchema } from './sendgrid-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { suggest } from '../util/suggest.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './sendgrid-schema.js';

/** mail-send "Base URL": api.sendgrid.com, and api.eu.sendgrid.com for EU regional subusers. */
export const SENDGRID_HOSTS = ['api.sendgrid.com', 'api.eu.sendgrid.com'] as const;

// mail-send: "The total size of your email, including attachments, must be less than 30MB."
export const SENDGRID_MAIL_LIMIT_BYTES = 30 * KIB * KIB;
// add-or-update-a-contact: 6MB of data per request.
export const SENDGRID_CONTACTS_LIMIT_BYTES = 6 * KIB * KIB;

interface SendGridEndpoint extends DestinationEndpoint {
  method: 'POST' | 'PUT';
}

export const SENDGRID_ENDPOINTS: readonly SendGridEndpoint[] = [
  { path: '/v3/mail/send', kind: 'mail', method: 'POST', schema: SendGridMailSchema, sizeLimitBytes: SENDGRID_MAIL_LIMIT_BYTES },
  { path: '/v3/marketing/contacts', kind: 'contacts', method: 'PUT', schema: SendGridContactsSchema, sizeLimitBytes: SENDGRID_CONTACTS_LIMIT_BYTES },
];

const NAME = 'SendGrid';

export const sendgrid: Destination = {
  id: 'sendgrid',
  name: NAME,
  hosts: SENDGRID_HOSTS,
  matches: (url) => (SENDGRID_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: SENDGRID_ENDPOINTS,
  sizeLimitBytes: SENDGRID_MAIL_LIMIT_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const endpoint = SENDGRID_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) return unknownRoute(path);
    const parsed = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...(endpoint.method === 'POST' ? checkMethod(method, NAME) : checkPut(method, endpoint.path)),
      ...checkSize(payload, endpoint, NAME),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifySendGrid)),
      ...(endpoint.kind === 'mail' ? misplaced(payload) : []),
    ]);
  },
};

/** Marketing contacts is an upsert taken only as PUT (POST there is a 405). */
function checkPut(method: string, path: string): DestinationIssue[] {
  if (method.toUpperCase() === 'PUT') return [];
  return [issue('sendgrid.method-not-put', '$', `SendGrid ${path} takes PUT (an upsert), but the method is "${method}": return method: "PUT" from the handler`)];
}

function unknownRoute(path: string): DestinationIssue[] {
  const routes = SENDGRID_ENDPOINTS.map((e) => e.path);
  const near = suggest(path, routes);
  if (near) return [issue('sendgrid.unknown-endpoint', '$', `"${path}" is not a SendGrid route: did you mean ${near}?`)];
  return [issue('sendgrid.unvalidated-endpoint', '$', `${path} is not checked by dodo-transform (only ${routes.join(' and ')} are): its body is sent as is`, 'warning')];
}

// Fields other mail APIs (and SendGrid's own Node helper) take at the top level; v3 wants them elsewhere.
const TOP_LEVEL_MISTAKES: Record<string, string> = {
  to: 'personalizations[].to', cc: 'personalizations[].cc', bcc: 'personalizations[].bcc',
  html: 'content [{ type: "text/html", value }]', text: 'content [{ type: "text/plain", value }]',
  dynamic_template_data: 'personalizations[].dynamic_template_data', dynamicTemplateData: 'personalizations[].dynamic_template_data',
  templateId: 'template_id', replyTo: 'reply_to',
};

function misplaced(payload: unknown): DestinationIssue[] {
  if (!isRecord(payload)) return [];
  return Object.keys(payload).filter((k) => TOP_LEVEL_MISTAKES[k] !== undefined).map((k) => issue('sendgrid.unknown-field', [k],
    `${k} is not a top-level Mail Send field, so it has no effect: move it to ${TOP_LEVEL_MISTAKES[k]}`, 'warning'));
}

const classifySendGrid: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path.at(-1);
  if (zi.code === 'invalid_format' && zi.format === 'email') {
    return issue('sendgrid.invalid-email', path, `${jsonPath(path)} is not a valid email address (${describeValue(value)}): SendGrid rejects the whole request`);
  }
  if (path.length === 1 && last === 'personalizations') {
    return issue('sendgrid.missing-personalizations', path,
      `Mail Send needs personalizations with at least one entry, each with to (got ${describeValue(value)}): personalizations: [{ to: [{ email: customer.email }] }]`);
  }
  if (path[0] === 'personalizations' && path.length === 3 && last === 'to') {
    return issue('sendgrid.missing-to', path, `Every personalization needs to, a non-empty array of { email, name? } (got ${describeValue(value)})`);
  }
  if (path.length === 1 && last === 'from' && value === undefined) {
    return issue('schema.invalid', path, 'from is required: { email: "billing@yourdomain.com", name: "Acme Billing" } with a sender verified in SendGrid');
  }
  return undefined;
};
