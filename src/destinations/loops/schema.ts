// Request bodies of the Loops API: send event, create/update contact, send transactional email.
// Source: https://loops.so/docs/api-reference/send-event (and create-contact, update-contact, send-transactional-email)
import * as z from 'zod';
import { isRecord } from '../../util/json.js';

/** events/properties: string, number, boolean or date (Unix ms or an ECMA-262 date-time string); never null. */
export const LoopsEventPropertyValueSchema = z.union([z.string(), z.number(), z.boolean()]);
/** Contact properties take the same types, and null resets one (the loops SDK's ContactProperties). */
export const LoopsContactPropertyValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** `{ "<list id>": true | false }`: subscribe to or unsubscribe from mailing lists. */
export const LoopsMailingListsSchema = z.record(z.string(), z.boolean());

// events docs: custom event names can not contain colon characters.
const EventName = z.string().min(1).superRefine((name, ctx) => {
  if (!name.includes(':')) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'loops.invalid-event-name' },
    message: `eventName ${JSON.stringify(name)} contains ":", which Loops does not allow in event names: use letters, digits, "_" or "-" (e.g. "paymentSucceeded")`,
  });
});

const identity = { email: z.string().optional(), userId: z.string().optional() };

/** Both send-event and update-contact need email or userId; a blank string does not count. */
function requireIdentity<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((body, ctx) => {
    if (!isRecord(body) || present(body['email']) || present(body['userId'])) return;
    ctx.addIssue({
      code: 'custom', path: ['email'], params: { code: 'loops.missing-identity' },
      message: 'Loops needs email or userId to find the contact: set email (e.g. the Dodo customer.email)',
    });
  }, { when: (payload) => isRecord(payload.value) }) as T;
}

function present(v: unknown): boolean {
  return typeof v === 'string' && v.trim() !== '';
}

/** The named fields of POST /events/send; any other top-level key is a contact property to update. */
export const LoopsEventFieldsSchema = z.object({
  ...identity,
  eventName: EventName,
  eventProperties: z.record(z.string(), LoopsEventPropertyValueSchema).optional(),
  mailingLists: LoopsMailingListsSchema.optional(),
});
export const LoopsEventSchema = requireIdentity(LoopsEventFieldsSchema.catchall(LoopsContactPropertyValueSchema));

const contactFields = {
  firstName: z.string().nullable().optional(),
  lastName: z.string().nullable().optional(),
  source: z.string().optional(),
  subscribed: z.boolean().optional(),
  userGroup: z.string().optional(),
  mailingLists: LoopsMailingListsSchema.optional(),
};
/** POST /contacts/create: email is required (a userId alone cannot create a contact). */
export const LoopsContactCreateFieldsSchema = z.object({ email: z.string().min(1), userId: z.string().optional(), ...contactFields });
export const LoopsContactCreateSchema = LoopsContactCreateFieldsSchema.catchall(LoopsContactPropertyValueSchema);
/** PUT /contacts/update: creates the contact when none matches email or userId. */
export const LoopsContactUpdateFieldsSchema = z.object({ ...identity, ...contactFields });
export const LoopsContactUpdateSchema = requireIdentity(LoopsContactUpdateFieldsSchema.catchall(LoopsContactPropertyValueSchema));

/** POST /transactional: data variables are strings, numbers, or lists of such objects (for loops in the template). */
export const LoopsTransactionalSchema = z.object({
  transactionalId: z.string().min(1),
  email: z.string().min(1),
  addToAudience: z.boolean().optional(),
  dataVariables: z.record(z.string(), z.union([
    z.string(), z.number(), z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
  ])).optional(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), data: z.string() })).optional(),
});

export type LoopsEventPropertyValue = z.infer<typeof LoopsEventPropertyValueSchema>;
export type LoopsContactPropertyValue = z.infer<typeof LoopsContactPropertyValueSchema>;
export type LoopsMailingLists = z.infer<typeof LoopsMailingListsSchema>;
/** Top-level keys other than the named fields are contact properties. */
type WithContactProperties<T> = T & { [contactProperty: string]: unknown };
export type LoopsEvent = WithContactProperties<z.infer<typeof LoopsEventFieldsSchema>>;
export type LoopsContactCreate = WithContactProperties<z.infer<typeof LoopsContactCreateFieldsSchema>>;
export type LoopsContactUpdate = WithContactProperties<z.infer<typeof LoopsContactUpdateFieldsSchema>>;
export type LoopsTransactional = z.infer<typeof LoopsTransactionalSchema>;
