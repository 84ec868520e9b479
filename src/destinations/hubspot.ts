// HubSpot CRM v3 objects and custom events: routes, methods, and the rules the schemas cannot express.
// Sources: https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/guide and
// https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import {
  HUBSPOT_CRM_BATCH_MAX, HUBSPOT_EVENT_BATCH_MAX, HubSpotBatchCreateSchema, HubSpotBatchUpdateSchema,
  HubSpotBatchUpsertSchema, HubSpotEventBatchSchema, HubSpotEventSchema, HubSpotObjectCreateSchema, HubSpotObjectUpdateSchema,
} from './hubspot-schema.js';
import { isRecord, issue, jsonPath } from './json.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './hubspot-schema.js';

/** api.hubapi.com is the documented host; the events guide also shows api.hubspot.com. */
export const HUBSPOT_HOSTS = ['api.hubapi.com', 'api.hubspot.com'] as const;

// HubSpot documents no request size limit for these routes: a sanity cap, reported as a warning.
export const HUBSPOT_SIZE_CAP_BYTES = 1024 * KIB;

interface HubSpotRoute extends DestinationEndpoint {
  pattern: RegExp;
  method: 'POST' | 'PATCH';
}

// Both the v3 paths and the date-versioned ones (/crm/objects/2026-03/…, /events/2026-03/…).
const CRM = String.raw`^/crm/(?:v3/objects|objects/\d{4}-\d{2})/(?!batch/|search)[A-Za-z0-9_-]+`;
const EVENTS = String.raw`^/events/(?:v3|\d{4}-\d{2})/send`;

const route = (kind: string, path: string, pattern: string, method: HubSpotRoute['method'], schema: HubSpotRoute['schema']): HubSpotRoute =>
  ({ kind, path, pattern: new RegExp(`${pattern}$`), method, schema, sizeLimitBytes: HUBSPOT_SIZE_CAP_BYTES });

export const HUBSPOT_ENDPOINTS: readonly HubSpotRoute[] = [
  route('batch-upsert', '/crm/v3/objects/{objectType}/batch/upsert', `${CRM}/batch/upsert`, 'POST', HubSpotBatchUpsertSchema),
  route('batch-create', '/crm/v3/objects/{objectType}/batch/create', `${CRM}/batch/create`, 'POST', HubSpotBatchCreateSchema),
  route('batch-update', '/crm/v3/objects/{objectType}/batch/update', `${CRM}/batch/update`, 'POST', HubSpotBatchUpdateSchema),
  route('create', '/crm/v3/objects/{objectType}', CRM, 'POST', HubSpotObjectCreateSchema),
  route('update', '/crm/v3/objects/{objectType}/{id}', `${CRM}/(?!(?:batch|search)$)[^/]+`, 'PATCH', HubSpotObjectUpdateSchema),
  route('event-batch', '/events/v3/send/batch', `${EVENTS}/batch`, 'POST', HubSpotEventBatchSchema),
  route('event', '/events/v3/send', EVENTS, 'POST', HubSpotEventSchema),
];

const NAME = 'HubSpot';

export const hubspot: Destination = {
  id: 'hubspot',
  name: NAME,
  hosts: HUBSPOT_HOSTS,
  matches: (url) => (HUBSPOT_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: HUBSPOT_ENDPOINTS,
  sizeLimitBytes: HUBSPOT_SIZE_CAP_BYTES,
  validate(url, method, payload) {
    const parsed = parseUrl(url);
    const path = parsed?.pathname.replace(/\/+$/, '') ?? url;
    const endpoint = HUBSPOT_ENDPOINTS.find((e) => e.pattern.test(path));
    if (!endpoint) {
      return [issue('hubspot.unknown-endpoint', '$',
        `"${path}" is not a HubSpot route this tool checks: use ${HUBSPOT_ENDPOINTS.map((e) => e.path).join(', ')} on https://api.hubapi.com`)];
    }
    const body = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...routeMethod(method, endpoint),
      ...recordIdInPath(endpoint, path, parsed?.search ?? ''),
      ...checkSize(payload, endpoint, NAME).map((i) => (i.code === 'size.too-large' ? { ...i, severity: 'warning' as const } : i)),
      ...(body.success ? [] : fromZodIssues(body.error.issues, payload, classifyHubSpot)),
      ...eventIdentity(payload, endpoint),
    ]);
  },
};

