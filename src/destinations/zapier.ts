// Zapier "Webhooks by Zapier" Catch Hook: route, limits, and lints for fields that map badly in a Zap.
// Source: https://help.zapier.com/hc/en-us/articles/8496288690317 and https://docs.zapier.com/platform/build/operating-constraints
import { errorsFirst, checkSize, parseUrl } from './checks.js';
import { isRecord, issue, jsonPath } from './json.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { ZapierCatchHookSchema } from './zapier-schema.js';
import { describeValue } from './zod-issues.js';

export * from './zapier-schema.js';

export const ZAPIER_HOSTS = ['hooks.zapier.com'] as const;

// operating-constraints "Webhook payload": 10 MB.
export const ZAPIER_BODY_LIMIT_BYTES = 10_000_000;

/** /hooks/catch/<account id>/<hook key>/ (legacy hooks omit the account id), optionally …/silent/. */
const CATCH_HOOK = /^\/hooks\/catch\/(?:\d+\/)?[^/]+\/?(?:silent\/?)?$/;

export const ZAPIER_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/hooks/catch/{account_id}/{hook_key}/', kind: 'catch', schema: ZapierCatchHookSchema, sizeLimitBytes: ZAPIER_BODY_LIMIT_BYTES },
];

const NAME = 'Zapier';

export const zapier: Destination = {
  id: 'zapier',
  name: NAME,
  hosts: ZAPIER_HOSTS,
  matches: (url) => (ZAPIER_HOSTS as readonly string[]).includes(url.hostname.toLowerCase()),
  endpoints: ZAPIER_ENDPOINTS,
  sizeLimitBytes: ZAPIER_BODY_LIMIT_BYTES,
  validate(url, method, payload) {
    const path = parseUrl(url)?.pathname ?? url;
    if (!CATCH_HOOK.test(path)) {
      return [issue('zapier.unknown-endpoint', '$',
        `"${path}" is not a Catch Hook URL: in the Zap, pick Webhooks by Zapier → Catch Hook and copy its URL (https://hooks.zapier.com/hooks/catch/<account id>/<hook key>/)`)];
    }
    return errorsFirst([
      ...postOnly(method),
      ...checkSize(payload, ZAPIER_ENDPOINTS[0] as DestinationEndpoint, NAME),
      ...objectBody(payload),
      ...nestedArrays(payload, []),
    ]);
  },
};

/** Zapier documents Catch Hooks as taking POST requests; other methods are not documented. */
function postOnly(method: string): DestinationIssue[] {
  if (method.toUpperCase() === 'POST') return [];
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
