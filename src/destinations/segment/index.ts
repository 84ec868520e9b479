// Segment HTTP Tracking API: routes, limits, and the rules the schemas cannot express.
// Source: https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/
import { isRecord, jsonPath } from '../../util/json.js';
import { isMoneyKey } from '../../util/money-keys.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import {
  SegmentAliasSchema, SegmentBatchSchema, SegmentGroupSchema, SegmentIdentifySchema,
  SegmentPageSchema, SegmentScreenSchema, SegmentTrackSchema,
} from './schema.js';

export * from './schema.js';

/** api.segment.io, and the EU workspace host (guides/regional-segment): EU events sent to the US host are dropped. */
export const SEGMENT_HOSTS = ['api.segment.io', 'events.eu1.segmentapis.com'] as const;

// http-api "Max request size": 32 KB per call, 500 KB per batch, 32 KB per batched event.
export const SEGMENT_CALL_LIMIT_BYTES = 32 * KIB;
export const SEGMENT_BATCH_LIMIT_BYTES = 500 * KIB;
// http-api "Errors": a batch holds at most 2,500 events; more are rejected with a 200.
export const SEGMENT_BATCH_MAX_EVENTS = 2500;

const call = (kind: string, schema: DestinationEndpoint['schema']): DestinationEndpoint =>
  ({ path: `/v1/${kind}`, kind, schema, sizeLimitBytes: SEGMENT_CALL_LIMIT_BYTES });

export const SEGMENT_ENDPOINTS: readonly DestinationEndpoint[] = [
  call('track', SegmentTrackSchema),
  call('identify', SegmentIdentifySchema),
  call('page', SegmentPageSchema),
  call('screen', SegmentScreenSchema),
  call('group', SegmentGroupSchema),
  call('alias', SegmentAliasSchema),
  {
    path: '/v1/batch', kind: 'batch', schema: SegmentBatchSchema, sizeLimitBytes: SEGMENT_BATCH_LIMIT_BYTES,
    itemSizeLimitBytes: SEGMENT_CALL_LIMIT_BYTES, maxItems: SEGMENT_BATCH_MAX_EVENTS,
  },
];

const CODES = {
  'segment.unknown-endpoint': error('a Segment host with a path that is not a Tracking API route'),
  'segment.missing-identity': error('a call with neither userId nor anonymousId: Segment answers 200 and drops it'),
  'segment.missing-event': error('a track call without an event name: Segment drops it'),
  'segment.missing-group-id': error('a group call without groupId'),
  'segment.missing-previous-id': error('an alias call without previousId'),
  'segment.invalid-timestamp': error('timestamp is not an ISO 8601 date-time string'),
  'segment.message-id-too-long': error('messageId is longer than 100 characters'),
  'segment.invalid-type': error('a batch element whose type is not identify, track, page, screen, group or alias'),
  'segment.batch-too-many': error('a batch with more than 2,500 events'),
  'segment.type-mismatch': warning('a body whose type field names another call than the route it is sent to'),
  'segment.string-amount': warning('a money property (revenue, total, price, amount…) sent as a numeric string'),
  'segment.money-as-text': error('a spec money property (revenue, value, total, price…) sent as formatted text such as "$12.00" or "12.00 USD"'),
};
const issue = issuesFor(CODES);

function checkBatchCount(payload: unknown, endpoint: DestinationEndpoint): DestinationIssue[] {
  const items = isRecord(payload) ? payload['batch'] : undefined;
  if (endpoint.maxItems === undefined || !Array.isArray(items) || items.length <= endpoint.maxItems) return [];
  return [issue('segment.batch-too-many', ['batch'],
    `The batch holds ${items.length} events; Segment accepts at most ${endpoint.maxItems} per request and drops the rest with a 200: split it into several batches`)];
}

