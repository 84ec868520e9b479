// HubSpot CRM v3 objects and custom events: routes, methods, and the rules the schemas cannot express.
// Sources: https://developers.hubspot.com/docs/api-reference/crm-contacts-v3/guide and
// https://developers.hubspot.com/docs/api-reference/legacy/events/send-event-data/guide
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import {
  HUBSPOT_CRM_BATCH_MAX, HUBSPOT_EVENT_BATCH_MAX, HubSpotBatchCreateSchema, HubSpotBatchUpdateSchema,
  HubSpotBatchUpsertSchema, HubSpotEventBatchSchema, HubSpotEventSchema, HubSpotObjectCreateSchema, HubSpotObjectUpdateSchema,
} from './schema.js';
import { HUBSPOT_SECRETS } from './secrets.js';

export * from './schema.js';

/** api.hubapi.com is the documented host; the events guide also shows api.hubspot.com. */
export const HUBSPOT_HOSTS = ['api.hubapi.com', 'api.hubspot.com'] as const;

// HubSpot documents no request size limit for these routes: a sanity cap, reported as a warning.
export const HUBSPOT_SIZE_CAP_BYTES = 1024 * KIB;

interface HubSpotRoute extends DestinationEndpoint {
  match: RegExp;
  method: 'POST' | 'PATCH';
}

// Both the v3 paths and the date-versioned ones (/crm/objects/2026-03/…, /events/2026-03/…).
const CRM = String.raw`^/crm/(?:v3/objects|objects/\d{4}-\d{2})/(?!batch/|search)[A-Za-z0-9_-]+`;
const EVENTS = String.raw`^/events/(?:v3|\d{4}-\d{2})/send`;

const route = (kind: string, path: string, pattern: string, method: HubSpotRoute['method'], schema: HubSpotRoute['schema']): HubSpotRoute =>
  ({ kind, path, match: new RegExp(`${pattern}$`), method, schema, sizeLimitBytes: HUBSPOT_SIZE_CAP_BYTES });

export const HUBSPOT_ENDPOINTS: readonly HubSpotRoute[] = [
  route('batch-upsert', '/crm/v3/objects/{objectType}/batch/upsert', `${CRM}/batch/upsert`, 'POST', HubSpotBatchUpsertSchema),
  route('batch-create', '/crm/v3/objects/{objectType}/batch/create', `${CRM}/batch/create`, 'POST', HubSpotBatchCreateSchema),
  route('batch-update', '/crm/v3/objects/{objectType}/batch/update', `${CRM}/batch/update`, 'POST', HubSpotBatchUpdateSchema),
  route('create', '/crm/v3/objects/{objectType}', CRM, 'POST', HubSpotObjectCreateSchema),
  route('update', '/crm/v3/objects/{objectType}/{id}', `${CRM}/(?!(?:batch|search)$)[^/]+`, 'PATCH', HubSpotObjectUpdateSchema),
  route('event-batch', '/events/v3/send/batch', `${EVENTS}/batch`, 'POST', HubSpotEventBatchSchema),
  route('event', '/events/v3/send', EVENTS, 'POST', HubSpotEventSchema),
];

const CODES = {
  'hubspot.unknown-endpoint': error('a HubSpot API host with a path that is not a CRM v3 object or custom event route'),
  'hubspot.wrong-method': error('a record update sent with another method than PATCH'),
  'hubspot.invalid-record-id': error('a record id (URL or association) that is not a numeric HubSpot ID, e.g. a Dodo customer_id'),
  'hubspot.invalid-property-value': error('a property value that is not a string, number or boolean (null, object, array)'),
  'hubspot.missing-properties': error('a create or update body without its properties object'),
  'hubspot.batch-too-many': error('a batch with more inputs than HubSpot accepts (100 for CRM, 500 for events)'),
  'hubspot.missing-id-property': error('a batch upsert input without idProperty'),
  'hubspot.invalid-event-name': error('an event name that is not the fully qualified pe{HubID}_{name}'),
  'hubspot.invalid-occurred-at': error('occurredAt that is not an ISO 8601 date-time or Unix milliseconds (e.g. seconds)'),
  'hubspot.missing-event-identity': warning('an event occurrence with neither objectId, email nor utk'),
  'hubspot.too-many-properties': error('an event occurrence with more than 50 properties'),
  'hubspot.invalid-property-name': error('an event property name that is not lowercase a-z, 0-9 and _ (≤ 50 characters)'),
  'hubspot.property-name-case': warning('a CRM property written as a near miss of a default property\'s internal name (firstName, first_name for firstname)'),
  'hubspot.property-value-too-long': error('an event property value over 256 characters (1,024 for URL and referrer)'),
};
const issue = issuesFor(CODES);

