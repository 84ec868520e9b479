// DataFast Payments API: the route, and the rules the schema cannot express.
// Source: https://datafa.st/docs/api/website/payments/create
import { checkMethod, checkSize, errorsFirst, KIB, parseUrl } from './checks.js';
import { DataFastPaymentSchema } from './datafast-schema.js';
import { isRecord, issue, jsonPath } from './json.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './datafast-schema.js';

export const DATAFAST_HOSTS = ['datafa.st'] as const;

// DataFast documents no body size limit: a sanity cap, reported as a warning.
export const DATAFAST_SIZE_CAP_BYTES = 64 * KIB;

export const DATAFAST_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/api/v1/payments', kind: 'payment', schema: DataFastPaymentSchema, sizeLimitBytes: DATAFAST_SIZE_CAP_BYTES },
];

const NAME = 'DataFast';

export const datafast: Destination = {
  id: 'datafast',
  name: NAME,
  hosts: DATAFAST_HOSTS,
  matches: (url) => (DATAFAST_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: DATAFAST_ENDPOINTS,
  sizeLimitBytes: DATAFAST_SIZE_CAP_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname.replace(/\/+$/, '') ?? url;
    const endpoint = DATAFAST_ENDPOINTS.find((e) => e.path === path);
    if (!endpoint) {
      return [issue('datafast.unknown-endpoint', '$', `"${path}" is not the DataFast Payments API: send to https://datafa.st/api/v1/payments`), ...checkMethod(method, NAME)];
    }
    const parsed = endpoint.schema.safeParse(payload);
    return errorsFirst([
      ...checkMethod(method, NAME),
      ...checkSize(payload, endpoint, NAME).map((i) => (i.code === 'size.too-large' ? { ...i, severity: 'warning' as const } : i)),
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyDataFast)),
      ...missingVisitor(payload),
    ]);
  },
};

/** Not required, but without it DataFast cannot attribute the revenue to a traffic source. */
function missingVisitor(payload: unknown): DestinationIssue[] {
  if (!isRecord(payload) || payload['datafast_visitor_id'] !== undefined || payload['refunded'] === true) return [];
  if (typeof payload['customer_id'] === 'string' || typeof payload['email'] === 'string' || typeof payload['customer_email'] === 'string') return [];
  return [issue('datafast.missing-visitor-id', ['datafast_visitor_id'],
    'No datafast_visitor_id, customer_id or email: DataFast cannot attribute this revenue to a visitor. Store the datafast_visitor_id cookie in the checkout metadata and send it, or send customer_id/email so renewals join the first payment',
    'warning')];
}

const classifyDataFast: IssueClassifier = ({ path, value }) => {
  const [field] = path;
  if (path.length !== 1) return undefined;
  if (field === 'amount') {
    const hint = typeof value === 'string'
      ? `: send a number, not the string from toFixed(); toMajorUnits(total_amount, currency) gives 29.99 for 2999 USD and 4500 for 4500 JPY`
      : typeof value === 'number' && value < 0 ? ': send the positive amount with refunded: true for a refund' : '';
    return issue('datafast.invalid-amount', path, `amount must be a number of major currency units, zero or more, not ${describeValue(value)}${hint}`);
  }
  if (field === 'currency') {
    return issue('datafast.invalid-currency', path, `currency is required: a 3-letter ISO 4217 code such as "USD", not ${describeValue(value)}`);
  }
  if (field === 'transaction_id') {
    return issue('datafast.missing-transaction-id', path,
      `transaction_id is required and makes re-sends idempotent: use the Dodo payment_id (refund_id for a refund), not ${describeValue(value)}`);
  }
  if (field === 'timestamp') {
    return issue('datafast.invalid-timestamp', path, `${jsonPath(path)} must be an ISO 8601 date-time string such as the event's timestamp, not ${describeValue(value)}`);
  }
  return undefined;
};