const classifySegment: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path.at(-1);
  if (last === 'timestamp' || last === 'sentAt') {
    return issue('segment.invalid-timestamp', path,
      `${jsonPath(path)} must be an ISO 8601 date-time string such as "2025-08-04T05:30:45.182Z", not ${describeValue(value)}: the Dodo event's timestamp is already one; convert epoch values with new Date(ms).toISOString()`);
  }
  if (last === 'messageId' && zi.code === 'too_big') {
    return issue('segment.message-id-too-long', path,
      `messageId is ${String(value).length} characters; Segment deduplicates on it and accepts at most 100: use a shorter id such as the payment_id`);
  }
  const missing = value === undefined || value === null || value === '';
  if (last === 'event' && missing) {
    return issue('segment.missing-event', path,
      'A track call needs event, the name of what happened (e.g. "Order Completed"): without it Segment drops the call');
  }
  if (last === 'groupId' && missing) {
    return issue('segment.missing-group-id', path, 'A group call needs groupId, the id of the account or company the user belongs to');
  }
  if (last === 'previousId' && missing) {
    return issue('segment.missing-previous-id', path, 'An alias call needs previousId, the id the user was known by before userId');
  }
  // Only the alias schema requires userId (elsewhere it may be null when anonymousId is set).
  if (last === 'userId' && missing) {
    return issue('segment.missing-identity', path, 'An alias call needs userId, the new id that previousId is merged into');
  }
  if (zi.code === 'invalid_union' && zi.discriminator === 'type') {
    return issue('segment.invalid-type', path,
      `Each batch element needs type "identify", "track", "page", "screen", "group" or "alias", not ${describeValue(value)}`);
  }
  if (zi.code === 'invalid_value' && path.length === 1 && last === 'type') {
    return issue('segment.type-mismatch', path,
      `type is ${describeValue(value)} but the route is /v1/${String(zi.values[0])}: remove type, or send the body to the route it names`, 'warning');
  }
  return undefined;
};

const NUMERIC_STRING = /^\s*-?\d+(?:\.\d+)?\s*$/;
// The properties Segment's specs define as numbers (track: revenue, value; ecommerce v2: total,
// subtotal, revenue, shipping, tax, discount, products[].price). Formatted text in one of them is
// never counted; a key of the user's own ("amount_display") may well be a label.
const SPEC_NUMBERS = new Set(['revenue', 'value', 'total', 'subtotal', 'shipping', 'tax', 'discount', 'price']);
const HAS_DIGIT = /\d/;

export { isMoneyKey };

/** Warns about "49.99"-style money values: `(x / 100).toFixed(2)` yields a string no tool counts as revenue. */
function stringAmounts(payload: unknown, kind: string): DestinationIssue[] {
  if (!isRecord(payload)) return [];
  if (kind !== 'batch') return scanCall(payload, kind, []);
  const items = payload['batch'];
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown, i) =>
    isRecord(item) && typeof item['type'] === 'string' ? scanCall(item, item['type'], ['batch', i]) : []);
}

function scanCall(call: Record<string, unknown>, kind: string, at: PropertyKey[]): DestinationIssue[] {
  const key = kind === 'identify' || kind === 'group' ? 'traits' : 'properties';
  const bag = call[key];
  if (!isRecord(bag)) return [];
  const out = scanBag(bag, [...at, key]);
  const products = bag['products'];
  if (Array.isArray(products)) {
    products.forEach((p: unknown, i) => { if (isRecord(p)) out.push(...scanBag(p, [...at, key, 'products', i])); });
  }
  return out;
}

function scanBag(bag: Record<string, unknown>, at: PropertyKey[]): DestinationIssue[] {
  const out: DestinationIssue[] = [];
  for (const [k, v] of Object.entries(bag)) {
    if (typeof v !== 'string') continue;
    if (NUMERIC_STRING.test(v)) {
      if (isMoneyKey(k)) {
        out.push(issue('segment.string-amount', [...at, k],
          `${k} is the string ${JSON.stringify(v)}; Segment's spec and downstream tools read money as a number, so this is not counted as revenue: send a number in major units, toMajorUnits(amount, currency), not a toFixed() string`,
          'warning'));
      }
    } else if (SPEC_NUMBERS.has(k) && HAS_DIGIT.test(v)) {
      out.push(issue('segment.money-as-text', [...at, k],
        `${jsonPath([...at, k])} is the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}; Segment's spec defines ${k} as a number, so no destination counts it: send toMajorUnits(amount, currency) as a number and the currency code in \`currency\``));
    }
  }
  return out;
}

export const segment = defineDestination({
  id: 'segment',
  title: 'Segment',
  codePrefix: 'segment',
  codes: CODES,
  hosts: SEGMENT_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'write key' },
  auth: { schemes: ['Basic'], how: 'HTTP Basic with the write key as user name, base64-encoded (or writeKey in the body)' },
  // Segment's specs read money in major units (revenue in dollars).
  money: { unit: 'major', keys: ['revenue', 'value', 'total', 'subtotal', 'price', 'tax', 'shipping', 'discount'] },
  routes: SEGMENT_ENDPOINTS,
  unknownRoute: {
    message: (path) => `"${path}" is not a Segment Tracking API route: use one of ${SEGMENT_ENDPOINTS.map((e) => e.path).join(', ')}`,
    checkMethod: true,
  },
  checkBody: ({ payload, route }) => checkBatchCount(payload, route),
  classify: classifySegment,
  lint: ({ payload, route }) => stringAmounts(payload, route.kind),
});
