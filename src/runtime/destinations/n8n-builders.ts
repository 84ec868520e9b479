// Typed builders for n8n Webhook node requests. Bundled into snippets: plain code, types only from the schema.
// Source: https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.webhook/
import type { N8nWebhookObject } from '../../destinations/n8n/schema.js';

export type { N8nWebhookBody, N8nWebhookObject } from '../../destinations/n8n/schema.js';

/**
 * The Webhook node's Production URL: <origin>/webhook/<path>. Never the /webhook-test/ URL, which
 * only answers while the editor listens for a test event.
 */
export function n8nWebhookUrl(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}/webhook/${path.replace(/^\/+/, '')}`;
}

/**
 * One event as the node's body; the workflow reads it as `$json.body.<field>`.
 * Fields set to undefined are left out, as JSON would drop them anyway.
 */
export function n8nEvent<E extends { [key: string]: N8nWebhookObject[string] | undefined }>(fields: E): N8nWebhookObject {
  const out: N8nWebhookObject = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
