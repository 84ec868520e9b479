import { findDestination, getDestination, validateDestinationRequest } from '../destinations/registry.js';
import { placeholderReason } from './placeholder-url.js';
import type { Finding, FindingCode, Severity } from '../findings/finding.js';
import { hasControlCharacters } from '../util/terminal-text.js';

/** A problem with what handler returned, before file/event/sample are attached. */
export interface ResultIssue {
  code: FindingCode;
  severity: Severity;
  jsonPath: string;
  message: string;
}

export type ResultVerdict = { cancelled: true; issues: ResultIssue[] } | { cancelled: false; destination?: string; issues: ResultIssue[] };

/** Issues of one code kept per result: a request with 6,000 bad headers needs one line saying so, not 6,000. */
const MAX_ISSUES_PER_CODE = 10;

function capPerCode(issues: ResultIssue[]): void {
  const counts = new Map<string, number>();
  const kept: ResultIssue[] = [];
  for (const i of issues) {
    const n = (counts.get(i.code) ?? 0) + 1;
    counts.set(i.code, n);
    if (n <= MAX_ISSUES_PER_CODE) kept.push(i);
    else if (n === MAX_ISSUES_PER_CODE + 1) kept.push({ ...i, message: `… and more ${i.code} problems in this request (only the first ${MAX_ISSUES_PER_CODE} are listed)` });
  }
  issues.splice(0, issues.length, ...kept);
}

/** A value for a message: JSON, shortened, so a 12 MB URL does not become a 12 MB message. */
function describeValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
}

const issue = (code: FindingCode, severity: Severity, jsonPath: string, message: string): ResultIssue => ({ code, severity, jsonPath, message });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the run knew beside the result: the URL the sample carried, the destination the snippet names. */
export interface ResultContext {
  /** webhook.url as the sample gave it (the card's URL). */
  inputUrl?: string;
  /** The destination the mapping declares (`destination:`) or `--destination` names. */
  declared?: string;
  /** webhook.env of the run: a URL taken from the endpoint's variables is the user's own, not a placeholder. */
  env?: unknown;
}

/**
 * What the runtime does with a returned webhook: method POST/PUT
 * (PATCH only on newer runtimes), an absolute URL, string headers, a boolean
 * cancel, a JSON payload; then the destination's own schema, picked by URL, or by the declared
 * destination when the URL names none.
 */
