// Customer.io Track API v2: hosts, routes, limits, and the rules the schemas cannot express.
// Source: https://docs.customer.io/integrations/api/track/ (track_v2 entity and batch)
import type { z } from 'zod';
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import {
  CUSTOMERIO_ACTIONS, CustomerIoBatchSchema, CustomerIoDeliveryEventSchema, CustomerIoEntitySchema,
  CustomerIoObjectOperationSchema, CustomerIoPersonOperationSchema, isCustomerIoEntityType,
} from './customer-io-schema.js';
import type { CustomerIoEntityType } from './customer-io-schema.js';
import { isRecord, issue, jsonPath, valueAt } from './json.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './customer-io-schema.js';

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

const NAME = 'Customer.io';

export const customerIo: Destination = {
  id: 'customer-io',
  name: NAME,
  hosts: CUSTOMERIO_HOSTS,
  matches: (url) => (CUSTOMERIO_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: CUSTOMERIO_ENDPOINTS,
  sizeLimitBytes: CUSTOMERIO_ENTITY_LIMIT_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    const endpoint = CUSTOMERIO_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) return unknownRoute(path, method);
    const parsed = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyCustomerIo)),
      ...entities(payload, endpoint).flatMap(([entity, at]) => [...unusedFields(entity, at), ...millisecondTimestamp(entity, at)]),
    ]);
  },
};

/** v1 routes are real (and some use PUT), but only v2 bodies are modelled here. */
function unknownRoute(path: string, method: string): DestinationIssue[] {
  const v2 = CUSTOMERIO_ENDPOINTS.map((e) => e.path).join(' or ');
  if (path.startsWith('/api/v1/')) {
    return [issue('customerio.unvalidated-endpoint', '$', `${path} is a Track API v1 route, which is not checked: use ${v2} to have the body validated`, 'warning')];
  }
  return [issue('customerio.unknown-endpoint', '$', `"${path}" is not a Customer.io Track API route: use ${v2}`), ...checkMethod(method, NAME)];
}

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
