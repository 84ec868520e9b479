// Request bodies of SendGrid's v3 Mail Send (POST /v3/mail/send) and Marketing "Add or Update
// Contacts" (PUT /v3/marketing/contacts).
// Sources: https://www.twilio.com/docs/sendgrid/api-reference/mail-send/mail-send,
// .../mail-send/errors, .../contacts/add-or-update-a-contact
import * as z from 'zod';
import { isRecord } from '../../util/json.js';
import { oneToMax } from '../schema-rules.js';

// mail-send errors: at most 1000 personalizations and 1000 recipients (to + cc + bcc) per request.
export const SENDGRID_MAX_PERSONALIZATIONS = 1000;
export const SENDGRID_MAX_RECIPIENTS = 1000;
// mail-send: categories — at most 10, each at most 255 characters.
export const SENDGRID_MAX_CATEGORIES = 10;
export const SENDGRID_CATEGORY_MAX_CHARS = 255;
// add-or-update-a-contact: "up to 30,000 contacts, or 6MB of data, whichever is lower".
export const SENDGRID_MAX_CONTACTS = 30_000;

const JsonObject = z.record(z.string(), z.unknown());
const Address = z.object({ email: z.email(), name: z.string().optional() });

export const SendGridPersonalizationSchema = z.object({
  to: z.array(Address).min(1),
  cc: z.array(Address).optional(),
  bcc: z.array(Address).optional(),
  from: Address.optional(),
  subject: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  substitutions: z.record(z.string(), z.string()).optional(),
  dynamic_template_data: JsonObject.optional(),
  custom_args: z.record(z.string(), z.string()).optional(),
  send_at: z.int().nonnegative().optional(),
});

const Content = z.object({ type: z.string().min(1), value: z.string().min(1) });

const mailShape = {
  // Counted in a refinement, not .max(): zod stops at an oversized array and would skip the cross-field rules.
  personalizations: z.array(SendGridPersonalizationSchema).min(1).superRefine((list, ctx) => {
    if (list.length <= SENDGRID_MAX_PERSONALIZATIONS) return;
    ctx.addIssue({
      code: 'custom', params: { code: 'sendgrid.too-many-personalizations' },
      message: `personalizations holds ${list.length} entries; SendGrid accepts at most ${SENDGRID_MAX_PERSONALIZATIONS} per request: split it`,
    });
  }),
  from: Address,
  reply_to: Address.optional(),
  reply_to_list: z.array(Address).optional(),
  subject: z.string().min(1).optional(),
  content: z.array(Content).min(1).optional(),
  attachments: z.array(z.object({
    content: z.string().min(1), filename: z.string().min(1), type: z.string().optional(),
    disposition: z.string().optional(), content_id: z.string().optional(),
  })).optional(),
  template_id: z.string().min(1).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  categories: z.array(z.string()).superRefine((list, ctx) => {
    const long = list.findIndex((c) => c.length > SENDGRID_CATEGORY_MAX_CHARS);
    if (list.length <= SENDGRID_MAX_CATEGORIES && long < 0) return;
    ctx.addIssue({
      code: 'custom', path: long < 0 ? [] : [long], params: { code: 'sendgrid.invalid-categories' },
      message: `categories may hold at most ${SENDGRID_MAX_CATEGORIES} strings of at most ${SENDGRID_CATEGORY_MAX_CHARS} characters each: drop or shorten some`,
    });
  }).optional(),
  custom_args: z.record(z.string(), z.string()).optional(),
  send_at: z.int().nonnegative().optional(),
  batch_id: z.string().optional(),
  asm: z.object({ group_id: z.int(), groups_to_display: z.array(z.int()).max(25).optional() }).optional(),
  ip_pool_name: z.string().optional(),
  mail_settings: JsonObject.optional(),
  tracking_settings: JsonObject.optional(),
};

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
const records = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);