function routeMethod(method: string, endpoint: HubSpotRoute): DestinationIssue[] {
  if (endpoint.method === 'POST') return checkMethod(method, NAME);
  if (method.toUpperCase() === 'PATCH') return [];
  return [issue('hubspot.wrong-method', '$',
    `HubSpot updates a record only with PATCH, not ${method}: set method "PATCH" (newer runtimes only), or use POST …/batch/upsert, which works everywhere`)];
}

/** PATCH /objects/contacts/cus_123: the id must be a HubSpot record ID unless ?idProperty= names a unique property. */
function recordIdInPath(endpoint: HubSpotRoute, path: string, search: string): DestinationIssue[] {
  if (endpoint.kind !== 'update' || /[?&]idProperty=/.test(search)) return [];
  const raw = path.slice(path.lastIndexOf('/') + 1);
  let id = raw;
  try { id = decodeURIComponent(raw); } catch { /* keep it encoded */ }
  if (/^\d+$/.test(id)) return [];
  return [issue('hubspot.invalid-record-id', '$',
    `"${id}" is not a HubSpot record ID (those are numeric; Dodo's example puts the Dodo customer_id here): add ?idProperty=email and use the email as the id, or POST …/contacts/batch/upsert`)];
}

/** Without objectId, email or utk, HubSpot can only match the occurrence through a custom matching property. */
function eventIdentity(payload: unknown, endpoint: HubSpotRoute): DestinationIssue[] {
  const items: [unknown, PropertyKey[]][] = endpoint.kind === 'event' ? [[payload, []]]
    : endpoint.kind === 'event-batch' && isRecord(payload) && Array.isArray(payload['inputs'])
      ? payload['inputs'].map((item: unknown, i): [unknown, PropertyKey[]] => [item, ['inputs', i]]) : [];
  return items.filter(([item]) => isRecord(item) && !['objectId', 'email', 'utk'].some((k) => typeof item[k] === 'string' && item[k] !== ''))
    .map(([, at]) => issue('hubspot.missing-event-identity', at.length ? at : '$',
      'The occurrence has no objectId, email or utk: unless the event defines a custom matching property, HubSpot cannot link it to a record. Set email (e.g. customer.email)',
      'warning'));
}

const classifyHubSpot: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path.at(-1);
  const parent = path.at(-2);
  if (parent === 'properties' && zi.code === 'invalid_union') {
    return issue('hubspot.invalid-property-value', path,
      `${jsonPath(path)} is ${describeValue(value)}; HubSpot property values are strings, numbers or booleans: ${value === null ? 'leave the property out, or send "" to clear it' : 'send a string'}`);
  }
  if (last === 'inputs' && zi.code === 'too_big') {
    return issue('hubspot.batch-too-many', path, `inputs holds ${Array.isArray(value) ? value.length : '?'} items; HubSpot takes at most ${Number(zi.maximum)} per batch (${HUBSPOT_CRM_BATCH_MAX} for CRM, ${HUBSPOT_EVENT_BATCH_MAX} for events): split it`);
  }
  if (last === 'idProperty') {
    return issue('hubspot.missing-id-property', path, 'An upsert input needs idProperty, the unique property its id is a value of (e.g. "email" with id "ada@example.com")');
  }
  if (last === 'id' && parent === 'to') {
    return issue('hubspot.invalid-record-id', path,
      `${jsonPath(path)} is ${describeValue(value)}, not a HubSpot record ID (numeric): associations need the record's HubSpot ID, which a Dodo id is not`);
  }
  if (last === 'eventName') {
    return issue('hubspot.invalid-event-name', path,
      `eventName must be the event's fully qualified name, pe{HubID}_{name} (e.g. "pe1234567_payment_succeeded"), not ${describeValue(value)}`);
  }
  if (last === 'occurredAt') {
    const seconds = typeof value === 'number' && value < 1e11;
    return issue('hubspot.invalid-occurred-at', path, seconds
      ? `occurredAt ${String(value)} looks like Unix seconds; HubSpot reads numbers as milliseconds: send toUnixMillis(timestamp) or the ISO string`
      : `occurredAt must be an ISO 8601 date-time or Unix milliseconds, not ${describeValue(value)}`);
  }
  if (last === 'properties' && value === undefined) {
    return issue('hubspot.missing-properties', path, `${jsonPath(path)} is required: an object of property internal names to values, e.g. { email, firstname, lastname }`);
  }
  return undefined;
};
