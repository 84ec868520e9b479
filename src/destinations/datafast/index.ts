// DataFast Payments API: the route, and the rules the schema cannot express.
// Source: https://datafa.st/docs/api/website/payments/create
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, KIB, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { DataFastPaymentSchema } from './schema.js';

export * from './schema.js';

export const DATAFAST_HOSTS = ['datafa.st'] as const;

// DataFast documents no body size limit: a sanity cap, reported as a warning.
export const DATAFAST_SIZE_CAP_BYTES = 64 * KIB;

export const DATAFAST_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/api/v1/payments', kind: 'payment', schema: DataFastPaymentSchema, sizeLimitBytes: DATAFAST_SIZE_CAP_BYTES },
];

const CODES = {
  'datafast.unknown-endpoint': error('a datafa.st path other than /api/v1/payments'),
  'datafast.invalid-amount': error('an amount that is not a number of major units, zero or more (e.g. a string)'),
  'datafast.invalid-currency': error('a currency that is not a 3-letter ISO 4217 code'),
  'datafast.missing-transaction-id': error('a payment without transaction_id, the idempotency key'),
  'datafast.invalid-timestamp': error('a timestamp that is not an ISO 8601 date-time string'),
  'datafast.missing-visitor-id': warning('a payment with no visitor id, customer id or email: the revenue cannot be attributed'),
};
const issue = issuesFor(CODES);

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

export const datafast = defineDestination({
  id: 'datafast',
  title: 'DataFast',
  codePrefix: 'datafast',
  codes: CODES,
  hosts: DATAFAST_HOSTS,
  urlFrom: 'code',
  card: { credentials: 'API key' },
  // DataFast's payment API: "amount in major currency units" (29.99).
  money: { unit: 'major', keys: ['amount'] },
  routes: DATAFAST_ENDPOINTS,
  normalizePath: (path) => path.replace(/\/+$/, ''),
  unknownRoute: { message: (path) => `"${path}" is not the DataFast Payments API: send to https://datafa.st/api/v1/payments`, checkMethod: true },
  sizeCap: {},
  classify: classifyDataFast,
  lint: ({ payload }) => missingVisitor(payload),
});
