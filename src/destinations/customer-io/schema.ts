// Request bodies of Customer.io's Track API v2 (/api/v2/entity and /api/v2/batch).
// Source: https://docs.customer.io/integrations/api/track/ (track_v2: entity, batch) and
// limits from https://docs.customer.io/journeys/invalid-api-requests/
import * as z from 'zod';
import { utf8Bytes } from '../define-destination.js';

const NonEmpty = z.string().min(1);
const Attributes = z.record(z.string(), z.unknown());

/** track_v2 person_common: exactly one of id, email, phone or cio_id ("You cannot pass multiple identifiers"). */
export const CustomerIoPersonIdentifiersSchema = z.union([
  z.strictObject({ id: NonEmpty }),
  z.strictObject({ email: NonEmpty }),
  z.strictObject({ phone: NonEmpty }),
  z.strictObject({ cio_id: NonEmpty }),
]);
/** person_merge's primary/secondary and an object's relationships: id, email or cio_id (no phone). */
export const CustomerIoMergeIdentifiersSchema = z.union([
  z.strictObject({ id: NonEmpty }),
  z.strictObject({ email: NonEmpty }),
  z.strictObject({ cio_id: NonEmpty }),
]);
/** object_identifiers: object_type_id with object_id, or cio_object_id. */
export const CustomerIoObjectIdentifiersSchema = z.union([
  z.strictObject({ object_type_id: NonEmpty, object_id: NonEmpty }),
  z.strictObject({ cio_object_id: NonEmpty }),
]);

/** Every v2 `timestamp` is an integer Unix time in seconds. */
const UnixSeconds = z.int().nonnegative();

// invalid-api-requests: event names may be at most 100 bytes.
export const CUSTOMERIO_NAME_MAX_BYTES = 100;
// invalid-api-requests: identify takes at most 300 attributes, names ≤ 150 bytes, values ≤ 1000 bytes.
export const CUSTOMERIO_MAX_ATTRIBUTES = 300;
export const CUSTOMERIO_ATTRIBUTE_NAME_MAX_BYTES = 150;
export const CUSTOMERIO_ATTRIBUTE_VALUE_MAX_BYTES = 1000;

const EventName = NonEmpty.superRefine((name, ctx) => {
  const bytes = utf8Bytes(name);
  if (bytes <= CUSTOMERIO_NAME_MAX_BYTES) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'customerio.name-too-long' },
    message: `name is ${bytes} bytes in UTF-8 (${[...name].length} characters); Customer.io accepts at most ${CUSTOMERIO_NAME_MAX_BYTES} bytes: shorten it`,
  });
});

/** Byte size of an attribute value: a string's own bytes, anything else as JSON. */
function valueBytes(v: unknown): number {
  return utf8Bytes(typeof v === 'string' ? v : JSON.stringify(v) ?? '');
}

const PersonAttributes = Attributes.superRefine((attrs, ctx) => {
  const entries = Object.entries(attrs);
  if (entries.length > CUSTOMERIO_MAX_ATTRIBUTES) {
    ctx.addIssue({
      code: 'custom', params: { code: 'customerio.too-many-attributes' },
      message: `identify sets ${entries.length} attributes; Customer.io takes at most ${CUSTOMERIO_MAX_ATTRIBUTES} per request: send fewer, or split them over several identify calls`,
    });
  }
  for (const [key, value] of entries) {
    if (utf8Bytes(key) > CUSTOMERIO_ATTRIBUTE_NAME_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom', path: [key], params: { code: 'customerio.attribute-name-too-long' },
        message: `The attribute name is ${utf8Bytes(key)} bytes; Customer.io accepts names of at most ${CUSTOMERIO_ATTRIBUTE_NAME_MAX_BYTES} bytes: use a shorter name`,
      });
    }
    // Subscription preferences are a structured reserved attribute, not a plain value.
    if (key !== 'cio_subscription_preferences' && valueBytes(value) > CUSTOMERIO_ATTRIBUTE_VALUE_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom', path: [key], params: { code: 'customerio.attribute-too-long' },
        message: `The value of attribute "${key}" is ${valueBytes(value)} bytes; Customer.io rejects values over ${CUSTOMERIO_ATTRIBUTE_VALUE_MAX_BYTES} bytes: shorten it or send it as event data instead`,
      });
    }
  }
});

