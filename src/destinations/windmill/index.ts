// Windmill webhooks: routes (any host, since Windmill is often self-hosted), limits, and lints.
// Source: https://www.windmill.dev/docs/core_concepts/webhooks
import { isRecord } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { WINDMILL_ARG_NAME, WINDMILL_HOSTS, WINDMILL_RUN_MODES, WINDMILL_TARGET_KINDS, WindmillArgsSchema } from './schema.js';
import type { WindmillRunMode, WindmillTargetKind } from './schema.js';

export * from './schema.js';

// windmill-api lib.rs: DEFAULT_BODY_LIMIT 2 MB unless the instance sets REQUEST_SIZE_LIMIT.
export const WINDMILL_BODY_LIMIT_BYTES = 2 * KIB * KIB;

/** The webhook routes the docs list, claimed on any host. */
const RUN_ROUTE = /^\/api\/w\/[^/]+\/jobs\/(?:run|run_wait_result|run_and_stream)(?:\/|$)/;
const ROUTE = /^\/api\/w\/([^/]+)\/jobs\/([a-z_]+)\/([a-z]+)\/(.+?)\/?$/;
/** Script and flow paths carry their owner: u/<user>/…, f/<folder>/… (g/<group>/… on older instances). */
const OWNED_PATH = /^[ufg]\/[^/]+\/[^/]/;

interface WindmillRoute extends DestinationEndpoint {
  mode: WindmillRunMode;
}

export const WINDMILL_ENDPOINTS: readonly WindmillRoute[] = WINDMILL_RUN_MODES.flatMap((mode) =>
  WINDMILL_TARGET_KINDS.map((kind) => ({
    path: `/api/w/{workspace}/jobs/${mode}/${kind}/{path}`, kind: `${mode}/${kind}`, mode,
    schema: WindmillArgsSchema, sizeLimitBytes: WINDMILL_BODY_LIMIT_BYTES,
  })));

const CODES = {
  'windmill.unknown-endpoint': error('a Windmill URL that is not a webhook route /api/w/<workspace>/jobs/run…/p|f|h|fv/<target>'),
  'windmill.sync-endpoint': warning('a run_wait_result or run_and_stream route: a slow job times the delivery out and the retry runs it again'),
  'windmill.body-wrapped': warning('a body that is not a JSON object: Windmill passes it as one argument named body'),
  'windmill.arg-name': warning('a top-level key that is not an identifier, so no script parameter can receive it'),
  'windmill.token-in-url': warning('the token is in the URL query instead of an Authorization header'),
};
const issue = issuesFor(CODES);

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

export const windmill = defineDestination({
  id: 'windmill',
  title: 'Windmill',
  codePrefix: 'windmill',
  codes: CODES,
  hosts: WINDMILL_HOSTS,
  claims: RUN_ROUTE,
  urlFrom: 'card',
  card: { credentials: 'webhook URL and token', sampleUrl: 'https://app.windmill.dev/api/w/billing/jobs/run/f/f/billing/dodo_events' },
  routes: WINDMILL_ENDPOINTS,
  resolveRoute(path) {
    const route = parseRoute(path);
    return typeof route === 'string' ? undefined : WINDMILL_ENDPOINTS.find((e) => e.kind === `${route.mode}/${route.kind}`);
  },
  unknownRoute: { message: (path) => parseRoute(path) as string, checkMethod: true },
  // Any JSON is accepted; argsShape says how Windmill will pass it to the script.
  schemaInput: () => undefined,
  lint: ({ url, route, payload }) => {
    const query = url?.searchParams;
    return [
      ...syncRoute(route.mode),
      ...(query?.get('wrap_body') === 'true' ? [] : argsShape(payload)),
      ...(query?.has('token') ? [tokenInUrl()] : []),
    ];
  },
});
