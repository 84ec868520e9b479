// Customer.io Track API v2: hosts, routes, limits, and the rules the schemas cannot express.
// Source: https://docs.customer.io/integrations/api/track/ (track_v2 entity and batch)
import type { z } from 'zod';
import { isRecord, jsonPath, valueAt } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import {
  CUSTOMERIO_ACTIONS, CustomerIoBatchSchema, CustomerIoDeliveryEventSchema, CustomerIoEntitySchema,
  CustomerIoObjectOperationSchema, CustomerIoPersonOperationSchema, isCustomerIoEntityType,
} from './schema.js';
import type { CustomerIoEntityType } from './schema.js';

export * from './schema.js';

/** track API servers: US and EU (the EU host only adds "-eu"). */
export const CUSTOMERIO_HOSTS = ['track.customer.io', 'track-eu.customer.io'] as const;

// track_v2: an entity request must be under 32 KB; a batch under 500 KB with each element ≤ 32 KB.
export const CUSTOMERIO_ENTITY_LIMIT_BYTES = 32 * KIB;
export const CUSTOMERIO_BATCH_LIMIT_BYTES = 500 * KIB;

export const CUSTOMERIO_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/api/v2/entity', kind: 'entity', schema: CustomerIoEntitySchema, sizeLimitBytes: CUSTOMERIO_ENTITY_LIMIT_BYTES },
  {
    path: '/api/v2/batch', kind: 'batch', schema: CustomerIoBatchSchema,
    sizeLimitBytes: CUSTOMERIO_BATCH_LIMIT_BYTES, itemSizeLimitBytes: CUSTOMERIO_ENTITY_LIMIT_BYTES,
  },
];

const V2_ROUTES = CUSTOMERIO_ENDPOINTS.map((e) => e.path).join(' or ');

const CODES = {
  'customerio.unknown-endpoint': error('a Customer.io Track host with a path that is not a Track API route'),
  'customerio.unvalidated-endpoint': warning('a Track API v1 route: valid, but only v2 bodies are checked'),
  'customerio.invalid-type': error('type is not person, object or delivery'),
  'customerio.invalid-action': error('action is not one the Track API v2 knows for that type'),
  'customerio.invalid-identifiers': error('identifiers is not exactly one of the allowed keys with a string value'),
  'customerio.missing-name': error('an event, page or screen action without name'),
  'customerio.name-too-long': error('name is longer than 100 bytes (UTF-8)'),
  'customerio.invalid-timestamp': error('timestamp is not an integer Unix time in seconds'),
  'customerio.timestamp-milliseconds': warning('timestamp looks like milliseconds, not seconds'),
  'customerio.too-many-attributes': error('more than 300 attributes in one request'),
  'customerio.attribute-too-long': error('an attribute value longer than 1000 bytes'),
  'customerio.attribute-name-too-long': error('an attribute name longer than 150 bytes'),
  'customerio.entity-on-legacy-route': error('a Track API v2 body (type, identifiers, action) sent to a v1 route, which reads name and data'),
  'customerio.unused-field': warning('a top-level field the action does not define: it has no effect'),
};
const issue = issuesFor(CODES);

/** The entity objects of a request, with their paths. */
function entities(payload: unknown, endpoint: DestinationEndpoint): [Record<string, unknown>, PropertyKey[]][] {
  if (endpoint.kind === 'entity') return isRecord(payload) ? [[payload, []]] : [];
  const items = isRecord(payload) ? payload['batch'] : undefined;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown, i): [Record<string, unknown>, PropertyKey[]][] => (isRecord(item) ? [[item, ['batch', i]]] : []));
}

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** The fields the reference defines for this type and action (from the schemas), or undefined. */
export function knownFields(type: unknown, action: unknown): ReadonlySet<string> | undefined {
  const options: readonly ObjectSchema[] = type === 'person' ? CustomerIoPersonOperationSchema.options
    : type === 'object' ? CustomerIoObjectOperationSchema.options
      : type === 'delivery' ? [CustomerIoDeliveryEventSchema] : [];
  const match = options.find((o) => (o.shape['action'] as z.ZodLiteral<string> | undefined)?.value === action);
  return match ? new Set(Object.keys(match.shape)) : undefined;
}

