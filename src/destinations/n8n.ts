// n8n Webhook node: production and test URLs (any host, since n8n is often self-hosted), limits, and lints.
// Source: https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.webhook/workflow-development/
import { checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import { issue } from './json.js';
import { N8N_CLOUD_SUFFIX, N8nWebhookBodySchema } from './n8n-schema.js';
import { WINDMILL_HOSTS } from './windmill-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';

export * from './n8n-schema.js';

export const N8N_HOSTS = [`*${N8N_CLOUD_SUFFIX}`] as const;

// Environment variables (endpoints): N8N_PAYLOAD_SIZE_MAX defaults to 16 MiB.
export const N8N_BODY_LIMIT_BYTES = 16 * KIB * KIB;

export const N8N_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/webhook/{path}', kind: 'production', schema: N8nWebhookBodySchema, sizeLimitBytes: N8N_BODY_LIMIT_BYTES },
  { path: '/webhook-test/{path}', kind: 'test', schema: N8nWebhookBodySchema, sizeLimitBytes: N8N_BODY_LIMIT_BYTES },
  { path: '/webhook-waiting/{execution_id}', kind: 'resume', schema: N8nWebhookBodySchema, sizeLimitBytes: N8N_BODY_LIMIT_BYTES },
];

/** The default endpoint names (N8N_ENDPOINT_WEBHOOK, …_TEST); only these two are claimed on any host. */
const CLAIMED = /^\/(?:webhook|webhook-test)\/[^/]/;
const ROUTE = /^\/(webhook|webhook-test|webhook-waiting)\/[^/]/;
const KIND_OF: Record<string, string> = { webhook: 'production', 'webhook-test': 'test', 'webhook-waiting': 'resume' };

const NAME = 'n8n';

export const n8n: Destination = {
  id: 'n8n',
  name: NAME,
  hosts: N8N_HOSTS,
  matches(url) {
    const host = url.hostname.toLowerCase();
    if (host.endsWith(N8N_CLOUD_SUFFIX)) return true;
    // Windmill Cloud's host belongs to Windmill whatever the path.
    return CLAIMED.test(url.pathname) && !(WINDMILL_HOSTS as readonly string[]).includes(host);
  },
  endpoints: N8N_ENDPOINTS,
  sizeLimitBytes: N8N_BODY_LIMIT_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const segment = ROUTE.exec(path)?.[1];
    const endpoint = N8N_ENDPOINTS.find((e) => e.kind === KIND_OF[segment ?? '']);
    if (!endpoint) {
      return [issue('n8n.unknown-endpoint', '$',
        `"${path}" is not an n8n webhook URL: copy the Production URL from the Webhook node (https://<your n8n>/webhook/<path>)`)];
    }
    return errorsFirst([
      ...checkSize(payload, endpoint, NAME),
      ...(endpoint.kind === 'test' ? [testUrl(path)] : []),
      ...methodMatchesNode(method),
    ]);
  },
};

/** The test URL is registered only while the editor listens (120 s), so live deliveries get 404s. */
function testUrl(path: string): DestinationIssue {
  return issue('n8n.test-url', '$',
    `${path} is the Webhook node's Test URL, which only answers while the editor is listening for a test event: use the Production URL (/webhook/… instead of /webhook-test/…) and activate the workflow`,
    'warning');
}

/** The node answers only its configured method(s): it must be set to what is sent. */
function methodMatchesNode(method: string): DestinationIssue[] {
  if (method.toUpperCase() === 'POST') return [];
  return [issue('n8n.method-not-post', '$',
    `The request is sent with ${method}: set the Webhook node's HTTP Method to ${method.toUpperCase()} too, or send POST as the n8n integration expects`,
    'warning')];
}