const RelationshipAttributes = Attributes.optional();
/** A person's relationships point at objects… */
const ObjectRelationship = z.object({ identifiers: CustomerIoObjectIdentifiersSchema, relationship_attributes: RelationshipAttributes });
/** …and an object's relationships point at people. */
const PersonRelationship = z.object({ identifiers: CustomerIoMergeIdentifiersSchema, relationship_attributes: RelationshipAttributes });

const person = { type: z.literal('person'), identifiers: CustomerIoPersonIdentifiersSchema };
/** event, page and screen share these fields; `id` is a ULID used to deduplicate. */
const eventLike = { id: z.string().optional(), name: EventName, timestamp: UnixSeconds.optional(), attributes: Attributes.optional() };

export const CustomerIoPersonIdentifySchema = z.object({
  ...person, action: z.literal('identify'), timestamp: UnixSeconds.optional(),
  attributes: PersonAttributes.optional(), cio_relationships: z.array(ObjectRelationship).optional(),
});
export const CustomerIoPersonEventSchema = z.object({ ...person, action: z.literal('event'), ...eventLike });
export const CustomerIoPersonPageSchema = z.object({ ...person, action: z.literal('page'), ...eventLike });
export const CustomerIoPersonScreenSchema = z.object({ ...person, action: z.literal('screen'), ...eventLike });
const personOnly = (action: 'delete' | 'suppress' | 'unsuppress') => z.object({ ...person, action: z.literal(action) });
export const CustomerIoPersonDeleteSchema = personOnly('delete');
export const CustomerIoPersonSuppressSchema = personOnly('suppress');
export const CustomerIoPersonUnsuppressSchema = personOnly('unsuppress');
export const CustomerIoPersonAddRelationshipsSchema = z.object({ ...person, action: z.literal('add_relationships'), cio_relationships: z.array(ObjectRelationship) });
export const CustomerIoPersonDeleteRelationshipsSchema = z.object({ ...person, action: z.literal('delete_relationships'), cio_relationships: z.array(ObjectRelationship) });
export const CustomerIoPersonAddDeviceSchema = z.object({
  ...person, action: z.literal('add_device'),
  device: z.object({ token: NonEmpty, platform: z.enum(['ios', 'android']), last_used: UnixSeconds.optional(), attributes: Attributes.optional() }),
});
export const CustomerIoPersonDeleteDeviceSchema = z.object({ ...person, action: z.literal('delete_device'), device: z.object({ token: NonEmpty }) });
/** merge has no `identifiers`: `secondary` is merged into `primary` and deleted. */
export const CustomerIoPersonMergeSchema = z.object({
  type: z.literal('person'), action: z.literal('merge'),
  primary: CustomerIoMergeIdentifiersSchema, secondary: CustomerIoMergeIdentifiersSchema,
});

export const CustomerIoPersonOperationSchema = z.discriminatedUnion('action', [
  CustomerIoPersonIdentifySchema, CustomerIoPersonDeleteSchema, CustomerIoPersonEventSchema,
  CustomerIoPersonScreenSchema, CustomerIoPersonPageSchema, CustomerIoPersonAddRelationshipsSchema,
  CustomerIoPersonDeleteRelationshipsSchema, CustomerIoPersonAddDeviceSchema, CustomerIoPersonDeleteDeviceSchema,
  CustomerIoPersonMergeSchema, CustomerIoPersonSuppressSchema, CustomerIoPersonUnsuppressSchema,
]);

