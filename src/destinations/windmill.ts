// Windmill webhooks: routes (any host, since Windmill is often self-hosted), limits, and lints.
// Source: https://www.windmill.dev/docs/core_concepts/webhooks
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import { isRecord, issue } from './json.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { N8N_CLOUD_SUFFIX } from './n8n-schema.js';
import { WINDMILL_ARG_NAME, WINDMILL_HOSTS, WINDMILL_RUN_MODES, WINDMILL_TARGET_KINDS, WindmillArgsSchema } from './windmill-schema.js';
import type { WindmillRunMode, WindmillTargetKind } from './windmill-schema.js';
import { describeValue } from './zod-issues.js';

export * from './windmill-schema.js';

// windmill-api lib.rs: DEFAULT_BODY_LIMIT 2 MB unless the instance sets REQUEST_SIZE_LIMIT.
export const WINDMILL_BODY_LIMIT_BYTES = 2 * KIB * KIB;

/** The webhook routes the docs list, claimed on any host. */
const RUN_ROUTE = /^\/api\/w\/[^/]+\/jobs\/(?:run|run_wait_result|run_and_stream)(?:\/|$)/;
const ROUTE = /^\/api\/w\/([^/]+)\/jobs\/([a-z_]+)\/([a-z]+)\/(.+?)\/?$/;
/** Script and flow paths carry their owner: u/<user>/…, f/<folder>/… (g/<group>/… on older instances). */
const OWNED_PATH = /^[ufg]\/[^/]+\/[^/]/;

export const WINDMILL_ENDPOINTS: readonly DestinationEndpoint[] = WINDMILL_RUN_MODES.flatMap((mode) =>
  WINDMILL_TARGET_KINDS.map((kind) => ({
    path: `/api/w/{workspace}/jobs/${mode}/${kind}/{path}`, kind: `${mode}/${kind}`,
    schema: WindmillArgsSchema, sizeLimitBytes: WINDMILL_BODY_LIMIT_BYTES,
  })));

const NAME = 'Windmill';

export const windmill: Destination = {
  id: 'windmill',
  name: NAME,
  hosts: WINDMILL_HOSTS,
  matches(url) {
    const host = url.hostname.toLowerCase();
    if ((WINDMILL_HOSTS as readonly string[]).includes(host)) return true;
    // n8n Cloud hosts belong to n8n whatever the path.
    return RUN_ROUTE.test(url.pathname) && !host.endsWith(N8N_CLOUD_SUFFIX);
  },
  endpoints: WINDMILL_ENDPOINTS,
  sizeLimitBytes: WINDMILL_BODY_LIMIT_BYTES,
  validate(url, method, payload) {
    const parsedUrl = parseUrl(url);
    const path = parsedUrl?.pathname ?? url;
    const route = parseRoute(path);
    if (typeof route === 'string') return [issue('windmill.unknown-endpoint', '$', route), ...checkMethod(method, NAME)];
    const endpoint = WINDMILL_ENDPOINTS.find((e) => e.kind === `${route.mode}/${route.kind}`) as DestinationEndpoint;
    const query = parsedUrl?.searchParams;
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME),
      ...syncRoute(route.mode),
      ...(query?.get('wrap_body') === 'true' ? [] : argsShape(payload)),
      ...(query?.has('token') ? [tokenInUrl()] : []),
    ]);
  },
};

interface Route { mode: WindmillRunMode; kind: WindmillTargetKind }

/** The route's parts, or a message saying what is wrong with it. */
function parseRoute(path: string): Route | string {
  const known = `/api/w/<workspace>/jobs/run/f/<flow path> (or run/p/<script path>, run/h/<hash>)`;
  const m = ROUTE.exec(path);
  const mode = m?.[2] as WindmillRunMode | undefined;
  const kind = m?.[3] as WindmillTargetKind | undefined;
  if (!m || !mode || !kind || !WINDMILL_RUN_MODES.includes(mode) || !WINDMILL_TARGET_KINDS.includes(kind)) {
    return `"${path}" is not a Windmill webhook route: copy the webhook URL from the script's or flow's Details → Triggers tab, e.g. ${known}`;
  }
  if ((kind === 'p' || kind === 'f') && !OWNED_PATH.test(m[4] ?? '')) {
    return `"${m[4]}" is not a full ${kind === 'f' ? 'flow' : 'script'} path: it starts with its owner, u/<user>/… or f/<folder>/… (e.g. …/jobs/run/${kind}/f/billing/on_payment)`;
  }
  return { mode, kind };
}

/** Sync routes hold the delivery open until the job ends: a slow job times out and is retried, running twice. */
function syncRoute(mode: WindmillRunMode): DestinationIssue[] {
  if (mode === 'run') return [];
  return [issue('windmill.sync-endpoint', '$',
    `/jobs/${mode}/ waits for the job to finish before answering; a job slower than the webhook timeout fails the delivery and the retry runs it again: use the async route /jobs/run/ instead`,
    'warning')];
}

function argsShape(payload: unknown): DestinationIssue[] {
  if (!isRecord(payload)) {
    return [issue('windmill.body-wrapped', '$',
      `The body is ${describeValue(payload)}, not an object, so Windmill passes it as a single argument named body: send an object whose keys are the script's parameters, or give main() a body parameter`,
      'warning')];
  }
  return Object.keys(payload).filter((k) => !WINDMILL_ARG_NAME.test(k)).map((k) => issue('windmill.arg-name', [k],
    `"${k}" cannot be a parameter name of main() or a flow input, so the script never receives it: use an identifier such as "${k.replace(/[^A-Za-z0-9_$]+/g, '_').replace(/^(?=\d)/, '_')}"`,
    'warning'));
}

function tokenInUrl(): DestinationIssue {
  return issue('windmill.token-in-url', '$',
    'The URL carries ?token=…, so the token lands in logs and anything that prints the URL: prefer a webhook-specific token sent as "Authorization: Bearer <token>" in the endpoint\'s custom headers',
    'warning');
}
