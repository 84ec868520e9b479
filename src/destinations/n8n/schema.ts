// Request bodies of n8n's Webhook trigger node (/webhook/<path>, /webhook-test/<path>).
// Source: https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.webhook/ (any JSON body; the node
// hands the workflow { headers, params, query, body }).
import * as z from 'zod';

/** n8n Cloud instances live at <name>.app.n8n.cloud; self-hosted ones are recognised by the route. */
export const N8N_CLOUD_SUFFIX = '.app.n8n.cloud';

/** Any JSON value: the Webhook node puts it as-is at `$json.body`. */
export const N8nWebhookBodySchema = z.json();

export type N8nWebhookBody = z.infer<typeof N8nWebhookBodySchema>;
/** The usual case: one JSON object per event, so workflow expressions read `$json.body.<field>`. */
export type N8nWebhookObject = { [key: string]: N8nWebhookBody };
