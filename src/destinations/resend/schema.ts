// Request bodies of Resend's Send Email (POST /emails) and Send Batch Emails (POST /emails/batch).
// Source: https://resend.com/docs/api-reference/emails/send-email and .../send-batch-emails
import * as z from 'zod';
import { isRecord } from '../../util/json.js';
import { oneToMax } from '../schema-rules.js';

// send-email: "to … Max 50."
export const RESEND_MAX_RECIPIENTS = 50;
// send-batch-emails: "up to 100 emails in a single API call".
export const RESEND_BATCH_MAX_EMAILS = 100;
// send-email tags: name and value are ASCII letters, digits, _ or -, at most 256 characters each.
export const RESEND_TAG_MAX_CHARS = 256;
const TAG_TEXT = /^[A-Za-z0-9_-]+$/;

const NAMED_ADDRESS = /^\s*(?:"[^"]*"|[^<>"]*?)\s*<([^<>\s]+)>\s*$/;

/** The address of `"addr"` or `"Display Name <addr>"` (send-email: from's "friendly name" form), or undefined. */
export function resendMailboxAddress(value: string): string | undefined {
  const address = NAMED_ADDRESS.exec(value)?.[1] ?? value.trim();
  return z.regexes.email.test(address) ? address : undefined;
}

/** An email address, optionally with a display name. */
const Mailbox = z.string().superRefine((value, ctx) => {
  if (resendMailboxAddress(value) !== undefined) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'resend.invalid-address' },
    message: `${JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value)} is not an email address: use "billing@yourdomain.com" or "Billing <billing@yourdomain.com>" (a display name must not contain < or >)`,
  });
});

function countRecipients(max: number) {
  return (list: string[], ctx: z.RefinementCtx) => {
    if (list.length === 0) {
      ctx.addIssue({ code: 'custom', params: { code: 'resend.invalid-address' }, message: 'The list of addresses is empty: give at least one address, or leave the field out' });
    } else if (list.length > max) {
      ctx.addIssue({
        code: 'custom', params: { code: 'resend.too-many-recipients' },
        message: `to lists ${list.length} addresses; Resend accepts at most ${max} per email: send one email per customer (each sees only their own address), or several emails through /emails/batch`,
      });
    }
  };
}

/** One address or an array of them (send-email: "For multiple addresses, send as an array of strings"). */
const Recipients = (max = Number.POSITIVE_INFINITY) => z.union([Mailbox, z.array(Mailbox).superRefine(countRecipients(max))]);

const TagText = z.string().superRefine((text, ctx) => {
  if (TAG_TEXT.test(text) && text.length <= RESEND_TAG_MAX_CHARS) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'resend.invalid-tag' },
    message: `${JSON.stringify(text.slice(0, 40))} is not a valid tag text: Resend allows only ASCII letters, digits, _ and -, at most ${RESEND_TAG_MAX_CHARS} characters (replace "." and spaces with "_")`,
  });
});

const Attachment = z.object({
  filename: z.string().optional(),
  content: z.string().optional(),
  path: z.string().optional(),
  content_type: z.string().optional(),
  content_id: z.string().optional(),
});

const emailShape = {
  from: Mailbox,
  to: Recipients(RESEND_MAX_RECIPIENTS),
  subject: z.string().min(1),
  cc: Recipients().optional(),
  bcc: Recipients().optional(),
  reply_to: Recipients().optional(),
  html: z.string().optional(),
  text: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  scheduled_at: z.string().min(1).optional(),
  attachments: z.array(Attachment).optional(),
  tags: z.array(z.object({ name: TagText, value: TagText })).optional(),
  template: z.object({ id: z.string().min(1), variables: z.record(z.string(), z.unknown()).optional() }).optional(),
  topic_id: z.string().optional(),
};

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** send-email: html, text or a template is required, and a template excludes html and text. */
function contentRule(value: unknown, ctx: z.RefinementCtx): void {
  if (!isRecord(value)) return;
  const body = present(value['html']) || present(value['text']);
  if (present(value['template'])) {
    if (body) {
      ctx.addIssue({
        code: 'custom', path: [present(value['html']) ? 'html' : 'text'], params: { code: 'resend.template-with-content' },
        message: 'The email has both a template and html/text; Resend rejects that: drop html and text, or drop template',
      });
    }
  } else if (!body) {
    ctx.addIssue({
      code: 'custom', path: ['html'], params: { code: 'resend.missing-content' },
      message: 'The email has no html, text or template: Resend rejects it. Add html (and text for clients without HTML)',
    });
  }
}

export const ResendEmailSchema = z.object(emailShape).superRefine(contentRule, { when: (p) => isRecord(p.value) });

// send-batch-emails "Limitations": attachments and scheduled_at are not supported in a batch.
export const RESEND_BATCH_UNSUPPORTED = ['attachments', 'scheduled_at'] as const;

const BatchItem = z.object(emailShape).superRefine((value, ctx) => {
  contentRule(value, ctx);
  for (const key of RESEND_BATCH_UNSUPPORTED) {
    if (!present(value[key])) continue;
    ctx.addIssue({
      code: 'custom', path: [key], params: { code: 'resend.batch-unsupported-field' },
      message: `${key} is not supported in /emails/batch: send this email alone through /emails`,
    });
  }
}, { when: (p) => isRecord(p.value) });

export const ResendBatchSchema = z.array(BatchItem).superRefine(oneToMax(RESEND_BATCH_MAX_EMAILS, 'resend.batch-too-many',
  'The batch is empty: send at least one email',
  (n) => `The batch holds ${n} emails; Resend accepts at most ${RESEND_BATCH_MAX_EMAILS} per call: split it`,
), { when: (p) => Array.isArray(p.value) });

export type ResendEmail = z.infer<typeof ResendEmailSchema>;
export type ResendBatch = z.infer<typeof ResendBatchSchema>;
export type ResendTag = NonNullable<ResendEmail['tags']>[number];
