// Inngest Event API: the route, limits, and the rules the schemas cannot express.
// Source: https://www.inngest.com/docs/events (event keys, sending) and https://www.inngest.com/docs/usage-limits/inngest
import { isRecord } from '../../util/json.js';
import { defineDestination, error, issuesFor, jsonBytes, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { InngestBatchSchema, InngestEventSchema } from './schema.js';

export * from './schema.js';

/** Inngest Cloud's event ingestion host (the key is in the path, no auth header). */
export const INNGEST_HOSTS = ['inn.gs'] as const;

// durable-execution/limits "Maximum event size": 256 KiB on the free plan, 3 MiB on paid plans.
export const INNGEST_EVENT_FREE_LIMIT_BYTES = 256 * KIB;
export const INNGEST_REQUEST_LIMIT_BYTES = 3 * KIB * KIB;
// usage-limits "Number of events per request": at most 5,000.
export const INNGEST_BATCH_MAX_EVENTS = 5000;

/** POST /e/{event_key}: the key names the environment and authorises the request. */
const EVENT_PATH = /^\/e\/[^/]+\/?$/;

// One route, two bodies: an event object, or an array of them.
export const INNGEST_ENDPOINTS: readonly DestinationEndpoint[] = [
  {
    path: '/e/{event_key}', match: EVENT_PATH, matchBody: (payload) => !Array.isArray(payload), kind: 'event',
    schema: InngestEventSchema, sizeLimitBytes: INNGEST_REQUEST_LIMIT_BYTES,
  },
  {
    path: '/e/{event_key}', match: EVENT_PATH, matchBody: Array.isArray, kind: 'batch',
    schema: InngestBatchSchema, sizeLimitBytes: INNGEST_REQUEST_LIMIT_BYTES, maxItems: INNGEST_BATCH_MAX_EVENTS,
  },
];

const KNOWN_FIELDS = new Set(Object.keys(InngestEventSchema.shape));

const CODES = {
  'inngest.unknown-endpoint': error('an inn.gs URL whose path is not the Event API route /e/<event key>'),
  'inngest.missing-name': error('an event without a name: the Event API answers 400'),
  'inngest.name-too-long': error('an event name longer than 256 characters'),
  'inngest.reserved-name': error('an event name starting with "inngest/", which Inngest reserves and rejects'),
  'inngest.invalid-data': error('data or user is not a JSON object'),
  'inngest.invalid-ts': error('ts is not an integer (Unix milliseconds)'),
  'inngest.ts-seconds': error('ts looks like Unix seconds: before 1980 as milliseconds it is rejected, before 2001 it is suspicious'),
  'inngest.ts-out-of-range': error('ts is after 2100 as milliseconds (microseconds?): rejected'),
  'inngest.batch-too-many': error('an array of more than 5,000 events in one request'),
  'inngest.empty-batch': warning('an empty array of events: accepted, nothing runs'),
  'inngest.event-too-large-free': warning('an event over 256 KiB, the free plan limit (paid plans take 3 MiB)'),
  'inngest.unused-field': warning('a top-level event field Inngest does not define: it is ignored'),
};
const issue = issuesFor(CODES);

function checkBatch(events: readonly unknown[]): DestinationIssue[] {
  if (events.length === 0) {
    return [issue('inngest.empty-batch', '$', 'The body is an empty array: Inngest accepts it and nothing runs. Send one event object, or cancel the message with skip()', 'warning')];
  }
  if (events.length <= INNGEST_BATCH_MAX_EVENTS) return [];
  return [issue('inngest.batch-too-many', '$',
    `The body holds ${events.length} events; Inngest accepts at most ${INNGEST_BATCH_MAX_EVENTS} per request: split them over several requests`)];
}

/** The free plan rejects events over 256 KiB; paid plans take up to 3 MiB, so this is only a warning. */
function freeTierSize(event: unknown, at: PropertyKey[]): DestinationIssue[] {
  const bytes = jsonBytes(event) ?? 0;
  if (bytes <= INNGEST_EVENT_FREE_LIMIT_BYTES) return [];
  return [issue('inngest.event-too-large-free', at,
    `This event is ${bytes} bytes as UTF-8 JSON; Inngest's free plan accepts events of at most ${INNGEST_EVENT_FREE_LIMIT_BYTES / KIB} KiB (paid plans 3 MiB): drop large fields unless your plan allows it`,
    'warning')];
}

/** Fields the server ignores; the usual slips are the Dodo names for the same things. */
const RENAMES: Record<string, string> = { timestamp: 'ts', event: 'name', type: 'name', payload: 'data', properties: 'data' };

function unusedFields(event: unknown, at: PropertyKey[]): DestinationIssue[] {
  if (!isRecord(event)) return [];
  return Object.keys(event).filter((k) => !KNOWN_FIELDS.has(k)).map((k) => issue('inngest.unused-field', [...at, k],
    `${k} is not an Inngest event field (they are ${[...KNOWN_FIELDS].join(', ')}), so Inngest ignores it${RENAMES[k] ? `: did you mean ${RENAMES[k]}?` : ': move it into data'}`,
    'warning'));
}

const classifyInngest: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path.at(-1);
  if (last === 'name' && (value === undefined || value === null || value === '')) {
    return issue('inngest.missing-name', path,
      'The event needs name, what Inngest functions trigger on (e.g. "dodo/payment.succeeded"): without it the Event API answers 400 and nothing runs');
  }
  if (last === 'ts') {
    return issue('inngest.invalid-ts', path,
      `ts must be an integer Unix time in milliseconds, not ${describeValue(value)}: use toUnixMillis(event.timestamp) rather than the ISO string or seconds`);
  }
  if ((last === 'data' || last === 'user') && zi.code === 'invalid_type') {
    return issue('inngest.invalid-data', path,
      `${String(last)} must be a JSON object, not ${describeValue(value)}: the Event API rejects the request; wrap the value, e.g. { value: … }`);
  }
  if (path.length === 0 && zi.code === 'invalid_type') {
    return issue('schema.invalid', path, `The body must be an event object or an array of events, not ${describeValue(value)}`);
  }
  return undefined;
};

export const inngest = defineDestination({
  id: 'inngest',
  title: 'Inngest',
  codePrefix: 'inngest',
  codes: CODES,
  hosts: INNGEST_HOSTS,
  urlFrom: 'card',
  card: { credentials: 'webhook URL with the Event Key', sampleUrl: 'https://inn.gs/e/cardSuppliedSampleKey' },
  routes: INNGEST_ENDPOINTS,
  unknownRoute: {
    message: (path) => `"${path}" is not the Inngest Event API route: send events to https://inn.gs/e/<event key> (Inngest dashboard → Manage → Event Keys)`,
    checkMethod: true,
  },
  checkBody: ({ payload }) => (Array.isArray(payload) ? checkBatch(payload) : []),
  classify: classifyInngest,
  lint: ({ payload }) => events(payload).flatMap(([event, at]) => [...freeTierSize(event, at), ...unusedFields(event, at)]),
});

function events(payload: unknown): [unknown, PropertyKey[]][] {
  return Array.isArray(payload) ? payload.map((e: unknown, i): [unknown, PropertyKey[]] => [e, [i]]) : [[payload, []]];
}
