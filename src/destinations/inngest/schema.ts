// Request bodies of Inngest's Event API (POST https://inn.gs/e/<event key>): one event or an array of them.
// Source: https://www.inngest.com/docs/reference/typescript/v4/events/send and the server's own check,
// github.com/inngest/inngest pkg/event/event.go (Event.Validate) and pkg/api/api.go (ReceiveEvent).
import * as z from 'zod';

/** A free-form JSON object (data, user). */
const JsonObject = z.record(z.string(), z.unknown());

// usage-limits: an event name may be at most 256 characters.
export const INNGEST_NAME_MAX_CHARS = 256;
// pkg/api/api.go: names starting with "inngest/" are reserved and the whole request is rejected.
export const INNGEST_RESERVED_PREFIX = 'inngest/';
// pkg/event/event.go: ts must fall in [1980-01-01, 2100-01-01) as Unix milliseconds.
export const INNGEST_TS_MIN_MS = Date.UTC(1980, 0, 1);
export const INNGEST_TS_MAX_MS = Date.UTC(2100, 0, 1);
// Below this a millisecond value is before 2001-09-09: almost surely seconds.
export const INNGEST_TS_PLAUSIBLE_MS = 1e12;

const EventName = z.string().min(1).superRefine((name, ctx) => {
  if (name.length > INNGEST_NAME_MAX_CHARS) {
    ctx.addIssue({
      code: 'custom', params: { code: 'inngest.name-too-long' },
      message: `name is ${name.length} characters; Inngest accepts event names of at most ${INNGEST_NAME_MAX_CHARS}: shorten it`,
    });
  }
  if (name.startsWith(INNGEST_RESERVED_PREFIX)) {
    ctx.addIssue({
      code: 'custom', params: { code: 'inngest.reserved-name' },
      message: `name "${name}" starts with "${INNGEST_RESERVED_PREFIX}", which Inngest reserves for its own events and rejects with a 400: use your own prefix such as "dodo/"`,
    });
  }
});

/** `ts` is an integer in Unix milliseconds (the server stores it as int64 and checks the range). */
const Timestamp = z.int().superRefine((ts, ctx) => {
  if (ts < INNGEST_TS_MIN_MS) {
    ctx.addIssue({
      code: 'custom', params: { code: 'inngest.ts-seconds' },
      message: `ts ${ts} is before 1980 as milliseconds, so the Event API rejects it with a 400; it looks like Unix seconds: send milliseconds, e.g. toUnixMillis(event.timestamp) or Date.parse(iso)`,
    });
  } else if (ts < INNGEST_TS_PLAUSIBLE_MS) {
    ctx.addIssue({
      code: 'custom', params: { code: 'inngest.ts-seconds', severity: 'warning' },
      message: `ts ${ts} is before 2001 as milliseconds: if it is Unix seconds, multiply by 1000 (toUnixMillis(event.timestamp))`,
    });
  } else if (ts >= INNGEST_TS_MAX_MS) {
    ctx.addIssue({
      code: 'custom', params: { code: 'inngest.ts-out-of-range' },
      message: `ts ${ts} is after 2100 as milliseconds, so the Event API rejects it; microseconds or nanoseconds? Send Unix milliseconds`,
    });
  }
});

/** One event. Unknown top-level keys are ignored by the server (a lint warns about them). */
export const InngestEventSchema = z.object({
  /** The event name functions trigger on, e.g. "dodo/payment.succeeded". */
  name: EventName,
  /** The payload functions read as `event.data`; the server treats a missing one as {}. */
  data: JsonObject.nullish(),
  /** User identifying data; encrypted at rest. */
  user: JsonObject.nullish(),
  /** Idempotency key: later events with the same id do not trigger functions again. */
  id: z.string().optional(),
  /** When it happened, Unix milliseconds; a future ts delays the runs. Defaults to receipt time. */
  ts: Timestamp.optional(),
  /** Version of the event's payload schema, e.g. "2025-08-04.1". */
  v: z.string().optional(),
});

/** Several events in one request (at most 5,000: checked by the destination). */
export const InngestBatchSchema = z.array(InngestEventSchema);

export type InngestEvent = z.infer<typeof InngestEventSchema>;
export type InngestBatch = z.infer<typeof InngestBatchSchema>;
/** The Event API body: one event or an array of events. */
export type InngestRequestBody = InngestEvent | InngestBatch;
