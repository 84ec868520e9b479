// The request as the report shows it: a CI artifact is read by more people than the secrets it
// would otherwise carry (API keys in headers, the secret part of a webhook URL).
import { isObject } from './html.js';
import { parseUrl } from '../../util/url.js';

export interface ShownRequest {
  method: string;
  url: string;
  headers: [string, string][];
  payload: unknown;
}

export const MASK = '••••••';

/** Header names whose values are credentials. */
const SECRET_HEADER = /authorization|api[-_]?key|token|secret|passw|signature|cookie|session|credential|^x-.*-key$/i;
/** Query parameters that carry credentials (Teams/Power Automate `sig`, `?token=`, `?api_key=`). */
const SECRET_PARAM = /^(?:sig|signature|token|access_token|key|api[-_]?key|secret|password|auth|code)$/i;
/** Path parts that are secrets by position: Slack /services/T/B/<secret>, Discord /api/webhooks/<id>/<token>, Zapier /hooks/catch/<id>/<key>. */
const SECRET_PATHS: readonly RegExp[] = [
  /^(\/services\/[^/]+\/[^/]+\/)([^/]+)/,
  /^(\/api\/webhooks\/[^/]+\/)([^/?]+)/,
  /^(\/hooks\/catch\/[^/]+\/)([^/]+)/,
  /^(\/e\/)([^/]+)/, // Inngest event keys
];
/** A path part that looks like a key: long, and letters mixed with digits, or very long. */
const TOKEN_LIKE = /^(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{20,}$|^[A-Za-z0-9_-]{32,}$/;

export function maskHeader(name: string, value: string): string {
  if (!SECRET_HEADER.test(name)) return value;
  // The scheme says what kind of credential it is; the rest is the secret.
  const scheme = /^(Bearer|Basic|Token|Bot|Key)\s+/i.exec(value);
  return scheme ? `${scheme[0]}${MASK}` : MASK;
}

export function maskUrl(url: string): string {
  const parsed = parseUrl(url);
  if (parsed === undefined) return url;
  let path = parsed.pathname;
  for (const pattern of SECRET_PATHS) path = path.replace(pattern, (_, head: string) => `${head}${MASK}`);
  path = path.split('/').map((part) => (TOKEN_LIKE.test(part) ? MASK : part)).join('/');
  const params = parsed.search === '' ? '' : `?${parsed.search.slice(1).split('&').map((pair) => {
    const [name = '', ...rest] = pair.split('=');
    let decoded = name;
    try { decoded = decodeURIComponent(name); } catch { /* shown as written */ }
    return rest.length > 0 && SECRET_PARAM.test(decoded) ? `${name}=${MASK}` : pair;
  }).join('&')}`;
  const auth = parsed.username || parsed.password ? `${parsed.username}${parsed.password ? `:${MASK}` : ''}@` : '';
  return `${parsed.protocol}//${auth}${parsed.host}${path}${params}${parsed.hash}`;
}

/** Values too short to be secrets (`1`, `on`) would mask half the page. */
const MIN_SECRET_LENGTH = 6;

/**
 * A secret as it may be written: as it is, escaped inside JSON text (a header or message quoting
 * it: `sec\"ret`), twice so (a quoted JSON text), and URL-encoded (`?key=sec%22ret`).
 */
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const twice = JSON.stringify(json).slice(1, -1);
  const url = (encode: (s: string) => string) => { try { return encode(secret); } catch { return secret; } };
  return [...new Set([secret, json, twice, url(encodeURIComponent), url(encodeURI), url(encodeURIComponent).replace(/%20/g, '+')])]
    // Longest first, so that no shorter spelling splits a longer one.
    .sort((a, b) => b.length - a.length);
}

/** Every string in `value` with each of `secrets` replaced by the mask, however it is spelled. */
export function maskValues<T>(value: T, secrets: readonly string[]): T {
  const list = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(spellings).sort((a, b) => b.length - a.length);
  if (list.length === 0) return value;
  const mask = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return list.reduce((text, secret) => text.split(secret).join(MASK), v);
    if (depth > 60 || typeof v !== 'object' || v === null) return v;
    if (Array.isArray(v)) return v.map((item) => mask(item, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, mask(item, depth + 1)]));
  };
  return mask(value, 0) as T;
}

/**
 * The returned webhook object as shown: method, masked URL and headers, the body unchanged but
 * for `secrets` (the values of webhook.env the run had), masked wherever they appear.
 */
export function shownRequest(result: Record<string, unknown>, secrets: readonly string[] = []): ShownRequest {
  const headers = isObject(result['headers'])
    ? Object.entries(result['headers']).map(([k, v]): [string, string] => [k, maskHeader(k, maskValues(typeof v === 'string' ? v : JSON.stringify(v) ?? String(v), secrets))])
    : [];
  return {
    method: typeof result['method'] === 'string' ? result['method'] : String(result['method'] ?? ''),
    url: typeof result['url'] === 'string' ? maskValues(maskUrl(result['url']), secrets) : String(result['url'] ?? ''),
    headers,
    payload: maskValues(result['payload'], secrets),
  };
}

/** Text that may quote a request (a finding's message): the URLs in it masked, and the env values. */
export function maskText(text: string, secrets: readonly string[] = []): string {
  return maskValues(text.replace(/https?:\/\/[^\s"'<>`]+/g, (url) => maskUrl(url)), secrets);
}
