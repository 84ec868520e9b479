// Request bodies of Dub's conversion tracking API (POST /track/sale, POST /track/lead).
// Source: https://dub.co/docs/api-reference/endpoint/track-sale (and track-lead); field rules from the dub-ts SDK models
import * as z from 'zod';

/** The processors Dub's track-sale enum lists (dub-ts PaymentProcessor); there is no "dodo": use "custom". */
export const DUB_PAYMENT_PROCESSORS = ['stripe', 'shopify', 'polar', 'paddle', 'revenuecat', 'custom'] as const;
/** track-lead `mode`: record now (async), wait for the write, or defer the lead to a later request. */
export const DUB_LEAD_MODES = ['async', 'wait', 'deferred'] as const;
// track-sale and track-lead: metadata may be at most 10,000 characters once stringified.
export const DUB_METADATA_MAX_CHARS = 10_000;

const Metadata = z.record(z.string(), z.unknown()).superRefine((metadata, ctx) => {
  const length = JSON.stringify(metadata).length;
  if (length <= DUB_METADATA_MAX_CHARS) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'dub.metadata-too-long' },
    message: `metadata is ${length} characters as JSON; Dub accepts at most ${DUB_METADATA_MAX_CHARS}: keep ids and short labels, truncate long text`,
  });
});

/** "The unique ID of the customer in your system", 1 to 100 characters. */
const ExternalId = z.string().trim().min(1).max(100);
const OptionalText = z.string().nullable().optional();

/** Amount in the currency's smallest unit: cents for USD, whole yen for JPY. Never a decimal or a string. */
const Amount = z.number().int().min(0);
const Currency = z.string().regex(/^[A-Za-z]{3}$/);

const customerFields = {
  customerName: OptionalText,
  customerEmail: OptionalText,
  customerAvatar: OptionalText,
};

/** POST /track/sale. Without a prior lead, clickId (the dub_id cookie) attributes the sale directly. */
export const DubSaleSchema = z.object({
  customerExternalId: ExternalId,
  amount: Amount,
  currency: Currency.optional(),
  eventName: z.string().min(1).max(255).optional(),
  paymentProcessor: z.enum(DUB_PAYMENT_PROCESSORS).optional(),
  invoiceId: z.string().min(1).nullable().optional(),
  leadEventName: OptionalText,
  clickId: OptionalText,
  ...customerFields,
  metadata: Metadata.nullable().optional(),
});

/** POST /track/lead: clickId ties the lead to the click; eventName is what happened (e.g. "Sign up"). */
export const DubLeadSchema = z.object({
  clickId: z.string(),
  eventName: z.string().min(1).max(255),
  customerExternalId: ExternalId,
  ...customerFields,
  mode: z.enum(DUB_LEAD_MODES).optional(),
  eventQuantity: z.number().int().positive().optional(),
  metadata: Metadata.nullable().optional(),
});

export type DubPaymentProcessor = (typeof DUB_PAYMENT_PROCESSORS)[number];
export type DubSale = z.infer<typeof DubSaleSchema>;
export type DubLead = z.infer<typeof DubLeadSchema>;
