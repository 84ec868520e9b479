// Zapier "Webhooks by Zapier" Catch Hook: route, limits, and lints for fields that map badly in a Zap.
// Source: https://help.zapier.com/hc/en-us/articles/8496288690317 and https://docs.zapier.com/platform/build/operating-constraints
import { isRecord, jsonPath } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import { ZapierCatchHookSchema } from './schema.js';

export * from './schema.js';

export const ZAPIER_HOSTS = ['hooks.zapier.com'] as const;

// operating-constraints "Webhook payload": 10 MB.
export const ZAPIER_BODY_LIMIT_BYTES = 10_000_000;

/** /hooks/catch/<account id>/<hook key>/ (legacy hooks omit the account id), optionally …/silent/. */
const CATCH_HOOK = /^\/hooks\/catch\/(?:\d+\/)?[^/]+\/?(?:silent\/?)?$/;

export const ZAPIER_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/hooks/catch/{account_id}/{hook_key}/', match: CATCH_HOOK, kind: 'catch', schema: ZapierCatchHookSchema, sizeLimitBytes: ZAPIER_BODY_LIMIT_BYTES },
];

const CODES = {
  'zapier.unknown-endpoint': error('a hooks.zapier.com URL that is not a Catch Hook URL /hooks/catch/<account id>/<hook key>/'),
  'zapier.method-not-post': warning('a Catch Hook request sent with a method other than the documented POST'),
  'zapier.not-object': error('a body that is not one JSON object, so the Zap gets no fields (an array: several records)'),
  'zapier.nested-array': warning('an array of objects or arrays, which Zapier turns into line items or joined text'),
};
const issue = issuesFor(CODES);

/** Zapier documents Catch Hooks as taking POST requests; other methods are not documented. */
function undocumentedMethod(method: string): DestinationIssue[] {
  return [issue('zapier.method-not-post', '$', `Zapier documents Catch Hooks for POST requests, but the method is "${method}": send it with POST`, 'warning')];
}

function objectBody(payload: unknown): DestinationIssue[] {
  if (isRecord(payload)) return [];
  if (Array.isArray(payload)) {
    return [issue('zapier.not-object', '$',
      'The body is an array: a Catch Hook makes fields from an object\'s keys, and an array is not one record. Send one object per event', 'warning')];
  }
  return [issue('zapier.not-object', '$',
    `The body is ${describeValue(payload)}: a Catch Hook makes one field per key of a JSON object, so the Zap gets nothing to map. Send an object such as { event_type, payment_id, amount }`)];
}

/** Arrays of objects become line items and arrays of arrays lose their shape: both are awkward to map. */
function nestedArrays(value: unknown, at: PropertyKey[]): DestinationIssue[] {
  if (Array.isArray(value)) {
    const nested = value.some((v: unknown) => typeof v === 'object' && v !== null);
    if (nested && at.length > 0) {
      return [issue('zapier.nested-array', at,
        `${jsonPath(at)} is an array of objects or arrays, which Zapier turns into line items or comma-joined text that later steps map awkwardly: send flat fields instead (e.g. first_product_id, product_count) or a JSON string`,
        'warning')];
    }
    return value.flatMap((v: unknown, i) => nestedArrays(v, [...at, i]));
  }
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => nestedArrays(v, [...at, k]));
}

export const zapier = defineDestination({
  id: 'zapier',
  title: 'Zapier',
  codePrefix: 'zapier',
  codes: CODES,
  hosts: ZAPIER_HOSTS,
  urlFrom: 'card',
  card: { credentials: 'Catch Hook URL', sampleUrl: 'https://hooks.zapier.com/hooks/catch/1234567/cardsample/' },
  routes: ZAPIER_ENDPOINTS,
  unknownRoute: {
    message: (path) => `"${path}" is not a Catch Hook URL: in the Zap, pick Webhooks by Zapier → Catch Hook and copy its URL (https://hooks.zapier.com/hooks/catch/<account id>/<hook key>/)`,
  },
  wrongMethod: undocumentedMethod,
  // Any JSON object is accepted: the lints below say what maps badly in a Zap. The schema types the builders.
  schemaInput: () => undefined,
  lint: ({ payload }) => [...objectBody(payload), ...nestedArrays(payload, [])],
});
