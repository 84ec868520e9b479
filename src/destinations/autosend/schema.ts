// Request bodies of AutoSend's Send Email (POST /v1/mails/send) and Send Bulk Email (POST /v1/mails/bulk).
// Sources: https://docs.autosend.com/api-reference/mails/send and .../mails/bulk
import * as z from 'zod';
import { isRecord } from '../../util/json.js';
import { oneToMax } from '../schema-rules.js';

// mails/send: "subject … max 998 characters".
export const AUTOSEND_SUBJECT_MAX_CHARS = 998;
// mails/bulk: "Maximum limit: 100 recipients per request."
export const AUTOSEND_BULK_MAX_RECIPIENTS = 100;

const JsonObject = z.record(z.string(), z.unknown());
const Address = z.object({ email: z.email(), name: z.string().optional() });

const common = {
  from: Address,
  // Checked in a refinement, not .max(): zod stops at an oversized string and would skip the content rule.
  subject: z.string().min(1).superRefine((subject, ctx) => {
    if (subject.length <= AUTOSEND_SUBJECT_MAX_CHARS) return;
    ctx.addIssue({
      code: 'custom', params: { code: 'autosend.subject-too-long' },
      message: `subject is ${subject.length} characters; AutoSend accepts at most ${AUTOSEND_SUBJECT_MAX_CHARS}: shorten it (e.g. with truncate)`,
    });
  }).optional(),
  html: z.string().optional(),
  text: z.string().optional(),
  templateId: z.string().min(1).optional(),
  dynamicData: JsonObject.optional(),
  replyTo: Address.optional(),
  unsubscribeGroupId: z.string().optional(),
  categories: z.array(z.string()).optional(),
  scheduledAt: z.string().optional(),
  campaignName: z.string().optional(),
  test: z.boolean().optional(),
  headers: z.record(z.string(), z.string()).optional(),
};

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** mails/send: "Either templateId OR html/text must be provided. If using a template, subject is optional." */
function contentRule(mail: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(mail) || present(mail['templateId'])) return;
  if (!present(mail['html']) && !present(mail['text'])) {
    ctx.addIssue({
      code: 'custom', path: ['html'], params: { code: 'autosend.missing-content' },
      message: 'The email has no html, text or templateId: AutoSend rejects it. Add html (and text), or a templateId',
    });
  }
  if (!present(mail['subject'])) {
    ctx.addIssue({
      code: 'custom', path: ['subject'], params: { code: 'autosend.missing-subject' },
      message: 'subject is required when no templateId is given: set a subject line',
    });
  }
}

const when = { when: (p: { value: unknown }) => isRecord(p.value) };

/** mails/send takes exactly one recipient, as an object; cc and bcc are arrays of them. */
export const AutoSendMailSchema = z.object({
  ...common,
  to: Address,
  cc: z.array(Address).optional(),
  bcc: z.array(Address).optional(),
}).superRefine(contentRule, when);

const BulkRecipient = Address.extend({ dynamicData: JsonObject.optional() });

export const AutoSendBulkSchema = z.object({
  ...common,
  recipients: z.array(BulkRecipient).superRefine(oneToMax(AUTOSEND_BULK_MAX_RECIPIENTS, 'autosend.too-many-recipients',
    'recipients is empty: add at least one { email, name? }',
    (n) => `recipients holds ${n} entries; AutoSend accepts at most ${AUTOSEND_BULK_MAX_RECIPIENTS} per request: split it`,
  ), { when: (p) => Array.isArray(p.value) }),
}).superRefine(contentRule, when);

export type AutoSendAddress = z.infer<typeof Address>;
export type AutoSendMail = z.infer<typeof AutoSendMailSchema>;
export type AutoSendBulk = z.infer<typeof AutoSendBulkSchema>;
