// Request bodies of Close's REST API (leads, contacts, opportunities, note and custom activities).
// Source: https://developer.close.com/api/resources/leads/create (and contacts, opportunities, activities/notes)
import * as z from 'zod';

// Close object ids carry a type prefix: lead_…, cont_…, stat_…, oppo_… (Dodo's customer_id is none of them).
export const CloseLeadIdSchema = z.string().regex(/^lead_\w+$/);
const ContactId = z.string().regex(/^cont_\w+$/);
const StatusId = z.string().regex(/^stat_\w+$/);

/** emails / phones / urls are lists of objects, each with its own type label. */
export const CloseEmailSchema = z.object({ email: z.string().min(1), type: z.string().optional() });
export const ClosePhoneSchema = z.object({ phone: z.string().min(1), type: z.string().optional() });
export const CloseUrlSchema = z.object({ url: z.string().min(1), type: z.string().optional() });

const contactShape = {
  name: z.string().optional(),
  title: z.string().optional(),
  emails: z.array(CloseEmailSchema).optional(),
  phones: z.array(ClosePhoneSchema).optional(),
  urls: z.array(CloseUrlSchema).optional(),
};
export const CloseNestedContactSchema = z.object(contactShape);

/** Custom fields are top-level keys "custom.cf_<id>"; their values depend on the field's type. */
const customFields = z.unknown();

/** POST /lead/: contacts, addresses and custom fields may be nested; opportunities and activities may not. */
export const CloseLeadSchema = z.object({
  name: z.string().optional(),
  url: z.string().optional(),
  description: z.string().optional(),
  status_id: StatusId.optional(),
  status: z.string().optional(),
  contacts: z.array(CloseNestedContactSchema).optional(),
  addresses: z.array(z.record(z.string(), z.unknown())).optional(),
}).catchall(customFields);

/** POST /contact/: without lead_id Close creates a new lead for the contact. */
export const CloseContactSchema = z.object({ ...contactShape, lead_id: CloseLeadIdSchema.optional() }).catchall(customFields);

/** opportunities: value is an integer in cents; value_period one_time, monthly or annual. */
export const CLOSE_VALUE_PERIODS = ['one_time', 'monthly', 'annual'] as const;
export const CloseOpportunitySchema = z.object({
  lead_id: CloseLeadIdSchema.optional(),
  contact_id: ContactId.nullable().optional(),
  status_id: StatusId.optional(),
  pipeline_id: z.string().optional(),
  user_id: z.string().optional(),
  note: z.string().optional(),
  confidence: z.number().int().min(0).max(100).optional(),
  value: z.number().int().min(0).optional(),
  value_period: z.enum(CLOSE_VALUE_PERIODS).optional(),
  value_currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  date_won: z.string().regex(/^\d{4}-\d{2}-\d{2}/).optional(),
}).catchall(customFields);

/** POST /activity/note/: a note on a lead, plain text (note) or rich text (note_html). */
export const CloseNoteSchema = z.object({
  lead_id: CloseLeadIdSchema,
  contact_id: ContactId.optional(),
  note: z.string().optional(),
  note_html: z.string().optional(),
}).superRefine((body, ctx) => {
  if ((body.note ?? '').trim() !== '' || (body.note_html ?? '').trim() !== '') return;
  ctx.addIssue({
    code: 'custom', path: ['note'], params: { code: 'close.missing-note' },
    message: 'A note activity needs text: set note (plain text) or note_html',
  });
});

/** POST /activity/custom/: an activity of a custom activity type, with its fields as "custom.cf_<id>". */
export const CloseCustomActivitySchema = z.object({
  custom_activity_type_id: z.string().min(1),
  lead_id: CloseLeadIdSchema,
  contact_id: ContactId.optional(),
}).catchall(customFields);

export type CloseEmail = z.infer<typeof CloseEmailSchema>;
export type ClosePhone = z.infer<typeof ClosePhoneSchema>;
export type CloseNestedContact = z.infer<typeof CloseNestedContactSchema>;
export type CloseValuePeriod = (typeof CLOSE_VALUE_PERIODS)[number];
/** Custom field values are sent as top-level "custom.cf_<id>" keys. */
export type CloseCustomFields = { [customField: `custom.${string}`]: unknown };
type Known<S extends z.ZodObject> = z.infer<z.ZodObject<S['shape']>>;
export type CloseLead = Known<typeof CloseLeadSchema> & CloseCustomFields;
export type CloseContact = Known<typeof CloseContactSchema> & CloseCustomFields;
export type CloseOpportunity = Known<typeof CloseOpportunitySchema> & CloseCustomFields;
export type CloseNote = z.infer<typeof CloseNoteSchema>;
export type CloseCustomActivity = Known<typeof CloseCustomActivitySchema> & CloseCustomFields;
