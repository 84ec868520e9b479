import type { Mapping, MappingResult, WebhookContext } from './define-mapping.js';

/** The object the runtime passes to `handler` and expects back. */
export interface Webhook extends WebhookContext {
  url: string;
  method: string;
  payload: unknown;
  headers?: Record<string, string>;
  cancel?: boolean;
  [field: string]: unknown;
}

type AnyHandler = (event: unknown, webhook: WebhookContext) => MappingResult;

/**
 * The whole runtime semantics of a mapping, and the only dispatch code a snippet
 * carries: the compiler bundles this very function, so a snippet and a direct
 * call to the TypeScript mapping cannot disagree.
 * The handler reads the incoming payload before anything on `webhook` changes.
 */
export function applyMapping(mapping: Mapping, webhook: Webhook): Webhook {
  const events = mapping.events as Record<string, AnyHandler | undefined>;
  // Own keys only: an event named like an Object.prototype member must not dispatch.
  const on = Object.prototype.hasOwnProperty.call(events, webhook.eventType) ? events[webhook.eventType] : undefined;
  if (!on) {
    if (mapping.otherEvents !== 'passthrough') webhook.cancel = true;
    return webhook;
  }
  const result = on(webhook.payload, webhook) as unknown as Record<string, unknown>;
  if (mapping.url) webhook.url = mapping.url;
  // Fields a handler leaves undefined keep the endpoint's values.
  for (const key in result) if (result[key] !== undefined) webhook[key] = result[key];
  return webhook;
}
