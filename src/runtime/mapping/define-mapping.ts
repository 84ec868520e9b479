import type { EventType } from '../events/event-types.js';
import type { DodoEvent } from '../events/types.js';
import type { DestinationId } from './destination-ids.js';

/** Methods the runtime honours. PATCH only works on newer runtimes: the compiler warns about it. */
export type HttpMethod = 'POST' | 'PUT' | 'PATCH';

/** What a mapping returns to send a request. Fields left out keep the endpoint's values. */
export interface Send {
  /** The JSON body to send. */
  payload: unknown;
  /** Where to send it; defaults to the mapping's top-level `url`, then the endpoint's URL. */
  url?: string;
  /** @default "POST" */
  method?: HttpMethod;
  /** Replaces the endpoint's headers; values must be strings. */
  headers?: Record<string, string>;
}

/** What `skip()` returns: the runtime drops the message and reports it as delivered. */
export interface Skip {
  readonly cancel: true;
}

export type MappingResult = Send | Skip;

/** The read-only view of the incoming webhook that a mapping may consult. */
export interface WebhookContext {
  readonly eventType: EventType;
  readonly url: string;
  readonly method: string;
  /** The endpoint's variables (set in the dashboard); may be absent. */
  readonly env?: Readonly<Record<string, string>>;
  /**
   * Absent in the runtime's input: the endpoint's own headers are not shown to the code. Typed so
   * that `{ ...webhook.headers, … }`, common in hand-written snippets, compiles; set headers in the
   * result's `headers`.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** The transformation's parameters, when the runtime passes any; may be absent. */
  readonly transformationsParams?: Readonly<Record<string, unknown>>;
}

export type EventHandler<E extends EventType> = (event: DodoEvent<E>, webhook: WebhookContext) => MappingResult;

/** One optional handler per Dodo event type; each receives exactly that event. */
export type EventHandlers = { [E in EventType]?: EventHandler<E> };

export interface Mapping {
  /**
   * The integration this mapping is for. Its request checks then run even when the URL comes
   * from the dashboard card (Slack, Discord, Teams, Zapier, n8n, Inngest, Windmill): leave `url`
   * out for those, so the card's URL is kept.
   */
  destination?: DestinationId;
  /** Default destination URL for every event whose result has no `url`; leave it out where the card supplies the URL. */
  url?: string;
  /**
   * What happens to events with no handler: `"cancel"` drops them, `"passthrough"`
   * forwards the original webhook unchanged.
   * @default "cancel"
   */
  otherEvents?: 'cancel' | 'passthrough';
  events: EventHandlers;
}

/**
 * Declares a mapping. An identity function: the types do the work (each handler's
 * `event` is the exact event, unknown event keys are errors with a suggestion).
 * @example
 * export default defineMapping({
 *   destination: "segment",
 *   url: "https://api.segment.io/v1/track",
 *   events: {
 *     "payment.succeeded": (event) => ({ payload: { userId: event.data.customer.customer_id, event: "Order Completed" } }),
 *   },
 * });
 */
export function defineMapping(mapping: Mapping): Mapping {
  return mapping;
}

/** Return `skip()` from a handler to drop this message (the runtime's `cancel`). */
export function skip(): Skip {
  return { cancel: true };
}