export function checkResult(result: unknown, context: ResultContext = {}): ResultVerdict {
  if (!isPlainObject(result)) return { cancelled: false, issues: [issue('invalid-result', 'error', '$', `handler must return the webhook object, got ${result === null ? 'null' : Array.isArray(result) ? 'an array' : typeof result}`)] };
  const issues: ResultIssue[] = [];
  if ('cancel' in result && typeof result['cancel'] !== 'boolean') issues.push(issue('invalid-cancel', 'error', '$.cancel', `cancel must be true or false, got ${describeValue(result['cancel'])}`));
  if (result['cancel'] === true) return { cancelled: true, issues };

  const method = result['method'];
  if (method === 'PATCH') issues.push(issue('invalid-method', 'warning', '$.method', 'PATCH is honoured only by newer runtimes; POST and PUT work everywhere'));
  else if (method !== 'POST' && method !== 'PUT') issues.push(issue('invalid-method', 'error', '$.method', `method must be "POST" or "PUT", got ${describeValue(method)}`));

  const url = result['url'];
  if (typeof url !== 'string' || !/^https:\/\/[^\s/?#]+[^\s]*$/.test(url) || hasControlCharacters(url)) {
    issues.push(issue('invalid-url', 'error', '$.url', `url must be an absolute https URL without control characters, got ${describeValue(url)}`));
  }
  const headers = result['headers'];
  if (headers !== undefined) {
    if (!isPlainObject(headers)) issues.push(issue('invalid-headers', 'error', '$.headers', 'headers must be an object of string values'));
    else for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string') issues.push(issue('invalid-headers', 'error', `$.headers[${JSON.stringify(name)}]`, `header ${JSON.stringify(name)} must be a string, got ${value === null ? 'null' : typeof value}`));
      else if (hasControlCharacters(value) || hasControlCharacters(name)) issues.push(issue('invalid-headers', 'error', `$.headers[${JSON.stringify(name)}]`, `header ${JSON.stringify(name)} contains control characters (a CR or LF splits the request's headers)`));
      // HTTP's rules, which fetch enforces: a name is a token, a value Latin-1 (a ByteString).
      else if (!HEADER_NAME.test(name)) issues.push(issue('invalid-headers', 'error', `$.headers[${JSON.stringify(name)}]`, `${JSON.stringify(name)} is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only; no spaces or colons): the request cannot be sent`));
      else if (/[^\u0000-\u00ff]/.test(value)) issues.push(issue('invalid-headers', 'error', `$.headers[${JSON.stringify(name)}]`, `header ${JSON.stringify(name)} holds characters beyond Latin-1 (${JSON.stringify(value.match(/[^\u0000-\u00ff]/)![0])}), which HTTP headers cannot carry: encode the value (e.g. encodeURIComponent) or send it in the body`));
    }
  }
  // A missing value pasted into a string ("Bearer undefined", ".../users/undefined") is sent as is.
  if (typeof url === 'string' && /undefined/.test(url) && !issues.some((i) => i.jsonPath === '$.url')) {
    issues.push(issue('undefined-in-request', 'error', '$.url', `the URL contains "undefined": a value it is built from was missing, got ${describeValue(url)}`));
  }
  if (isPlainObject(headers)) {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && /undefined/.test(value) && !hasControlCharacters(value)) {
        issues.push(issue('undefined-in-request', 'error', `$.headers[${JSON.stringify(name)}]`, `header ${JSON.stringify(name)} contains "undefined": a value it is built from was missing, got ${describeValue(value)}`));
      }
    }
  }
  if (isPlainObject(headers)) issues.push(...placeholderCredentials(headers, context.env));
  if (!('payload' in result) || result['payload'] === undefined) issues.push(issue('invalid-payload', 'error', '$.payload', 'payload is missing: return the body to send'));
  if (typeof url === 'string' && !issues.some((i) => i.jsonPath === '$.url')) issues.push(...urlIssues(url, context));
  capPerCode(issues);
  // A wrong URL or credential does not change what the body is meant to be: the destination's
  // checks still apply, so one round of fixes finds everything.
  if (typeof url !== 'string' || issues.some((i) => i.severity === 'error' && !REQUEST_LEVEL.has(i.code))) return { cancelled: false, issues };

  const destination = validateDestinationRequest(url, typeof method === 'string' ? method : 'POST', result['payload'], context.declared);
  for (const d of destination.issues) {
    issues.push(issue(d.code, d.severity, d.path === '$' ? '$.payload' : `$.payload${d.path.slice(1)}`, d.message));
  }
  if (destination.destination !== undefined && isPlainObject(headers)) issues.push(...authScheme(headers, destination.destination));
  return { cancelled: false, ...(destination.destination && { destination: destination.destination }), issues };
}

const REQUEST_LEVEL = new Set(['card-url-overwritten', 'placeholder-url', 'placeholder-credential']);

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Headers that carry a credential. */
const CREDENTIAL_HEADER = /^(?:authorization|proxy-authorization|x-api-key|api-key|apikey)$|(?:^|[-_])(?:api[-_]?key|token|secret|auth)(?:$|[-_])/i;
/** What vendor docs and templates put where the key goes. */
const PLACEHOLDER_CREDENTIAL: readonly [RegExp, string][] = [
  [/your[-_ ]?(?:[a-z]+[-_ ])?(?:api[-_ ]?)?(?:key|token|secret|id|password)/i, 'a "your key here" placeholder'],
  [/replace[-_ ]?(?:with|me)|change[-_ ]?me|insert[-_ ]|placeholder/i, 'a "replace me" placeholder'],
  [/<[^>]+>|\{\{[^}]*\}\}|\$\{[^}]*\}/, 'a template placeholder such as <key> or {{key}}'],
  [/X{6,}|x{8,}|\*{6,}/, 'a run of X or *'],
  [/123456789/, 'the documentation\'s example key (123456789)'],
];

/** An Authorization header whose scheme the destination's API does not take: 401, whatever the key. */
function authScheme(headers: Record<string, unknown>, destination: string): ResultIssue[] {
  const spec = getDestination(destination);
  const auth = spec?.auth;
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization');
  if (!spec || !auth || !entry || typeof entry[1] !== 'string' || entry[1].trim() === '') return [];
  const scheme = /^\s*(\S+)/.exec(entry[1])?.[1] ?? '';
  if (auth.schemes.some((s) => s.toLowerCase() === scheme.toLowerCase())) return [];
  const shown = /^[A-Za-z]+$/.test(scheme) && entry[1].trim().includes(' ') ? `the ${scheme} scheme` : 'no scheme';
  return [issue('wrong-auth-scheme', 'error', `$.headers[${JSON.stringify(entry[0])}]`,
    `${spec.title} takes ${auth.schemes.join(' or ')} authorization (${auth.how}), but the header uses ${shown}: the API answers 401`)];
}

