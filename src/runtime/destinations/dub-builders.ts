// Request builders for Dub's tracking API, bundled into snippets: plain functions, types only from the schema.
// Source: https://dub.co/docs/api-reference/endpoint/track-sale
import type { DubLead, DubSale } from '../../destinations/dub/schema.js';
export type { DubLead, DubPaymentProcessor, DubSale } from '../../destinations/dub/schema.js';

export const DUB_API_URL = 'https://api.dub.co';

/** A request a mapping handler can return as is. */
export interface DubRequest<T> {
  url: string;
  method: 'POST';
  payload: T;
  /** Only with an apiKey: they replace the endpoint's headers. */
  headers?: Record<string, string>;
}

export interface DubRequestOptions {
  /** Sent as "Authorization: Bearer <key>" when set (e.g. webhook.env?.['DUB_API_KEY']); needs conversions.write. */
  apiKey?: string | undefined;
}

function request<T>(path: string, payload: T, options?: DubRequestOptions): DubRequest<T> {
  const out: DubRequest<T> = { url: `${DUB_API_URL}${path}`, method: 'POST', payload };
  if (options?.apiKey) out.headers = { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' };
  return out;
}

/** Optional fields may be null or undefined: both are left out. */
type Loose<T> = { [K in keyof T]: T[K] | null | undefined };

function defined<T extends object>(input: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== null) out[key] = value;
  return out as T;
}

/**
 * POST /track/sale. `amount` is in the currency's smallest unit, which is what Dodo sends
 * (total_amount 2999 = $29.99, 4500 = ¥4500): pass it unchanged. paymentProcessor defaults to "custom".
 */
export function dubSale(input: Pick<DubSale, 'customerExternalId' | 'amount'> & Loose<Omit<DubSale, 'customerExternalId' | 'amount'>>, options?: DubRequestOptions): DubRequest<DubSale> {
  const payload = defined({ paymentProcessor: 'custom' as const, ...input }) as DubSale;
  if (payload.currency) payload.currency = payload.currency.toLowerCase();
  return request('/track/sale', payload, options);
}

/** POST /track/lead: a lead for the click `clickId` (the dub_id cookie), e.g. a trial start. */
export function dubLead(input: Pick<DubLead, 'clickId' | 'eventName' | 'customerExternalId'> & Loose<Omit<DubLead, 'clickId' | 'eventName' | 'customerExternalId'>>, options?: DubRequestOptions): DubRequest<DubLead> {
  return request('/track/lead', defined(input) as DubLead, options);
}
