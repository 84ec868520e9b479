// Loops API v1: routes, hosts, and the rules the schemas cannot express.
// Source: https://loops.so/docs/api-reference (send-event, create-contact, update-contact, send-transactional-email)
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import { isRecord, issue, jsonPath } from './json.js';
import {
  LoopsContactCreateFieldsSchema, LoopsContactCreateSchema, LoopsContactUpdateFieldsSchema, LoopsContactUpdateSchema,
  LoopsEventFieldsSchema, LoopsEventSchema, LoopsTransactionalSchema,
} from './loops-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './loops-schema.js';

/** The API host. Dodo's integration page sends to api.loops.so/v1/…, which Loops does not document. */
export const LOOPS_HOSTS = ['app.loops.so'] as const;
const WRONG_HOST = 'api.loops.so';

// Loops documents no body size limit: this cap only catches runaway payloads, as a warning.
export const LOOPS_SIZE_CAP_BYTES = 1024 * KIB;

interface LoopsRoute extends DestinationEndpoint {
  method: 'POST' | 'PUT';
  /** Named top-level fields; other keys are contact properties (undefined: the body has no contact properties). */
  fields?: ReadonlySet<string>;
}

const route = (path: string, kind: string, method: LoopsRoute['method'], schema: LoopsRoute['schema'], fields?: readonly string[]): LoopsRoute =>
  ({ path, kind, method, schema, sizeLimitBytes: LOOPS_SIZE_CAP_BYTES, ...(fields && { fields: new Set(fields) }) });

export const LOOPS_ENDPOINTS: readonly LoopsRoute[] = [
  route('/api/v1/events/send', 'event', 'POST', LoopsEventSchema, Object.keys(LoopsEventFieldsSchema.shape)),
  route('/api/v1/contacts/create', 'contact-create', 'POST', LoopsContactCreateSchema, Object.keys(LoopsContactCreateFieldsSchema.shape)),
  route('/api/v1/contacts/update', 'contact-update', 'PUT', LoopsContactUpdateSchema, Object.keys(LoopsContactUpdateFieldsSchema.shape)),
  route('/api/v1/transactional', 'transactional', 'POST', LoopsTransactionalSchema),
];

const NAME = 'Loops';

export const loops: Destination = {
  id: 'loops',
  name: NAME,
  hosts: LOOPS_HOSTS,
  matches: (url) => ([...LOOPS_HOSTS, WRONG_HOST] as string[]).includes(url.hostname.toLowerCase()),
  endpoints: LOOPS_ENDPOINTS,
  sizeLimitBytes: LOOPS_SIZE_CAP_BYTES,
  validate(url, method, payload) {
    const parsed = parseUrl(url);
    let path = parsed?.pathname.replace(/\/+$/, '') ?? url;
    const hostIssues: DestinationIssue[] = [];
    if (parsed?.hostname.toLowerCase() === WRONG_HOST) {
      // Check the body against the route the URL was meant for, so one run shows every problem.
      if (!path.startsWith('/api/')) path = `/api${path}`;
      hostIssues.push(issue('loops.wrong-host', '$', `api.loops.so is not the Loops API host (Dodo's example uses it): send to https://app.loops.so${path}`));
    }
    const endpoint = LOOPS_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) {
      return [...hostIssues, issue('loops.unknown-endpoint', '$',
        `"${path}" is not a Loops API route this tool knows: use one of ${LOOPS_ENDPOINTS.map((e) => `https://app.loops.so${e.path}`).join(', ')}`)];
    }
    const parsedBody = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...hostIssues,
      ...routeMethod(method, endpoint),
      ...checkSize(payload, endpoint, NAME).map(softLimit),
      ...(parsedBody.success ? [] : fromZodIssues(parsedBody.error.issues, payload, classify(endpoint))),
      ...nonEcmaDates(payload, endpoint),
    ]);
  },
};

function routeMethod(method: string, endpoint: LoopsRoute): DestinationIssue[] {
  if (endpoint.method === 'POST') return checkMethod(method, NAME);
  if (method.toUpperCase() === endpoint.method) return [];
  return [issue('loops.wrong-method', '$', `Loops ${endpoint.path} takes ${endpoint.method}, not ${method}: set method to "${endpoint.method}"`)];
}

function softLimit(i: DestinationIssue): DestinationIssue {
  return i.code === 'size.too-large' ? { ...i, severity: 'warning', message: `${i.message} (Loops documents no limit; this is a sanity cap)` } : i;
}

const classify = (endpoint: LoopsRoute): IssueClassifier => ({ issue: zi, path, value }) => {
  const [first, second] = path;
  if (first === 'eventName' && (value === undefined || value === '')) {
    return issue('loops.missing-event-name', path, 'eventName is required: the name your Loops workflow triggers on, e.g. "paymentSucceeded"');
  }
  if (first === 'mailingLists') {
    return issue('loops.invalid-mailing-lists', path, `${jsonPath(path)} must map mailing list ids to true or false, not ${describeValue(value)}`);
  }
  if (first === 'eventProperties' && path.length === 2) {
    return issue('loops.invalid-property-value', path,
      `${jsonPath(path)} is ${describeValue(value)}; event properties are strings, numbers, booleans or dates (Unix ms): ${value === null ? 'leave the property out when there is no value' : 'flatten it or send it as a string'}`);
  }
  if (path.length === 1 && typeof first === 'string' && endpoint.fields && !endpoint.fields.has(first) && zi.code === 'invalid_union') {
    const hint = first === 'properties' || first === 'data'
      ? `; event data goes in eventProperties, not "${first}" (Dodo's example sends "properties", which Loops reads as a contact property)`
      : ': flatten it or send it as a string';
    return issue('loops.invalid-property-value', path,
      `Top-level "${first}" is a contact property, and contact properties are strings, numbers, booleans, dates or null, not ${describeValue(value)}${hint}`);
  }
  if (second === undefined && first === 'email' && (value === undefined || value === '')) {
    return issue('loops.missing-identity', path, `email is required${endpoint.kind === 'transactional' ? ' to send a transactional email' : ' to create a contact'}: set it to the customer's email`);
  }
  return undefined;
};

// An ECMA-262 date-time string has at most three fraction digits; Dodo's timestamps have six.
const LONG_FRACTION = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{4,}/;

/** Date properties: Dodo's "…45.182629Z" is not ECMA-262, so Loops may not read it as a date. */
function nonEcmaDates(payload: unknown, endpoint: LoopsRoute): DestinationIssue[] {
  if (!isRecord(payload) || !endpoint.fields) return [];
  const bags: [Record<string, unknown>, PropertyKey[]][] = [[payload, []]];
  if (isRecord(payload['eventProperties'])) bags.push([payload['eventProperties'], ['eventProperties']]);
  return bags.flatMap(([bag, at]) => Object.entries(bag)
    .filter(([, v]) => typeof v === 'string' && LONG_FRACTION.test(v))
    .map(([k, v]) => issue('loops.non-ecma-date', [...at, k],
      `${jsonPath([...at, k])} is ${JSON.stringify(v)}: Loops takes dates as Unix milliseconds or ECMA-262 strings (3 fraction digits at most); send toUnixMillis(timestamp)`,
      'warning')));
}
