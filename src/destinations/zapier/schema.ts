// Request bodies of Zapier's "Webhooks by Zapier" Catch Hook trigger.
// Source: https://help.zapier.com/hc/en-us/articles/8496288690317 (Catch Hook takes POSTed JSON; each key becomes a field)
import * as z from 'zod';

/** What a Catch Hook accepts: any JSON object, each top-level key a field later steps can map. */
export const ZapierCatchHookSchema = z.record(z.string(), z.unknown());

/** A value that stays one mappable field: Zapier turns arrays of objects into line items. */
export const ZapierScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * The shape that works best: flat fields whose values are scalars or lists of scalars
 * (a list becomes comma-separated text). Nested objects are flattened to `parent__child` fields.
 */
export const ZapierFlatPayloadSchema = z.record(z.string(), z.union([ZapierScalarSchema, z.array(ZapierScalarSchema)]));

export type ZapierCatchHookBody = z.infer<typeof ZapierCatchHookSchema>;
export type ZapierScalar = z.infer<typeof ZapierScalarSchema>;
export type ZapierFlatPayload = z.infer<typeof ZapierFlatPayloadSchema>;