/** An auth header sent with a placeholder: the API answers 401 and the delivery is lost. */
function placeholderCredentials(headers: Record<string, unknown>, env: unknown): ResultIssue[] {
  // A value from webhook.env is the endpoint's own: whatever it looks like in a sample.
  const fromEnv = isPlainObject(env) ? Object.values(env).filter((v): v is string => typeof v === 'string' && v.length >= 6) : [];
  const issues: ResultIssue[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string' || !CREDENTIAL_HEADER.test(name) || fromEnv.some((v) => value.includes(v))) continue;
    const found = PLACEHOLDER_CREDENTIAL.find(([pattern]) => pattern.test(value));
    if (!found) continue;
    // A warning: shared snippets often carry a redacted key ("Bearer xxxxxxxx") that the real one replaces.
    issues.push(issue('placeholder-credential', 'warning', `$.headers[${JSON.stringify(name)}]`,
      `header ${JSON.stringify(name)} holds ${found[1]} (${describeValue(value.length > 40 ? `${value.slice(0, 37)}…` : value)}): the API refuses it. Keep the key out of the code: set it on the endpoint and read it as webhook.env.API_KEY`));
  }
  return issues;
}

/** Where the request goes, against where it should: placeholders, and the card's URL kept or not. */
function urlIssues(url: string, { inputUrl, declared, env }: ResultContext): ResultIssue[] {
  // A URL from webhook.env is one the user set on the endpoint: theirs to choose.
  // The card's URL with a query or path added to it (Discord's ?wait=true or ?thread_id=, its
  // /slack suffix) still sends where the card says.
  const kept = inputUrl !== undefined && (url === inputUrl || (url.startsWith(inputUrl) && '?&/#'.includes(url.charAt(inputUrl.length))));
  const fromEnv = isPlainObject(env) && Object.values(env).includes(url);
  // The sample's own URL stands for the card's: only a URL the code wrote can be a placeholder.
  const placeholder = kept || fromEnv ? undefined : placeholderReason(url);
  if (placeholder !== undefined) {
    return [issue('placeholder-url', 'error', '$.url', `the request goes to ${describeValue(url)}, a placeholder (${placeholder}): nothing receives it. ${declared !== undefined && getDestination(declared)?.urlFrom === 'card' ? 'Leave the URL out: the dashboard card supplies it' : 'Put the real endpoint URL here, or leave the URL out to keep the one the dashboard card supplies'}`)];
  }
  const wanted = declared === undefined ? undefined : getDestination(declared);
  if (!wanted) return [];
  const actual = findDestination(url);
  if (wanted.urlFrom === 'card' && !kept && !fromEnv && inputUrl !== undefined && (actual === undefined || actual.id === wanted.id)) {
    return [issue('card-url-overwritten', 'error', '$.url', `the ${wanted.title} card supplies the URL (its ${wanted.card.credentials}), and this snippet sends to ${describeValue(url)} instead: leave \`url\` out, and webhook.url is kept`)];
  }
  if (actual !== undefined && actual.id !== wanted.id) {
    return [issue('destination-mismatch', 'warning', '$.url', `the snippet declares destination "${wanted.id}" but sends to ${describeValue(url)}, a ${actual.title} URL: its ${actual.title} checks apply; fix the URL or the declaration`)];
  }
  if (wanted.urlFrom === 'code' && kept) {
    return [issue('url-not-set', 'warning', '$.url', `${wanted.title} requests go to a URL the snippet sets (${exampleUrl(wanted)}), and this one keeps the card's URL: set \`url\``)];
  }
  return [];
}

function exampleUrl(d: { hosts: readonly string[]; endpoints: readonly { path: string }[] }): string {
  const host = d.hosts.find((h) => !h.startsWith('*'));
  const path = d.endpoints[0]?.path ?? '/';
  return host ? `https://${host}${path}` : path;
}

/** A result issue as a finding about one sample of one file. */
export function toFinding(file: string, event: string, sample: string, i: ResultIssue): Finding {
  return { code: i.code, severity: i.severity, file, event, sample, jsonPath: i.jsonPath, message: i.message };
}
