// Request builder for DataFast's Payments API, bundled into snippets: a plain function, types only from the schema.
// Source: https://datafa.st/docs/api/website/payments/create
import type { DataFastPayment } from '../../destinations/datafast/schema.js';
export type { DataFastPayment } from '../../destinations/datafast/schema.js';

export const DATAFAST_PAYMENTS_URL = 'https://datafa.st/api/v1/payments';

/** A request a mapping handler can return as is. */
export interface DataFastRequest {
  url: string;
  method: 'POST';
  payload: DataFastPayment;
  /** Only with an apiKey: they replace the endpoint's headers. */
  headers?: Record<string, string>;
}

export interface DataFastRequestOptions {
  /** Sent as "Authorization: Bearer <key>" when set (e.g. webhook.env?.['DATAFAST_API_KEY']): a df_ website key. */
  apiKey?: string | undefined;
}

/**
 * POST /api/v1/payments. `amount` is in major units (toMajorUnits(total_amount, currency)), unlike Dodo's
 * minor units. Optional fields that are null or undefined (a missing visitor id, say) are left out.
 */
export function datafastPayment(
  input: Pick<DataFastPayment, 'amount' | 'currency' | 'transaction_id'> & { [K in Exclude<keyof DataFastPayment, 'amount' | 'currency' | 'transaction_id'>]?: DataFastPayment[K] | null },
  options?: DataFastRequestOptions,
): DataFastRequest {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined && value !== null) payload[key] = value;
  const out: DataFastRequest = { url: DATAFAST_PAYMENTS_URL, method: 'POST', payload: payload as DataFastPayment };
  if (options?.apiKey) out.headers = { Authorization: `Bearer ${options.apiKey}`, 'Content-Type': 'application/json' };
  return out;
}
