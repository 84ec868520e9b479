// Typed MailerLite requests for mappings. Bundled into snippets: plain code, types only from the schema.
// Source: https://developers.mailerlite.com/docs/subscribers.html#create-upsert-subscriber
import type { Send } from '../mapping/define-mapping.js';
import type { MailerLiteSubscriber } from '../../destinations/mailerlite/schema.js';

export type { MailerLiteStatus, MailerLiteSubscriber } from '../../destinations/mailerlite/schema.js';

export const MAILERLITE_SUBSCRIBERS_URL = 'https://connect.mailerlite.com/api/subscribers';

export interface MailerLiteRequestOptions {
  /**
   * The MailerLite API token, e.g. `webhook.env?.["MAILERLITE_API_KEY"]`. When set, the request carries
   * `Authorization: Bearer <token>`; the returned headers replace the endpoint's headers. When absent,
   * no headers are set and the endpoint's own (the integration card's) are used.
   */
  apiKey?: string | undefined;
}

/**
 * POST /api/subscribers: creates the subscriber or updates the one with this email. Fields and groups
 * are only added: leaving one out keeps the stored value, and "" overwrites it.
 */
export function mailerliteSubscriber(subscriber: MailerLiteSubscriber, options: MailerLiteRequestOptions = {}): Send & { payload: MailerLiteSubscriber } {
  const headers = options.apiKey ? { headers: { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' } } : {};
  return { url: MAILERLITE_SUBSCRIBERS_URL, method: 'POST', payload: subscriber, ...headers };
}

/** "2025-08-04T05:30:45.182629Z" → "2025-08-04 05:30:45", the date format MailerLite's subscriber fields take (UTC). */
export function toMailerLiteDate(iso: string): string {
  return iso.slice(0, 19).replace('T', ' ');
}
