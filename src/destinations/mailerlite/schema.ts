// Request body of MailerLite's Create/upsert subscriber (POST https://connect.mailerlite.com/api/subscribers).
// Source: https://developers.mailerlite.com/docs/subscribers.html#create-upsert-subscriber
import * as z from 'zod';

// subscribers: "Must be one of the possible statuses: active, unsubscribed, unconfirmed, bounced or junk."
export const MAILERLITE_STATUSES = ['active', 'unsubscribed', 'unconfirmed', 'bounced', 'junk'] as const;

// subscribers: dates are "yyyy-MM-dd HH:mm:ss" (UTC), not ISO 8601 with "T" and "Z".
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
// Group ids are numeric strings such as "4243829086487936" (groups API); names are not accepted.
const GROUP_ID = /^\d+$/;

const DateTime = z.string().superRefine((value, ctx) => {
  if (DATE_TIME.test(value) && !Number.isNaN(Date.parse(`${value.replace(' ', 'T')}Z`))) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'mailerlite.invalid-date' },
    message: `${JSON.stringify(value)} is not a MailerLite date: use "yyyy-MM-dd HH:mm:ss" in UTC, e.g. "2025-08-04 05:30:45" (iso.slice(0, 19).replace("T", " "))`,
  });
});

const GroupId = z.string().superRefine((value, ctx) => {
  if (GROUP_ID.test(value)) return;
  ctx.addIssue({
    code: 'custom', params: { code: 'mailerlite.invalid-group' },
    message: `${JSON.stringify(value)} is not a group id: MailerLite takes the numeric id of an existing group (Subscribers → Groups, or GET /api/groups), not its name`,
  });
});

/** Field values are text, numbers or dates as text; null clears a field. */
const FieldValue = z.union([z.string(), z.number(), z.null()]);

export const MailerLiteSubscriberSchema = z.object({
  email: z.email(),
  fields: z.record(z.string(), FieldValue).optional(),
  groups: z.array(GroupId).optional(),
  status: z.enum(MAILERLITE_STATUSES).optional(),
  subscribed_at: DateTime.optional(),
  ip_address: z.string().nullable().optional(),
  opted_in_at: DateTime.nullable().optional(),
  optin_ip: z.string().nullable().optional(),
  unsubscribed_at: DateTime.nullable().optional(),
});

export type MailerLiteStatus = (typeof MAILERLITE_STATUSES)[number];
export type MailerLiteSubscriber = z.infer<typeof MailerLiteSubscriberSchema>;