/** The rules that span fields: content, subject, recipient count and uniqueness. */
function mailRules(mail: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(mail)) return;
  const templated = present(mail['template_id']);
  const content = Array.isArray(mail['content']) ? mail['content'] : undefined;
  if (!templated && (content === undefined || content.length === 0)) {
    ctx.addIssue({
      code: 'custom', path: ['content'], params: { code: 'sendgrid.missing-content' },
      message: 'The mail has neither content nor template_id: add content [{ type: "text/plain", value }, { type: "text/html", value }], or a dynamic template_id ("d-…")',
    });
  }
  if (content) checkContentOrder(content, ctx);
  const personalizations = records(mail['personalizations']);
  if (!templated && !present(mail['subject']) && !(personalizations.length > 0 && personalizations.every((p) => present(p['subject'])))) {
    ctx.addIssue({
      code: 'custom', path: ['subject'], params: { code: 'sendgrid.missing-subject' },
      message: 'subject is required unless a template supplies it or every personalization has its own subject: set subject',
    });
  }
  let total = 0;
  personalizations.forEach((p, i) => {
    const seen = new Set<string>();
    for (const field of ['to', 'cc', 'bcc'] as const) {
      records(p[field]).forEach((address, j) => {
        total++;
        const email = typeof address['email'] === 'string' ? address['email'].toLowerCase() : undefined;
        if (email === undefined) return;
        if (seen.has(email)) {
          ctx.addIssue({
            code: 'custom', path: ['personalizations', i, field, j, 'email'], params: { code: 'sendgrid.duplicate-recipient' },
            message: `${email} appears more than once among this personalization's to, cc and bcc; SendGrid rejects the request: list each address once`,
          });
        }
        seen.add(email);
      });
    }
  });
  if (total > SENDGRID_MAX_RECIPIENTS) {
    ctx.addIssue({
      code: 'custom', path: ['personalizations'], params: { code: 'sendgrid.too-many-recipients' },
      message: `The request has ${total} recipients (to + cc + bcc); SendGrid accepts at most ${SENDGRID_MAX_RECIPIENTS}: split it into several requests`,
    });
  }
}

/** mail-send content: text/plain first, then text/html, then any other type; each type once. */
function checkContentOrder(content: unknown[], ctx: z.RefinementCtx): void {
  const types = content.map((c) => (isRecord(c) && typeof c['type'] === 'string' ? c['type'].toLowerCase() : ''));
  const rank = (t: string): number => (t === 'text/plain' ? 0 : t === 'text/html' ? 1 : 2);
  types.forEach((type, i) => {
    const previous = types.slice(0, i);
    const duplicate = type !== '' && rank(type) < 2 && previous.includes(type);
    const outOfOrder = previous.some((p) => rank(p) > rank(type));
    if (!duplicate && !outOfOrder) return;
    ctx.addIssue({
      code: 'custom', path: ['content', i, 'type'], params: { code: 'sendgrid.content-order' },
      message: duplicate
        ? `content has "${type}" twice; each of text/plain and text/html may appear once: merge them`
        : `content[${i}] is "${type}" after ${JSON.stringify(previous.filter((p) => rank(p) > rank(type))[0])}; SendGrid requires text/plain first, then text/html, then other types: reorder content`,
    });
  });
}

export const SendGridMailSchema = z.object(mailShape).superRefine(mailRules, { when: (p) => isRecord(p.value) });

const CONTACT_IDENTIFIERS = ['email', 'phone_number_id', 'external_id', 'anonymous_id'] as const;

export const SendGridContactSchema = z.object({
  email: z.email().optional(),
  phone_number_id: z.string().min(1).optional(),
  external_id: z.string().min(1).optional(),
  anonymous_id: z.string().min(1).optional(),
  alternate_emails: z.array(z.email()).optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  address_line_1: z.string().optional(),
  address_line_2: z.string().optional(),
  city: z.string().optional(),
  state_province_region: z.string().optional(),
  postal_code: z.string().optional(),
  country: z.string().optional(),
  custom_fields: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}).superRefine((contact, ctx) => {
  if (CONTACT_IDENTIFIERS.some((k) => present(contact[k]))) return;
  ctx.addIssue({
    code: 'custom', path: ['email'], params: { code: 'sendgrid.missing-contact-identifier' },
    message: `The contact has no identifier: set email (or one of ${CONTACT_IDENTIFIERS.slice(1).join(', ')})`,
  });
}, { when: (p) => isRecord(p.value) });

export const SendGridContactsSchema = z.object({
  list_ids: z.array(z.string().min(1)).optional(),
  contacts: z.array(SendGridContactSchema).superRefine(oneToMax(SENDGRID_MAX_CONTACTS, 'sendgrid.too-many-contacts',
    'contacts is empty: add at least one contact',
    (n) => `contacts holds ${n} contacts; SendGrid accepts at most ${SENDGRID_MAX_CONTACTS} per request: split it`,
  ), { when: (p) => Array.isArray(p.value) }),
});

export type SendGridAddress = z.infer<typeof Address>;
export type SendGridPersonalization = z.infer<typeof SendGridPersonalizationSchema>;
export type SendGridContent = z.infer<typeof Content>;
export type SendGridMail = z.infer<typeof SendGridMailSchema>;
export type SendGridContact = z.infer<typeof SendGridContactSchema>;
export type SendGridContacts = z.infer<typeof SendGridContactsSchema>;
