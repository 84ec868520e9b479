// Dub conversion tracking API: routes, deprecated fields and the rules the schemas cannot express.
// Source: https://dub.co/docs/api-reference/endpoint/track-sale and …/track-lead
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { DUB_PAYMENT_PROCESSORS, DubLeadSchema, DubSaleSchema } from './schema.js';

export * from './schema.js';

export const DUB_HOSTS = ['api.dub.co'] as const;

// Dub documents no body size limit (only metadata's 10,000 characters): a sanity cap, reported as a warning.
export const DUB_SIZE_CAP_BYTES = 64 * KIB;

export const DUB_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/track/sale', kind: 'sale', schema: DubSaleSchema, sizeLimitBytes: DUB_SIZE_CAP_BYTES },
  { path: '/track/lead', kind: 'lead', schema: DubLeadSchema, sizeLimitBytes: DUB_SIZE_CAP_BYTES },
];

/** Older names of customerExternalId that Dub still reads (its track-sale route maps them). */
const DEPRECATED_ID_FIELDS = ['externalId', 'customerId'] as const;

const CODES = {
  'dub.unknown-endpoint': error('an api.dub.co path other than /track/sale or /track/lead'),
  'dub.invalid-customer-id': error('customerExternalId missing, empty or longer than 100 characters'),
  'dub.invalid-amount': error('an amount that is not a non-negative integer in the smallest currency unit (cents)'),
  'dub.invalid-currency': error('a currency that is not a 3-letter ISO 4217 code'),
  'dub.invalid-payment-processor': error('a paymentProcessor outside Dub\'s enum (e.g. "dodo")'),
  'dub.missing-click-id': error('a lead without clickId (the dub_id cookie)'),
  'dub.missing-event-name': error('a lead without eventName, or an empty eventName'),
  'dub.metadata-too-long': error('metadata over 10,000 characters once stringified'),
  'dub.deprecated-field': warning('externalId or customerId instead of customerExternalId'),
  'dub.unknown-field': warning('a top-level field the route does not define: Dub ignores it'),
};
const issue = issuesFor(CODES);

/** `externalId` / `customerId` still work but are deprecated: check the body as if they were customerExternalId. */
function withDeprecatedId(payload: unknown): { body: unknown; deprecated: DestinationIssue[] } {
  if (!isRecord(payload) || payload['customerExternalId'] !== undefined) return { body: payload, deprecated: [] };
  const old = DEPRECATED_ID_FIELDS.find((k) => typeof payload[k] === 'string');
  if (!old) return { body: payload, deprecated: [] };
  const { [old]: id, ...rest } = payload;
  return {
    body: { ...rest, customerExternalId: id },
    deprecated: [issue('dub.deprecated-field', [old],
      `${old} is deprecated (Dodo's example still sends it): rename it to customerExternalId`, 'warning')],
  };
}

const KNOWN_FIELDS: Record<string, ReadonlySet<string>> = {
  sale: new Set([...Object.keys(DubSaleSchema.shape), ...DEPRECATED_ID_FIELDS]),
  lead: new Set(Object.keys(DubLeadSchema.shape)),
};

/** Dub drops keys it does not know: a typo (or a field of the other route) silently loses data. */
function unknownFields(payload: unknown, endpoint: DestinationEndpoint): DestinationIssue[] {
  const known = KNOWN_FIELDS[endpoint.kind];
  if (!isRecord(payload) || !known) return [];
  return Object.keys(payload).filter((k) => !known.has(k)).map((k) => issue('dub.unknown-field', [k],
    `${k} is not a field of ${endpoint.path}, so Dub ignores it: move it into metadata or remove it`, 'warning'));
}

const classifyDub: IssueClassifier = ({ issue: zi, path, value, root }) => {
  const [field] = path;
  if (path.length !== 1) return undefined;
  if (field === 'customerExternalId') {
    const hint = value === undefined ? 'is required' : `must be 1 to 100 characters, not ${describeValue(value)}`;
    return issue('dub.invalid-customer-id', path, `customerExternalId ${hint}: your stable id for the customer (e.g. the Dodo customer_id), the same on every sale`);
  }
  if (field === 'amount') {
    const hint = typeof value === 'string' || (typeof value === 'number' && !Number.isInteger(value))
      ? `; Dodo's total_amount already is (2999 for $29.99): send it unchanged, without dividing by 100 or toFixed`
      : '';
    return issue('dub.invalid-amount', path,
      `amount must be a non-negative integer in the currency's smallest unit (cents; whole yen for JPY), not ${describeValue(value)}${hint}`);
  }
  if (field === 'currency') {
    return issue('dub.invalid-currency', path, `currency must be a 3-letter ISO 4217 code such as "usd", not ${describeValue(value)}`);
  }
  if (field === 'paymentProcessor') {
    return issue('dub.invalid-payment-processor', path,
      `paymentProcessor must be one of ${DUB_PAYMENT_PROCESSORS.join(', ')}, not ${describeValue(value)}: Dodo payments are "custom"`);
  }
  if (field === 'clickId' && isRecord(root)) {
    return issue('dub.missing-click-id', path, `A lead needs clickId, the dub_id cookie captured at checkout (e.g. from payment metadata), not ${describeValue(value)}`);
  }
  if (field === 'eventName' && zi.code !== 'too_big') {
    return issue('dub.missing-event-name', path, `${jsonPath(path)} must be a non-empty event name such as "Sign up", not ${describeValue(value)}`);
  }
  return undefined;
};

export const dub = defineDestination({
  id: 'dub',
  title: 'Dub',
  codePrefix: 'dub',
  codes: CODES,
  hosts: DUB_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  auth: { schemes: ['Bearer'], how: 'Bearer and the API key' },
  // Dub's track-sale API: the amount in cents for two-decimal currencies (minor units).
  money: { unit: 'minor', keys: ['amount'] },
  routes: DUB_ENDPOINTS,
  normalizePath: (path) => path.replace(/\/+$/, ''),
  unknownRoute: { message: (path) => `"${path}" is not a Dub tracking route: use https://api.dub.co/track/sale or /track/lead`, checkMethod: true },
  sizeCap: { note: '(Dub documents no body limit; this is a sanity cap)' },
  schemaInput: ({ payload }) => ({ value: withDeprecatedId(payload).body }),
  classify: classifyDub,
  lint: ({ payload, route }) => [...withDeprecatedId(payload).deprecated, ...unknownFields(payload, route)],
});
