// Typed AutoSend requests for mappings. Bundled into snippets: plain code, types only from the schemas.
// Source: https://docs.autosend.com/api-reference/mails/send
import type { Send } from '../mapping/define-mapping.js';
import type { AutoSendBulk, AutoSendMail } from '../../destinations/autosend/schema.js';

export type { AutoSendAddress, AutoSendBulk, AutoSendMail } from '../../destinations/autosend/schema.js';

export const AUTOSEND_SEND_URL = 'https://api.autosend.com/v1/mails/send';
export const AUTOSEND_BULK_URL = 'https://api.autosend.com/v1/mails/bulk';

export interface AutoSendRequestOptions {
  /**
   * The AutoSend API key, e.g. `webhook.env?.["AUTOSEND_API_KEY"]`. When set, the request carries
   * `Authorization: Bearer <key>`; the returned headers replace the endpoint's headers. When absent,
   * no headers are set and the endpoint's own (the integration card's) are used.
   */
  apiKey?: string | undefined;
  /** AutoSend's optional Idempotency-Key header, so a webhook retry does not send twice. Sent only with `apiKey`. */
  idempotencyKey?: string | undefined;
}

function headersFor(options: AutoSendRequestOptions): Pick<Send, 'headers'> {
  if (!options.apiKey) return {};
  const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  return { headers };
}

/** POST /v1/mails/send: one recipient (`to` is an object), html/text or templateId. */
export function autosendMail(mail: AutoSendMail, options: AutoSendRequestOptions = {}): Send & { payload: AutoSendMail } {
  return { url: AUTOSEND_SEND_URL, method: 'POST', payload: mail, ...headersFor(options) };
}

/** POST /v1/mails/bulk: the same email to up to 100 recipients. */
export function autosendBulk(mail: AutoSendBulk, options: AutoSendRequestOptions = {}): Send & { payload: AutoSendBulk } {
  return { url: AUTOSEND_BULK_URL, method: 'POST', payload: mail, ...headersFor(options) };
}
