// Request bodies of HubSpot's CRM v3 object API and custom event (behavioral event) API.
// Sources: https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/guide (objects, batch upsert) and
// https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide (events/v3/send, "Limits")
import * as z from 'zod';

/** CRM property values are stored as strings; numbers and booleans are accepted. null is not: "" clears. */
export const HubSpotPropertyValueSchema = z.union([z.string(), z.number(), z.boolean()]);
export const HubSpotPropertiesSchema = z.record(z.string(), HubSpotPropertyValueSchema);

// CRM guide: a record ID is numeric ("12345"); Dodo ids such as "cus_…" are not HubSpot record IDs.
const RecordId = z.union([z.string().regex(/^\d+$/), z.number().int().positive()]);

// Batch endpoints take at most 100 inputs (CRM) and 500 occurrences (events/v3/send/batch, "Limits").
export const HUBSPOT_CRM_BATCH_MAX = 100;
export const HUBSPOT_EVENT_BATCH_MAX = 500;

const Association = z.object({
  to: z.object({ id: RecordId }),
  types: z.array(z.object({
    associationCategory: z.enum(['HUBSPOT_DEFINED', 'USER_DEFINED', 'INTEGRATOR_DEFINED']),
    associationTypeId: z.number().int(),
  })).min(1),
});

/** POST /crm/v3/objects/{objectType}. */
export const HubSpotObjectCreateSchema = z.object({ properties: HubSpotPropertiesSchema, associations: z.array(Association).optional() });
/** PATCH /crm/v3/objects/{objectType}/{id}[?idProperty=…]. */
export const HubSpotObjectUpdateSchema = z.object({ properties: HubSpotPropertiesSchema });

const trace = { objectWriteTraceId: z.string().optional() };
const batch = <T extends z.ZodType>(item: T) => z.object({ inputs: z.array(item).min(1).max(HUBSPOT_CRM_BATCH_MAX) });

/** POST …/batch/upsert: records named by a unique property (e.g. idProperty "email", id "ada@example.com"). */
export const HubSpotBatchUpsertInputSchema = z.object({ id: z.string().min(1), idProperty: z.string().min(1), properties: HubSpotPropertiesSchema, ...trace });
export const HubSpotBatchUpsertSchema = batch(HubSpotBatchUpsertInputSchema);
export const HubSpotBatchCreateSchema = batch(z.object({ properties: HubSpotPropertiesSchema, associations: z.array(Association).optional(), ...trace }));
/** POST …/batch/update: `id` is a record ID unless idProperty names a unique property. */
export const HubSpotBatchUpdateSchema = batch(z.object({ id: z.string().min(1), idProperty: z.string().optional(), properties: HubSpotPropertiesSchema, ...trace })
  .superRefine((input, ctx) => {
    if (input.idProperty !== undefined || /^\d+$/.test(input.id)) return;
    ctx.addIssue({
      code: 'custom', path: ['id'], params: { code: 'hubspot.invalid-record-id' },
      message: `id "${input.id}" is not a HubSpot record ID (those are numeric): set idProperty (e.g. "email") to update by a unique property`,
    });
  }));

// Send-event guide, "Limits": ≤ 50 properties; internal names ≤ 50 characters, lowercase a-z, 0-9 and "_",
// starting with a letter; values ≤ 256 characters, URL and referrer properties ≤ 1,024.
export const HUBSPOT_EVENT_MAX_PROPERTIES = 50;
export const HUBSPOT_EVENT_NAME_MAX = 50;
export const HUBSPOT_EVENT_VALUE_MAX = 256;
export const HUBSPOT_EVENT_URL_VALUE_MAX = 1024;
const PROPERTY_NAME = /^[a-z][a-z0-9_]*$/;

/** URL and referrer properties get the longer limit. */
export function hubspotEventValueLimit(name: string): number {
  return /url|referrer/.test(name) ? HUBSPOT_EVENT_URL_VALUE_MAX : HUBSPOT_EVENT_VALUE_MAX;
}

const EventProperties = z.record(z.string(), HubSpotPropertyValueSchema).superRefine((properties, ctx) => {
  const names = Object.keys(properties);
  if (names.length > HUBSPOT_EVENT_MAX_PROPERTIES) {
    ctx.addIssue({
      code: 'custom', params: { code: 'hubspot.too-many-properties' },
      message: `The occurrence sets ${names.length} properties; HubSpot takes at most ${HUBSPOT_EVENT_MAX_PROPERTIES} per event and fails the request: send fewer`,
    });
  }
  for (const name of names) {
    if (name.length > HUBSPOT_EVENT_NAME_MAX || !PROPERTY_NAME.test(name)) {
      ctx.addIssue({
        code: 'custom', path: [name], params: { code: 'hubspot.invalid-property-name' },
        message: `Event property name ${JSON.stringify(name)} must start with a letter, use only a-z, 0-9 and "_", and be at most ${HUBSPOT_EVENT_NAME_MAX} characters (e.g. "amount_paid")`,
      });
    }
    const value = properties[name];
    const limit = hubspotEventValueLimit(name);
    if (typeof value === 'string' && value.length > limit) {
      ctx.addIssue({
        code: 'custom', path: [name], params: { code: 'hubspot.property-value-too-long' },
        message: `Event property "${name}" is ${value.length} characters; HubSpot accepts at most ${limit} and fails the request: truncate(value, ${limit})`,
      });
    }
  }
});

// occurredAt: an ISO 8601 string or Unix milliseconds; anything under 1e11 is seconds (before 1973 as ms).
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const OccurredAt = z.union([
  z.string().regex(ISO_DATE_TIME).refine((s) => !Number.isNaN(Date.parse(s))),
  z.number().int().min(1e11),
]);

/** POST /events/v3/send: one occurrence of a custom event; eventName is the fully qualified pe{HubID}_{name}. */
export const HubSpotEventSchema = z.object({
  eventName: z.string().regex(/^pe\d+_[A-Za-z0-9_]+$/),
  objectId: z.string().optional(),
  email: z.string().optional(),
  utk: z.string().optional(),
  occurredAt: OccurredAt.optional(),
  uuid: z.string().optional(),
  properties: EventProperties.optional(),
});
export const HubSpotEventBatchSchema = z.object({ inputs: z.array(HubSpotEventSchema).min(1).max(HUBSPOT_EVENT_BATCH_MAX) });

export type HubSpotPropertyValue = z.infer<typeof HubSpotPropertyValueSchema>;
export type HubSpotProperties = z.infer<typeof HubSpotPropertiesSchema>;
export type HubSpotAssociation = z.infer<typeof Association>;
export type HubSpotObjectCreate = z.infer<typeof HubSpotObjectCreateSchema>;
export type HubSpotObjectUpdate = z.infer<typeof HubSpotObjectUpdateSchema>;
export type HubSpotBatchUpsertInput = z.infer<typeof HubSpotBatchUpsertInputSchema>;
export type HubSpotBatchUpsert = z.infer<typeof HubSpotBatchUpsertSchema>;
export type HubSpotBatchCreate = z.infer<typeof HubSpotBatchCreateSchema>;
export type HubSpotBatchUpdate = z.infer<typeof HubSpotBatchUpdateSchema>;
export type HubSpotEvent = z.infer<typeof HubSpotEventSchema>;
export type HubSpotEventBatch = z.infer<typeof HubSpotEventBatchSchema>;
