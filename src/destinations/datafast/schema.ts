// Request body of DataFast's Payments API (POST /api/v1/payments).
// Source: https://datafa.st/docs/api/website/payments/create
import * as z from 'zod';

// "Amount in major currency units. Example: 29.99": a number, zero or more (refunds set refunded: true).
const Amount = z.number().min(0);
const Currency = z.string().regex(/^[A-Za-z]{3}$/);
// payments/create: "ISO 8601 event timestamp"; date-only or date-time with an offset.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
export const DataFastTimestampSchema = z.string().regex(ISO_8601).refine((s) => !Number.isNaN(Date.parse(s)));

/** One payment, renewal, refund or free trial; transaction_id makes re-sends idempotent. */
export const DataFastPaymentSchema = z.object({
  amount: Amount,
  currency: Currency,
  transaction_id: z.string().trim().min(1),
  datafast_visitor_id: z.string().min(1).optional(),
  email: z.string().optional(),
  customer_email: z.string().optional(),
  name: z.string().optional(),
  customer_name: z.string().optional(),
  customer_id: z.string().optional(),
  renewal: z.boolean().optional(),
  refunded: z.boolean().optional(),
  is_free_trial: z.boolean().optional(),
  timestamp: DataFastTimestampSchema.optional(),
});

export type DataFastPayment = z.infer<typeof DataFastPaymentSchema>;
