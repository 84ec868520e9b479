// Typed SendGrid requests for mappings. Bundled into snippets: plain code, types only from the schemas.
// Source: https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send
import type { Send } from '../mapping/define-mapping.js';
import type { SendGridContacts, SendGridMail } from '../../destinations/sendgrid/schema.js';

export type { SendGridAddress, SendGridContact, SendGridContacts, SendGridContent, SendGridMail, SendGridPersonalization } from '../../destinations/sendgrid/schema.js';

export const SENDGRID_MAIL_SEND_URL = 'https://api.sendgrid.com/v3/mail/send';
export const SENDGRID_CONTACTS_URL = 'https://api.sendgrid.com/v3/marketing/contacts';

export interface SendGridRequestOptions {
  /**
   * The SendGrid API key, e.g. `webhook.env?.["SENDGRID_API_KEY"]`. When set, the request carries
   * `Authorization: Bearer <key>`; the returned headers replace the endpoint's headers. When absent,
   * no headers are set and the endpoint's own (the integration card's) are used.
   */
  apiKey?: string | undefined;
}

function headersFor(options: SendGridRequestOptions): Pick<Send, 'headers'> {
  return options.apiKey ? { headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' } } : {};
}

/** POST /v3/mail/send. `content` must list text/plain before text/html. */
export function sendgridMail(mail: SendGridMail, options: SendGridRequestOptions = {}): Send & { payload: SendGridMail } {
  return { url: SENDGRID_MAIL_SEND_URL, method: 'POST', payload: mail, ...headersFor(options) };
}

/** PUT /v3/marketing/contacts: upserts up to 30,000 contacts (custom fields must exist first). */
export function sendgridContacts(body: SendGridContacts, options: SendGridRequestOptions = {}): Send & { payload: SendGridContacts } {
  return { url: SENDGRID_CONTACTS_URL, method: 'PUT', payload: body, ...headersFor(options) };
}
