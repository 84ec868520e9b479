// Typed Resend requests for mappings. Bundled into snippets: plain code, types only from the schemas.
// Source: https://resend.com/docs/api-reference/emails/send-email
import type { Send } from '../mapping/define-mapping.js';
import type { ResendBatch, ResendEmail } from '../../destinations/resend/schema.js';

export type { ResendBatch, ResendEmail, ResendTag } from '../../destinations/resend/schema.js';

export const RESEND_EMAILS_URL = 'https://api.resend.com/emails';
export const RESEND_BATCH_URL = 'https://api.resend.com/emails/batch';

export interface ResendRequestOptions {
  /**
   * The Resend API key, e.g. `webhook.env?.["RESEND_API_KEY"]`. When set, the request carries
   * `Authorization: Bearer <key>`; the returned headers replace the endpoint's headers. When
   * absent, no headers are set and the endpoint's own (the integration card's) are used.
   */
  apiKey?: string | undefined;
  /**
   * Resend's Idempotency-Key header (at most 256 characters, remembered 24 hours): a webhook
   * retry then cannot send the email twice. Sent only together with `apiKey`.
   */
  idempotencyKey?: string | undefined;
}

function headersFor(options: ResendRequestOptions): Pick<Send, 'headers'> {
  if (!options.apiKey) return {};
  const headers: Record<string, string> = { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey.slice(0, 256);
  return { headers };
}

/** POST /emails: one email (≤ 50 addresses in `to`; html, text or template). */
export function resendEmail(email: ResendEmail, options: ResendRequestOptions = {}): Send & { payload: ResendEmail } {
  return { url: RESEND_EMAILS_URL, method: 'POST', payload: email, ...headersFor(options) };
}

/** POST /emails/batch: up to 100 emails at once (no attachments or scheduled_at). */
export function resendBatch(emails: ResendBatch, options: ResendRequestOptions = {}): Send & { payload: ResendBatch } {
  return { url: RESEND_BATCH_URL, method: 'POST', payload: emails, ...headersFor(options) };
}
