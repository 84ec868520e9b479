// Typed Keplars requests for mappings. Bundled into snippets: plain code, types only from the schema.
// Source: https://docs.keplars.com/api-reference/send-email
import type { Send } from '../mapping/define-mapping.js';
import type { KeplarsEmail } from '../../destinations/keplars/schema.js';

export type { KeplarsEmail } from '../../destinations/keplars/schema.js';

/** send-email priority queues: instant (0–5 s, OTPs), high (0–30 s), async (0–5 min, receipts), bulk (idle). */
export type KeplarsPriority = 'instant' | 'high' | 'async' | 'bulk';

export const KEPLARS_SEND_URL = 'https://api.keplars.com/api/v1/send-email/';

/**
 * POST /api/v1/send-email/<priority> (default "async", what Keplars recommends for receipts).
 * No headers: the Keplars card sends its API key as a Bearer token itself.
 */
export function keplarsEmail(email: KeplarsEmail, priority: KeplarsPriority = 'async'): Send & { payload: KeplarsEmail } {
  return { url: KEPLARS_SEND_URL + priority, method: 'POST', payload: email };
}