const object = { type: z.literal('object'), identifiers: CustomerIoObjectIdentifiersSchema };
export const CustomerIoObjectOperationSchema = z.discriminatedUnion('action', [
  z.object({ ...object, action: z.literal('identify'), attributes: Attributes.optional(), cio_relationships: z.array(PersonRelationship).optional() }),
  z.object({
    ...object, action: z.literal('identify_anonymous'), anonymous_id: z.string().optional(), attributes: Attributes.optional(),
    cio_relationships: z.array(z.object({ identifiers: z.object({ anonymous_id: NonEmpty }), relationship_attributes: RelationshipAttributes })).optional(),
  }),
  z.object({ ...object, action: z.literal('delete') }),
  z.object({ ...object, action: z.literal('add_relationships'), cio_relationships: z.array(PersonRelationship) }),
  z.object({ ...object, action: z.literal('delete_relationships'), cio_relationships: z.array(PersonRelationship) }),
]);

/** Metrics for messages that do not report back themselves (push, in-app). */
export const CustomerIoDeliveryEventSchema = z.object({
  type: z.literal('delivery'), action: z.literal('event'), identifiers: z.object({ id: NonEmpty }),
  name: z.enum(['opened', 'converted', 'delivered']), timestamp: UnixSeconds.optional(),
  attributes: z.object({ device_token: NonEmpty }).catchall(z.unknown()),
});

/** The body of POST /api/v2/entity. */
export const CustomerIoEntitySchema = z.discriminatedUnion('type', [
  CustomerIoPersonOperationSchema, CustomerIoObjectOperationSchema, CustomerIoDeliveryEventSchema,
]);
/** The body of POST /api/v2/batch (500 KB in all, 32 KB per element: checked by the destination). */
export const CustomerIoBatchSchema = z.object({ batch: z.array(CustomerIoEntitySchema) });

/** The actions each `type` accepts, in the API reference's order. */
export const CUSTOMERIO_ACTIONS = {
  person: ['identify', 'delete', 'event', 'screen', 'page', 'add_relationships', 'delete_relationships',
    'add_device', 'delete_device', 'merge', 'suppress', 'unsuppress'],
  object: ['identify', 'identify_anonymous', 'delete', 'add_relationships', 'delete_relationships'],
  delivery: ['event'],
} as const satisfies Record<string, readonly string[]>;
export type CustomerIoEntityType = keyof typeof CUSTOMERIO_ACTIONS;

export function isCustomerIoEntityType(v: unknown): v is CustomerIoEntityType {
  return typeof v === 'string' && Object.hasOwn(CUSTOMERIO_ACTIONS, v);
}

export type CustomerIoPersonIdentifiers = z.infer<typeof CustomerIoPersonIdentifiersSchema>;
export type CustomerIoObjectIdentifiers = z.infer<typeof CustomerIoObjectIdentifiersSchema>;
export type CustomerIoPersonIdentify = z.infer<typeof CustomerIoPersonIdentifySchema>;
export type CustomerIoPersonEvent = z.infer<typeof CustomerIoPersonEventSchema>;
export type CustomerIoPersonPage = z.infer<typeof CustomerIoPersonPageSchema>;
export type CustomerIoPersonScreen = z.infer<typeof CustomerIoPersonScreenSchema>;
export type CustomerIoPersonMerge = z.infer<typeof CustomerIoPersonMergeSchema>;
export type CustomerIoPersonOperation = z.infer<typeof CustomerIoPersonOperationSchema>;
export type CustomerIoObjectOperation = z.infer<typeof CustomerIoObjectOperationSchema>;
export type CustomerIoDeliveryEvent = z.infer<typeof CustomerIoDeliveryEventSchema>;
export type CustomerIoEntity = z.infer<typeof CustomerIoEntitySchema>;
export type CustomerIoBatch = z.infer<typeof CustomerIoBatchSchema>;
export type CustomerIoAction = CustomerIoEntity['action'];
