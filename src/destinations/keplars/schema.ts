// Request bodies of Keplars' send-email routes (instant, high, async, bulk, schedule).
// Source: https://docs.keplars.com/api-reference/send-email
import * as z from 'zod';
import { isRecord } from '../../util/json.js';

const present = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

// send-email: "template_id | UUID"; a placeholder such as "your-template-id" is "Template not found".
const TemplateId = z.string().superRefine((value, ctx) => {
  if (z.regexes.guid.test(value)) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'keplars.invalid-template-id' },
    message: `template_id ${JSON.stringify(value.slice(0, 60))} is not a UUID: copy the template's id (e.g. "a1b2c3d4-e5f6-7890-abcd-ef1234567890") from the Keplars dashboard`,
  });
});

export const KeplarsEmailSchema = z.object({
  to: z.array(z.email()).min(1),
  subject: z.string().min(1).optional(),
  body: z.string().min(1).optional(),
  is_html: z.boolean().optional(),
  from: z.email().optional(),
  from_name: z.string().optional(),
  reply_to: z.email().optional(),
  cc: z.array(z.email()).optional(),
  bcc: z.array(z.email()).optional(),
  template_id: TemplateId.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
}).superRefine((mail, ctx) => {
  // send-email: subject and body are required unless template_id is used; "Do not send both."
  if (!isRecord(mail)) return;
  if (present(mail['template_id'])) {
    for (const key of ['subject', 'body'] as const) {
      if (!present(mail[key])) continue;
      ctx.addIssue({
        code: 'custom', path: [key], params: { code: 'keplars.template-with-content' },
        message: `With template_id, the template supplies subject and body: remove ${key} (or remove template_id)`,
      });
    }
    return;
  }
  for (const key of ['subject', 'body'] as const) {
    if (present(mail[key])) continue;
    ctx.addIssue({
      code: 'custom', path: [key], params: { code: 'keplars.missing-content' },
      message: `${key} is required unless template_id is used: set ${key === 'body' ? 'body (HTML with is_html: true, or plain text)' : 'a subject line'}`,
    });
  }
}, { when: (p) => isRecord(p.value) });

/**
 * /send-email/schedule: the API reference nests the email under `email`
 * ({ scheduled_at, timezone, email: {...} }); the overview page shows the fields flat. Both are accepted.
 */
export const KeplarsScheduleSchema = z.object({
  scheduled_at: z.string().min(1),
  timezone: z.string().min(1).optional(),
  email: KeplarsEmailSchema,
});

export type KeplarsEmail = z.infer<typeof KeplarsEmailSchema>;
export type KeplarsSchedule = z.infer<typeof KeplarsScheduleSchema>;
