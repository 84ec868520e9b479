import { suggestEventType } from '../util/suggest-event.js';
import * as z from 'zod';
import { isEventType } from '../runtime/events/event-types.js';
import type { EventType } from '../runtime/events/event-types.js';
import { getPayloadType } from '../runtime/events/payload-type.js';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** A user's value for a message, cut short: a 5,000-character string would drown the report. */
function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Zod error callback: "missing" versus "wrong type", in plain words. */
const expected = (what: string) => (issue: { input?: unknown }): string =>
  issue.input === undefined ? `missing; expected ${what}` : `expected ${what}, got ${describe(issue.input)}`;

/**
 * The webhook envelope a sample file in folder `folder` must have. Only the parts
 * every delivery shares are checked; the rest of `data` is the mapping's business.
 */
export function envelopeSchema(folder: EventType) {
  const payloadType = getPayloadType(folder);
  return z.looseObject({
    business_id: z.string({ error: expected('a string') }),
    type: z.string({ error: expected('an event type string') }).superRefine((type, ctx) => {
      if (!isEventType(type)) {
        const hint = suggestEventType(type);
        const message = `${quote(type)} is not a Dodo event type${hint ? `; did you mean "${hint}"?` : ''}`;
        ctx.addIssue({ code: 'custom', message });
      } else if (type !== folder) {
        ctx.addIssue({ code: 'custom', message: `type "${type}" does not match its folder "${folder}"` });
      }
    }),
    timestamp: z.iso.datetime({
      offset: true,
      error: (issue) => typeof issue.input === 'string'
        ? `expected an ISO 8601 timestamp like "2025-08-04T05:30:45.182629Z", got ${quote(issue.input)}`
        : expected('an ISO 8601 timestamp string')(issue),
    }),
    data: z.looseObject({
      payload_type: z.string({ error: expected(`"${payloadType}"`) }).superRefine((value, ctx) => {
        if (value !== payloadType) {
          const message = `expected "${payloadType}" for ${folder} events, got ${quote(value)}`;
          ctx.addIssue({ code: 'custom', message });
        }
      }),
    }, { error: expected('an object') }),
  }, { error: expected('an object') });
}

