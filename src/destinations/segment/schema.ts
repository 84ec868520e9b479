// Request bodies of Segment's HTTP Tracking API.
// Source: https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/
// and the common fields of https://segment.com/docs/connections/spec/common/
import * as z from 'zod';
import { isRecord } from '../../util/json.js';

/** A free-form JSON object (properties, traits, context, integrations). */
const JsonObject = z.record(z.string(), z.unknown());

// ISO 8601 date, or date-time with optional seconds, fraction and offset (Dodo sends 6 fraction digits).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** http-api page: `timestamp` is an ISO 8601 date string. */
export const SegmentTimestampSchema = z.string().regex(ISO_8601).refine((s) => !Number.isNaN(Date.parse(s)));

/** Fields every call shares (spec: common fields). userId may be null when anonymousId is set. */
const common = {
  userId: z.string().nullish(),
  anonymousId: z.string().nullish(),
  context: JsonObject.optional(),
  integrations: JsonObject.optional(),
  timestamp: SegmentTimestampSchema.optional(),
  sentAt: SegmentTimestampSchema.optional(),
  // http-api "Errors": messageId values must stay under 100 characters.
  messageId: z.string().min(1).max(100).optional(),
  writeKey: z.string().optional(),
};

const trackShape = { ...common, event: z.string().min(1), properties: JsonObject.optional() };
const identifyShape = { ...common, traits: JsonObject.optional() };
const pageShape = { ...common, name: z.string().optional(), category: z.string().optional(), properties: JsonObject.optional() };
const screenShape = { ...common, name: z.string().optional(), properties: JsonObject.optional() };
const groupShape = { ...common, groupId: z.string().min(1), traits: JsonObject.optional() };
// Alias renames previousId to userId, so userId itself is required.
const aliasShape = { ...common, userId: z.string().min(1), previousId: z.string().min(1) };

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** http-api "Errors": a payload with neither userId nor anonymousId is rejected (no_user_anon_id). */
function identity<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    if (!isRecord(value) || present(value['userId']) || present(value['anonymousId'])) return;
    ctx.addIssue({
      code: 'custom', path: ['userId'], params: { code: 'segment.missing-identity' },
      message: 'The call has neither userId nor anonymousId: Segment answers 200 and drops it. Set userId (e.g. the Dodo customer_id) or anonymousId',
    });
  }, { when: (payload) => isRecord(payload.value) }) as T;
}

// Single-call routes: `type` is optional (the route says it); a different value only gets a warning.
export const SegmentTrackSchema = identity(z.object({ ...trackShape, type: z.literal('track').optional() }));
export const SegmentIdentifySchema = identity(z.object({ ...identifyShape, type: z.literal('identify').optional() }));
export const SegmentPageSchema = identity(z.object({ ...pageShape, type: z.literal('page').optional() }));
export const SegmentScreenSchema = identity(z.object({ ...screenShape, type: z.literal('screen').optional() }));
export const SegmentGroupSchema = identity(z.object({ ...groupShape, type: z.literal('group').optional() }));
export const SegmentAliasSchema = z.object({ ...aliasShape, type: z.literal('alias').optional() });

/** http-api "Batch": each element must name its call in `type`. */
export const SegmentBatchItemSchema = z.discriminatedUnion('type', [
  identity(z.object({ ...trackShape, type: z.literal('track') })),
  identity(z.object({ ...identifyShape, type: z.literal('identify') })),
  identity(z.object({ ...pageShape, type: z.literal('page') })),
  identity(z.object({ ...screenShape, type: z.literal('screen') })),
  identity(z.object({ ...groupShape, type: z.literal('group') })),
  z.object({ ...aliasShape, type: z.literal('alias') }),
]);

/** The 2,500-event and 500 KB limits are checked by the destination, not the schema. */
export const SegmentBatchSchema = z.object({
  batch: z.array(SegmentBatchItemSchema),
  context: JsonObject.optional(),
  integrations: JsonObject.optional(),
  writeKey: z.string().optional(),
  sentAt: SegmentTimestampSchema.optional(),
});

/** userId or anonymousId, at least one (the schemas check this at run time). */
export type SegmentIdentity =
  | { userId: string; anonymousId?: string | null }
  | { userId?: string | null; anonymousId: string };
type WithIdentity<T> = Omit<T, 'userId' | 'anonymousId'> & SegmentIdentity;

export type SegmentTrack = WithIdentity<z.infer<typeof SegmentTrackSchema>>;
export type SegmentIdentify = WithIdentity<z.infer<typeof SegmentIdentifySchema>>;
export type SegmentPage = WithIdentity<z.infer<typeof SegmentPageSchema>>;
export type SegmentScreen = WithIdentity<z.infer<typeof SegmentScreenSchema>>;
export type SegmentGroup = WithIdentity<z.infer<typeof SegmentGroupSchema>>;
export type SegmentAlias = z.infer<typeof SegmentAliasSchema>;
type BatchItemInfer = z.infer<typeof SegmentBatchItemSchema>;
export type SegmentBatchItem = BatchItemInfer extends infer I ? I extends { type: 'alias' } ? I : WithIdentity<I> : never;
export type SegmentBatch = Omit<z.infer<typeof SegmentBatchSchema>, 'batch'> & { batch: SegmentBatchItem[] };
export type SegmentCallType = SegmentBatchItem['type'];
