// Typed builders for Inngest Event API bodies. Bundled into snippets: plain code, types only from the schema.
// Source: https://www.inngest.com/docs/reference/typescript/v4/events/send
import type { InngestBatch, InngestEvent } from '../../destinations/inngest/schema.js';

export type { InngestBatch, InngestEvent, InngestRequestBody } from '../../destinations/inngest/schema.js';

/** The Event API URL for an event key (Inngest dashboard → Manage → Event Keys). */
export function inngestEventUrl(eventKey: string): string {
  return `https://inn.gs/e/${encodeURIComponent(eventKey)}`;
}

/**
 * One event, with optional fields left out rather than sent as null.
 * `ts` is Unix **milliseconds** (use `toUnixMillis(event.timestamp)`); `id` deduplicates retries.
 * @example inngestEvent({ name: "dodo/payment.succeeded", data: { payment_id }, id: `payment.succeeded:${payment_id}`, ts: toUnixMillis(event.timestamp) })
 */
export function inngestEvent<D extends NonNullable<InngestEvent['data']>>(event: InngestEvent & { data: D }): InngestEvent & { data: D } {
  const out: InngestEvent & { data: D } = { name: event.name, data: event.data };
  if (event.id !== undefined) out.id = event.id;
  if (event.ts !== undefined) out.ts = event.ts;
  if (event.v !== undefined) out.v = event.v;
  if (event.user !== undefined && event.user !== null) out.user = event.user;
  return out;
}

/** Several events in one request (at most 5,000). */
export function inngestBatch(events: InngestBatch): InngestBatch {
  return events.slice();
}
