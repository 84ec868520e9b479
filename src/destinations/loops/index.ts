// Loops API v1: routes, hosts, and the rules the schemas cannot express.
// Source: https://loops.so/docs/api-reference (send-event, create-contact, update-contact, send-transactional-email)
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import {
  LoopsContactCreateFieldsSchema, LoopsContactCreateSchema, LoopsContactUpdateFieldsSchema, LoopsContactUpdateSchema,
  LoopsEventFieldsSchema, LoopsEventSchema, LoopsTransactionalSchema,
} from './schema.js';

export * from './schema.js';

/** The API host. Dodo's Loops example sends to api.loops.so/v1/…, which Loops does not document. */
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

const CODES = {
  'loops.unknown-endpoint': error('a Loops API path that is not events/send, contacts/create, contacts/update or transactional'),
  'loops.wrong-host': error('a request to api.loops.so instead of app.loops.so/api/v1'),
  'loops.wrong-method': error('contacts/update sent with another method than PUT'),
  'loops.missing-identity': error('a request without email or userId to identify the contact'),
  'loops.missing-event-name': error('an event without eventName'),
  'loops.invalid-event-name': error('an eventName containing ":"'),
  'loops.invalid-property-value': error('an event or contact property that is not a string, number, boolean or date (null events, objects)'),
  'loops.invalid-mailing-lists': error('mailingLists that is not an object of list ids to booleans'),
  'loops.non-ecma-date': warning('a date string with more than 3 fraction digits (Dodo\'s format), not ECMA-262'),
};
const issue = issuesFor(CODES);

/** api.loops.so: say so, and check the body against the route the URL was meant for, so one run shows every problem. */
function wrongHost(url: URL | undefined, path: string): { path: string; issues: DestinationIssue[] } {
  if (url?.hostname.toLowerCase() !== WRONG_HOST) return { path, issues: [] };
  const meant = path.startsWith('/api/') ? path : `/api${path}`;
  return { path: meant, issues: [issue('loops.wrong-host', '$', `api.loops.so is not the Loops API host (Dodo's example uses it): send to https://app.loops.so${meant}`)] };
}

function wrongMethod(method: string, endpoint: LoopsRoute): DestinationIssue[] | undefined {
  if (endpoint.method === 'POST') return undefined;
  return [issue('loops.wrong-method', '$', `Loops ${endpoint.path} takes ${endpoint.method}, not ${method}: set method to "${endpoint.method}"`)];
}

const classify: IssueClassifier<LoopsRoute> = ({ issue: zi, path, value }, endpoint) => {
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

export const loops = defineDestination({
  id: 'loops',
  title: 'Loops',
  codePrefix: 'loops',
  codes: CODES,
  hosts: LOOPS_HOSTS,
  otherHosts: [WRONG_HOST],
  urlFrom: 'code',
  card: { credentials: 'API key' },
  auth: { schemes: ['Bearer'], how: 'Bearer and the API key' },
  routes: LOOPS_ENDPOINTS,
  normalizePath: (path) => path.replace(/\/+$/, ''),
  rewriteUrl: wrongHost,
  unknownRoute: {
    message: (path) => `"${path}" is not a Loops API route this tool knows: use one of ${LOOPS_ENDPOINTS.map((e) => `https://app.loops.so${e.path}`).join(', ')}`,
  },
  wrongMethod,
  sizeCap: { note: '(Loops documents no limit; this is a sanity cap)' },
  classify,
  lint: ({ payload, route }) => nonEcmaDates(payload, route),
});
