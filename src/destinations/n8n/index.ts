// n8n Webhook node: production and test URLs (any host, since n8n is often self-hosted), limits, and lints.
// Source: https://docs.n8n.io/integrations/builtin/core-nodes/n8n-nodes-base.webhook/workflow-development/
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue } from '../define-destination.js';
import { N8N_CLOUD_SUFFIX, N8nWebhookBodySchema } from './schema.js';

export * from './schema.js';

export const N8N_HOSTS = [`*${N8N_CLOUD_SUFFIX}`] as const;

// Environment variables (endpoints): N8N_PAYLOAD_SIZE_MAX defaults to 16 MiB.
export const N8N_BODY_LIMIT_BYTES = 16 * KIB * KIB;

const route = (kind: string, path: string, segment: string): DestinationEndpoint =>
  ({ path, kind, match: new RegExp(`^/${segment}/[^/]`), schema: N8nWebhookBodySchema, sizeLimitBytes: N8N_BODY_LIMIT_BYTES });

export const N8N_ENDPOINTS: readonly DestinationEndpoint[] = [
  route('production', '/webhook/{path}', 'webhook'),
  route('test', '/webhook-test/{path}', 'webhook-test'),
  route('resume', '/webhook-waiting/{execution_id}', 'webhook-waiting'),
];

/** The default endpoint names (N8N_ENDPOINT_WEBHOOK, …_TEST); only these two are claimed on any host. */
const CLAIMED = /^\/(?:webhook|webhook-test)\/[^/]/;

const CODES = {
  'n8n.unknown-endpoint': error('an n8n Cloud URL that is not a Webhook node URL /webhook/<path>'),
  'n8n.test-url': warning('a /webhook-test/ URL, which only answers while the editor listens for a test event'),
  'n8n.method-not-post': warning('a method other than POST: the Webhook node must be set to that method'),
};
const issue = issuesFor(CODES);

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

export const n8n = defineDestination({
  id: 'n8n',
  title: 'n8n',
  codePrefix: 'n8n',
  codes: CODES,
  hosts: N8N_HOSTS,
  claims: CLAIMED,
  urlFrom: 'card',
  card: { credentials: 'Webhook node production URL', sampleUrl: 'https://dodo-sample.app.n8n.cloud/webhook/dodo-payments' },
  routes: N8N_ENDPOINTS,
  unknownRoute: {
    message: (path) => `"${path}" is not an n8n webhook URL: copy the Production URL from the Webhook node (https://<your n8n>/webhook/<path>)`,
  },
  // The node answers the method it is set to: that check comes with the URL's below, as a warning.
  wrongMethod: () => [],
  // Any JSON body is handed to the workflow as is.
  schemaInput: () => undefined,
  lint: ({ path, method, route }) => [...(route.kind === 'test' ? [testUrl(path)] : []), ...methodMatchesNode(method)],
});