function wrongMethod(method: string, endpoint: HubSpotRoute): DestinationIssue[] | undefined {
  if (endpoint.method === 'POST') return undefined;
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

/**
 * HubSpot knows a property by its internal name, in lowercase: `firstName` or `first_name` is
 * no property of a contact (400 PROPERTY_DOESNT_EXIST, or a value silently lost in a batch).
 * Only near misses of the default properties are said: a custom property may have any name.
 */
const DEFAULT_PROPERTIES = ['email', 'firstname', 'lastname', 'phone', 'mobilephone', 'company', 'website', 'jobtitle', 'lifecyclestage', 'hs_lead_status',
  'address', 'city', 'state', 'zip', 'country', 'name', 'domain', 'industry', 'dealname', 'dealstage', 'pipeline', 'amount', 'closedate', 'hubspot_owner_id'];
const BY_FOLDED = new Map(DEFAULT_PROPERTIES.map((name) => [name.replace(/_/g, ''), name]));

function propertyNameCase(payload: unknown, endpoint: HubSpotRoute): DestinationIssue[] {
  if (endpoint.kind === 'event' || endpoint.kind === 'event-batch' || !isRecord(payload)) return [];
  const bodies: [unknown, PropertyKey[]][] = Array.isArray(payload['inputs'])
    ? payload['inputs'].map((item: unknown, i): [unknown, PropertyKey[]] => [isRecord(item) ? item['properties'] : undefined, ['inputs', i, 'properties']])
    : [[payload['properties'], ['properties']]];
  const issues: DestinationIssue[] = [];
  for (const [properties, at] of bodies) {
    if (!isRecord(properties)) continue;
    for (const key of Object.keys(properties)) {
      const meant = BY_FOLDED.get(key.toLowerCase().replace(/_/g, ''));
      if (meant === undefined || meant === key || Object.prototype.hasOwnProperty.call(properties, meant)) continue;
      issues.push(issue('hubspot.property-name-case', [...at, key],
        `${key} is not a HubSpot property: internal names are lowercase, so the default property is ${meant}. HubSpot answers 400 PROPERTY_DOESNT_EXIST for an unknown name`, 'warning'));
    }
  }
  return issues;
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

export const hubspot = defineDestination({
  id: 'hubspot',
  title: 'HubSpot',
  codePrefix: 'hubspot',
  codes: CODES,
  hosts: HUBSPOT_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'HubSpot account connection (private app token via HUBSPOT_ACCESS_TOKEN)' },
  auth: { schemes: ['Bearer'], how: 'Bearer and the private app token' },
  secrets: HUBSPOT_SECRETS,
  routes: HUBSPOT_ENDPOINTS,
  normalizePath: (path) => path.replace(/\/+$/, ''),
  unknownRoute: {
    message: (path) => `"${path}" is not a HubSpot route this tool checks: use ${HUBSPOT_ENDPOINTS.map((e) => e.path).join(', ')} on https://api.hubapi.com`,
  },
  wrongMethod,
  sizeCap: {},
  checkRequest: ({ route, path, url }) => recordIdInPath(route, path, url?.search ?? ''),
  classify: classifyHubSpot,
  lint: ({ payload, route }) => [...eventIdentity(payload, route), ...propertyNameCase(payload, route)],
});
