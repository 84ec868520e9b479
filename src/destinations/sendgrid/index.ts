// SendGrid v3 API: Mail Send and Marketing contacts, limits, and the lints the schemas cannot express.
// Source: https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { SendGridContactsSchema, SendGridMailSchema } from './schema.js';
import { SENDGRID_SECRETS } from './secrets.js';

export * from './schema.js';

/** mail-send "Base URL": api.sendgrid.com, and api.eu.sendgrid.com for EU regional subusers. */
export const SENDGRID_HOSTS = ['api.sendgrid.com', 'api.eu.sendgrid.com'] as const;

// mail-send: "The total size of your email, including attachments, must be less than 30MB."
export const SENDGRID_MAIL_LIMIT_BYTES = 30 * KIB * KIB;
// add-or-update-a-contact: 6MB of data per request.
export const SENDGRID_CONTACTS_LIMIT_BYTES = 6 * KIB * KIB;

export const SENDGRID_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/v3/mail/send', kind: 'mail', method: 'POST', schema: SendGridMailSchema, sizeLimitBytes: SENDGRID_MAIL_LIMIT_BYTES },
  { path: '/v3/marketing/contacts', kind: 'contacts', method: 'PUT', schema: SendGridContactsSchema, sizeLimitBytes: SENDGRID_CONTACTS_LIMIT_BYTES },
];

const CODES = {
  'sendgrid.unknown-endpoint': error('an api.sendgrid.com path close to, but not, /v3/mail/send or /v3/marketing/contacts'),
  'sendgrid.unvalidated-endpoint': warning('another SendGrid route: sent as is, not checked'),
  'sendgrid.missing-personalizations': error('a mail without personalizations, or with an empty array'),
  'sendgrid.too-many-personalizations': error('more than 1,000 personalizations in one request'),
  'sendgrid.missing-to': error('a personalization without a non-empty to array'),
  'sendgrid.too-many-recipients': error('more than 1,000 recipients (to + cc + bcc) in one request'),
  'sendgrid.duplicate-recipient': error('an address listed twice among one personalization\'s to, cc and bcc'),
  'sendgrid.invalid-email': error('an email field that is not a valid address'),
  'sendgrid.missing-content': error('a mail with neither content nor template_id'),
  'sendgrid.content-order': error('content not in the order text/plain, text/html, others, or a type listed twice'),
  'sendgrid.missing-subject': error('no subject at the top level, in every personalization, or from a template'),
  'sendgrid.invalid-categories': error('more than 10 categories, or one longer than 255 characters'),
  'sendgrid.method-not-put': error('marketing contacts sent with a method other than PUT'),
  'sendgrid.missing-contact-identifier': error('a contact without email, phone_number_id, external_id or anonymous_id'),
  'sendgrid.too-many-contacts': error('a contacts upsert that is empty or holds more than 30,000 contacts'),
  'sendgrid.unknown-field': warning('a top-level field from another mail API (to, html, text…) that Mail Send ignores'),
};
const issue = issuesFor(CODES);

/** Marketing contacts is an upsert taken only as PUT (POST there is a 405). */
function wrongMethod(method: string, route: DestinationEndpoint): DestinationIssue[] | undefined {
  if (route.method !== 'PUT') return undefined;
  return [issue('sendgrid.method-not-put', '$', `SendGrid ${route.path} takes PUT (an upsert), but the method is "${method}": return method: "PUT" from the handler`)];
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

export const sendgrid = defineDestination({
  id: 'sendgrid',
  title: 'SendGrid',
  codePrefix: 'sendgrid',
  codes: CODES,
  hosts: SENDGRID_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key (Mail Send)' },
  auth: { schemes: ['Bearer'], how: 'Bearer and the API key' },
  secrets: SENDGRID_SECRETS,
  markup: { html: ['$.content[?(@.type=="text/html")].value'] },
  routes: SENDGRID_ENDPOINTS,
  unknownRoute: { nearMiss: 'a SendGrid route' },
  wrongMethod,
  classify: classifySendGrid,
  lint: ({ payload, route }) => (route.kind === 'mail' ? misplaced(payload) : []),
});