/** An extra top-level field is not rejected by the reference (no additionalProperties: false), but does nothing. */
function unusedFields(entity: Record<string, unknown>, at: PropertyKey[]): DestinationIssue[] {
  const known = knownFields(entity['type'], entity['action']);
  if (!known) return [];
  return Object.keys(entity).filter((k) => !known.has(k)).map((k) => issue('customerio.unused-field', [...at, k],
    `${k} is not a field of action "${String(entity['action'])}" (it takes ${[...known].join(', ')}), so it has no effect${k === 'name' && entity['action'] === 'identify' ? ': to set the person\'s name use attributes.name; to record an event use action "event" with this name' : ': remove it or move it into attributes'}`,
    'warning'));
}

/**
 * A person whose action is invalid fails the schema at the action alone: its identifiers are
 * said here too, so that one round of fixes finds both.
 */
function identifiersBehindAction(entity: Record<string, unknown>, at: PropertyKey[], root: unknown): DestinationIssue[] {
  if (entity['type'] !== 'person' || knownFields(entity['type'], entity['action']) !== undefined) return [];
  const ids = entity['identifiers'];
  if (!isRecord(ids) || Object.keys(ids).length === 1) return [];
  const path = [...at, 'identifiers'];
  return [issue('customerio.invalid-identifiers', path, identifiersMessage(path, ids, root))];
}

// Any integer above this is after the year 5138 in seconds: it is milliseconds.
const MAX_PLAUSIBLE_SECONDS = 1e11;

function millisecondTimestamp(entity: Record<string, unknown>, at: PropertyKey[]): DestinationIssue[] {
  const ts = entity['timestamp'];
  if (typeof ts !== 'number' || !Number.isInteger(ts) || ts < MAX_PLAUSIBLE_SECONDS) return [];
  return [issue('customerio.timestamp-milliseconds', [...at, 'timestamp'],
    `timestamp ${ts} looks like milliseconds; Customer.io expects Unix seconds: divide by 1000 (Math.floor(ms / 1000))`, 'warning')];
}

const IDENTIFIER_KEYS = new Set(['identifiers', 'primary', 'secondary']);

const classifyCustomerIo: IssueClassifier = ({ issue: zi, path, value, root }) => {
  const last = path.at(-1);
  if (zi.code === 'invalid_union' && zi.discriminator === 'type') {
    return issue('customerio.invalid-type', path, `type must be "person", "object" or "delivery", not ${describeValue(value)}`);
  }
  const entity = valueAt(root, path.slice(0, -1));
  if (last === 'action' && (zi.code === 'invalid_union' || zi.code === 'invalid_value')) {
    return issue('customerio.invalid-action', path, actionMessage(value, isRecord(entity) ? entity : {}));
  }
  const idAt = lastIdentifierIndex(path);
  if (idAt >= 0 && idAt >= path.length - 2) {
    const idPath = path.slice(0, idAt + 1);
    return issue('customerio.invalid-identifiers', idPath, identifiersMessage(idPath, valueAt(root, idPath), root));
  }
  if (last === 'name' && (value === undefined || value === '')) {
    const action = isRecord(entity) ? String(entity['action']) : 'event';
    return issue('customerio.missing-name', path,
      `action "${action}" needs name (${action === 'event' ? 'the event name campaigns trigger on, e.g. "payment_completed"' : `the ${action} viewed`}); Customer.io rejects it without one`);
  }
  if (last === 'timestamp') {
    return issue('customerio.invalid-timestamp', path,
      `${jsonPath(path)} must be an integer Unix time in seconds, not ${describeValue(value)}: convert the Dodo event's ISO timestamp with Math.floor(Date.parse(timestamp) / 1000)`);
  }
  return undefined;
};

function actionMessage(action: unknown, entity: Record<string, unknown>): string {
  const type: CustomerIoEntityType = isCustomerIoEntityType(entity['type']) ? entity['type'] : 'person';
  const valid = `type "${type}" takes action ${CUSTOMERIO_ACTIONS[type].join(', ')}`;
  if (typeof action !== 'string' || action === '') return `action is ${describeValue(action)}: ${valid}`;
  const name = entity['name'];
  const keepName = typeof name === 'string' && name !== action ? ` (or keep name "${name}" as the event name)` : '';
  return `action "${action}" is not a Customer.io action; a custom event is action "event" with name "${action}"${keepName}. ${valid[0]?.toUpperCase()}${valid.slice(1)}`;
}

function lastIdentifierIndex(path: readonly PropertyKey[]): number {
  for (let i = path.length - 1; i >= 0; i--) {
    const s = path[i];
    if (typeof s === 'string' && IDENTIFIER_KEYS.has(s)) return i;
  }
  return -1;
}

/** What the identifiers at `path` may hold: it depends on the entity type and on where they sit. */
function allowedIdentifiers(path: readonly PropertyKey[], root: unknown): { text: string; single: boolean } {
  const person = { text: 'exactly one of id, email, phone or cio_id', single: true };
  const personRef = { text: 'exactly one of id, email or cio_id', single: true };
  const object = { text: 'object_type_id with object_id, or cio_object_id', single: false };
  if (path.at(-1) !== 'identifiers') return personRef; // merge's primary / secondary
  const owner = valueAt(root, path[0] === 'batch' ? path.slice(0, 2) : []);
  const type = isRecord(owner) ? owner['type'] : undefined;
  if (path.includes('cio_relationships')) return type === 'object' ? personRef : object;
  if (type === 'object') return object;
  if (type === 'delivery') return { text: 'id (the delivery id)', single: true };
  return person;
}

function identifiersMessage(path: PropertyKey[], value: unknown, root: unknown): string {
  const where = jsonPath(path);
  const allowed = allowedIdentifiers(path, root);
  if (value === undefined) return `${where} is required: give ${allowed.text}, e.g. { id: customer.customer_id }`;
  if (!isRecord(value)) return `${where} must be an object with ${allowed.text}, not ${describeValue(value)}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return `${where} is empty: give ${allowed.text}`;
  if (allowed.single && keys.length > 1) {
    return `${where} has ${keys.length} keys (${keys.join(', ')}); Customer.io takes ${allowed.text}: keep one and move the others into attributes`;
  }
  const bad = keys.find((k) => typeof value[k] !== 'string' || value[k] === '');
  if (bad !== undefined) return `${where}.${bad} must be a non-empty string, not ${describeValue(value[bad])}`;
  return `${where} has ${keys.join(', ')}; Customer.io takes ${allowed.text}: rename or add keys to match`;
}

/**
 * A v2 entity (type, identifiers, action, attributes) posted to a v1 route: v1 reads only name,
 * data and timestamp, so the attributes are lost (or, without name, the call is refused).
 */
function v2BodyOnV1(payload: unknown, match: RegExpExecArray): DestinationIssue[] {
  if (!isRecord(payload)) return [];
  const v2Keys = ['identifiers', 'action', 'attributes'].filter((k) => Object.prototype.hasOwnProperty.call(payload, k));
  if (v2Keys.length < 2 && !(v2Keys.length === 1 && payload['type'] === 'person')) return [];
  return [issue('customerio.entity-on-legacy-route', '$',
    `The body has ${v2Keys.join(', ')}: a Track API v2 entity, but ${match.input} is a v1 route, which reads name, data and timestamp; post it to /api/v2/entity instead (or send { name, data } to v1)`)];
}

export const customerIo = defineDestination({
  id: 'customer-io',
  title: 'Customer.io',
  codePrefix: 'customerio',
  codes: CODES,
  hosts: CUSTOMERIO_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'Site ID and API key' },
  auth: { schemes: ['Basic'], how: 'HTTP Basic with site_id:api_key, base64-encoded' },
  routes: CUSTOMERIO_ENDPOINTS,
  // v1 routes are real (and some use PUT), but only v2 bodies are modelled here.
  unvalidated: [{
    match: /^\/api\/v1\//,
    message: ({ input }) => `${input} is a Track API v1 route, which is not checked: use ${V2_ROUTES} to have the body validated`,
    lint: v2BodyOnV1,
  }],
  unknownRoute: { message: (path) => `"${path}" is not a Customer.io Track API route: use ${V2_ROUTES}`, checkMethod: true },
  classify: classifyCustomerIo,
  lint: ({ payload, route }) => entities(payload, route)
    .flatMap(([entity, at]) => [...unusedFields(entity, at), ...millisecondTimestamp(entity, at), ...identifiersBehindAction(entity, at, payload)]),
});
