// The one engine behind every destination: a destination declares its hosts, routes, limits and codes
// (src/destinations/<id>/index.ts); this finds the route, checks the method and the size, turns zod
// issues into findings, runs the destination's own checks and puts errors first.
import type { z } from 'zod';
import type { CodeInfo, DestinationFindingCode, Severity } from '../findings/codes.js';
import { isRecord, jsonPath, valueAt } from '../util/json.js';
import { suggest } from '../util/suggest.js';
import { describeValue, expectedText } from './describe-value.js';
import { parseUrl } from '../util/url.js';

export type { Severity } from '../findings/codes.js';

export const KIB = 1024;

/** One problem found in a request body meant for a destination. */
export interface DestinationIssue {
  /** Stable code, declared by the destination (or one of GENERIC_CODES). */
  code: DestinationFindingCode;
  /** JSON path into the request body, `$` is the body itself (e.g. `$.identifiers.id`). */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  severity: Severity;
}

/** One API route of a destination and the body it accepts. */
export interface DestinationEndpoint {
  /** URL path as documented (e.g. `/v1/track`); a request path must equal it unless `match` says otherwise. */
  path: string;
  /** Short name of the call (e.g. `track`, `entity`). */
  kind: string;
  /** The request body's schema (hard rules only; warnings come from lints). */
  schema: z.ZodType;
  /** Maximum UTF-8 size of `JSON.stringify(body)`. */
  sizeLimitBytes: number;
  /** For batch routes: the limit for each element of the `batch` array. */
  itemSizeLimitBytes?: number;
  /** For batch routes: the most elements the batch array may hold. */
  maxItems?: number;
  /** The method the route takes; POST when absent. */
  method?: 'POST' | 'PUT' | 'PATCH';
  /** How a request path is recognised as this route, when not by equality with `path`. */
  match?: RegExp | ((path: string, url: URL | undefined) => boolean);
  /** Routes sharing a path: which bodies belong to this one. */
  matchBody?: (payload: unknown) => boolean;
}

/** A host name (`api.segment.io`, `*.webhook.office.com` for every subdomain), optionally only with some paths. */
export type HostSpec = string | { host: string; path: RegExp };

/** A literal that looks like one of the destination's secrets (see validate/credentials.ts). */
export interface SecretPattern {
  pattern: RegExp;
  label: string;
}

/**
 * Request fields whose text the destination renders as markup, as JSON-path-like selectors
 * (`[*]` is every element). Customer-controlled strings in them need the matching escape helper.
 */
export interface MarkupFields {
  html?: readonly string[];
  slackMrkdwn?: readonly string[];
  discordMarkdown?: readonly string[];
  /** Adaptive Card text that renders Markdown (TextBlock, FactSet); TextRun shows text as is. */
  teamsMarkdown?: readonly string[];
}

/**
 * The request keys that carry money and the unit the API reads them in: Segment's revenue and
 * DataFast's amount are major units (29.99), Dub's amount is minor units (2999). The amount checks
 * use it to tell a Dodo amount sent unconverted, or converted where it should not be.
 */
export interface MoneyFields {
  unit: 'major' | 'minor';
  keys: readonly string[];
}

/**
 * The Authorization schemes the API takes (Customer.io's Track API: Basic only). A header with
 * another scheme is refused with a 401, whatever the key; a request without the header is not
 * judged (the dashboard's card may add it).
 */
export interface AuthSpec {
  schemes: readonly ('Basic' | 'Bearer')[];
  /** How the credential goes into it, for the message. */
  how: string;
}

/** What a destination's checks see of one request. */
export interface DestinationRequest<R extends DestinationEndpoint = DestinationEndpoint> {
  url: URL | undefined;
  /** The URL's path (normalised as the destination asks), or the URL itself when it does not parse. */
  path: string;
  method: string;
  payload: unknown;
  route: R;
}

/** What a classifier sees: the zod issue, where it is, and the offending value. */
export interface IssueContext {
  issue: z.core.$ZodIssue;
  path: PropertyKey[];
  /** The value at `path` in the request body (undefined when missing). */
  value: unknown;
  /** The whole request body. */
  root: unknown;
}

/** Gives a zod issue a destination-specific code and message; undefined → generic `schema.invalid`. */
export type IssueClassifier<R extends DestinationEndpoint = DestinationEndpoint> =
  (ctx: IssueContext, route: R) => DestinationIssue | undefined;

/** A path on the destination's host that is a real route, but whose body is not checked. */
export interface UnvalidatedRoute {
  match: RegExp;
  message: (match: RegExpExecArray) => string;
  /** Check the method as for the checked routes (POST). */
  checkMethod?: boolean;
  /** What is surely wrong with a body even where the route's schema is not modelled (a body of another API version). */
  lint?: (payload: unknown, match: RegExpExecArray) => DestinationIssue[];
}

/** What to report for a path on the destination's host that is none of its routes. */
export type UnknownRoute =
  /** `<prefix>.unknown-endpoint`, an error, with this message (and the POST check when `checkMethod`). */
  | { message: (path: string) => string; checkMethod?: boolean }
  /**
   * A near miss of a route (did you mean …?) is `<prefix>.unknown-endpoint`; any other path is a route
   * this tool does not model: `<prefix>.unvalidated-endpoint`, a warning.
   */
  | { nearMiss: string; checked?: string; suggestUnless?: RegExp };

export interface CardSpec {
  /** What the card's form asks for. */
  credentials: string;
  /**
   * A URL of the form the card takes (urlFrom 'card'): the samples carry it as webhook.url when a
   * snippet declares this destination, so that the URL the snippet keeps picks the right route.
   */
  sampleUrl?: string;
}

export interface DestinationSpec<R extends DestinationEndpoint, C extends string> {
  /** Stable id, the integration card's slug and the template's name (e.g. `segment`, `customer-io`). */
  id: string;
  /** Display name, as in messages ("Segment takes this request only as POST"). */
  title: string;
  /** Every code of the destination starts with `<codePrefix>.`. */
  codePrefix: string;
  codes: Readonly<Record<C, CodeInfo>>;
  /** Host names the destination's API is served from. */
  hosts: readonly HostSpec[];
  /** Hosts recognised as meant for the destination, though its API is not served there (reported by `rewriteUrl`). */
  otherHosts?: readonly string[];
  /** Paths claimed on any host (self-hosted products); host matches of other destinations win. */
  claims?: RegExp;
  /** Where the request URL comes from: the dashboard card's URL field, or the mapping's code. */
  urlFrom: 'card' | 'code';
  /** The dashboard card's integration form. */
  card: CardSpec;
  secrets?: readonly SecretPattern[];
  markup?: MarkupFields;
  money?: MoneyFields;
  auth?: AuthSpec;
  routes: readonly R[];
  /** Applied to a parsed URL's path before routes are looked up (e.g. dropping trailing slashes). */
  normalizePath?: (path: string) => string;
  /** Findings about the URL itself, reported first, and the path to look the route up by. */
  rewriteUrl?: (url: URL | undefined, path: string) => { path: string; issues: DestinationIssue[] };
  /** Route lookup, when not by the routes' `path` / `match`. */
  resolveRoute?: (path: string, url: URL | undefined, payload: unknown) => R | undefined;
  unvalidated?: readonly UnvalidatedRoute[];
  unknownRoute: UnknownRoute;
  /** The finding for a method other than the route's; undefined: the generic `method.not-post`. */
  wrongMethod?: (method: string, route: R) => DestinationIssue[] | undefined;
  /** The size limits are sanity caps, not documented limits: reported as warnings, `note` appended. */
  sizeCap?: { note?: string };
  /** Checks of the request beside its body (URL details), after the method. */
  checkRequest?: (request: DestinationRequest<R>) => DestinationIssue[];
  /** Checks of the body that come before the schema's. */
  checkBody?: (request: DestinationRequest<R>) => DestinationIssue[];
  /** What the route's schema checks; undefined: the body is not checked against a schema. Default: the body. */
  schemaInput?: (request: DestinationRequest<R>) => { value: unknown; schema?: z.ZodType; root?: unknown } | undefined;
  classify?: IssueClassifier<R>;
  /** Checks after the schema's: mostly warnings about fields that have no effect. */
  lint?: (request: DestinationRequest<R>) => DestinationIssue[];
}

export interface Destination {
  id: string;
  title: string;
  codePrefix: string;
  /** The destination's own codes (GENERIC_CODES are shared). */
  codes: Readonly<Record<string, CodeInfo>>;
  /** Host names the destination's API is served from (`*.` for subdomains). */
  hosts: readonly string[];
  urlFrom: 'card' | 'code';
  card: CardSpec;
  secrets: readonly SecretPattern[];
  markup: MarkupFields;
  money?: MoneyFields;
  auth?: AuthSpec;
  endpoints: readonly DestinationEndpoint[];
  /** True when the URL's host is one of the destination's. */
  matchesHost(url: URL): boolean;
  /** True when the URL's path is one the destination claims on any host. */
  claimsPath(url: URL): boolean;
  /** Either: the URL may be meant for this destination (the registry decides between claims). */
  matches(url: URL): boolean;
  /** Checks a request (after the transformation) against the destination's API rules. */
  validate(url: string, method: string, payload: unknown): DestinationIssue[];
}

/** A code usually reported as an error, and what it means. */
export const error = (summary: string): CodeInfo => ({ severity: 'error', summary });
/** A code usually reported as a warning, and what it means. */
export const warning = (summary: string): CodeInfo => ({ severity: 'warning', summary });

/** Codes every destination may report. */
export const GENERIC_CODES = {
  'schema.invalid': error('the body does not have the shape the API documents (wrong type, missing field)'),
  'size.too-large': error('the UTF-8 size of the JSON body (or of one batch element) exceeds the API limit'),
  'method.not-post': error('the HTTP method is not POST, the only method these routes accept'),
} as const satisfies Record<string, CodeInfo>;

export type GenericCode = keyof typeof GENERIC_CODES;

type IssuePath = readonly PropertyKey[] | string;

function makeIssue(code: DestinationFindingCode, path: IssuePath, message: string, severity: Severity): DestinationIssue {
  return { code, path: typeof path === 'string' ? path : jsonPath(path), message, severity };
}

/** A finding constructor for one destination's codes: the severity defaults to the code's own. */
export function issuesFor<C extends string>(codes: Readonly<Record<C, CodeInfo>>) {
  const all: Readonly<Record<string, CodeInfo>> = { ...GENERIC_CODES, ...codes };
  return (code: C | GenericCode, path: IssuePath, message: string, severity?: Severity): DestinationIssue =>
    makeIssue(code as DestinationFindingCode, path, message, severity ?? all[code]?.severity ?? 'error');
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** UTF-8 size of `JSON.stringify(value)`; undefined when it is not serialisable. */
export function jsonBytes(value: unknown): number | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? 0 : utf8Bytes(text);
  } catch {
    return undefined;
  }
}

/** The generic method finding: these routes take only POST. */
function postOnly(method: string, title: string): DestinationIssue[] {
  if (method.toUpperCase() === 'POST') return [];
  return [makeIssue('method.not-post', '$', `${title} takes this request only as POST, but the method is "${method}": send it with POST`, 'error')];
}

/** UTF-8 size of the body against the route's limit, and of each batch element against its own. */
function checkSize(payload: unknown, route: DestinationEndpoint, title: string): DestinationIssue[] {
  const bytes = jsonBytes(payload);
  if (bytes === undefined) {
    return [makeIssue('schema.invalid', '$', 'The body cannot be serialised with JSON.stringify (a cycle or a BigInt?): send plain JSON values', 'error')];
  }
  const out: DestinationIssue[] = [];
  if (bytes > route.sizeLimitBytes) {
    out.push(makeIssue('size.too-large', '$',
      `The body is ${bytes} bytes as UTF-8 JSON; ${title} ${route.path} accepts at most ${route.sizeLimitBytes} bytes (${route.sizeLimitBytes / KIB} KB): drop large or unneeded fields${route.itemSizeLimitBytes === undefined ? '' : ' or split the batch'}`,
      'error'));
  }
  const items = isRecord(payload) ? payload['batch'] : undefined;
  if (route.itemSizeLimitBytes !== undefined && Array.isArray(items)) {
    const limit = route.itemSizeLimitBytes;
    items.forEach((item: unknown, i) => {
      const itemBytes = jsonBytes(item) ?? 0;
      if (itemBytes > limit) {
        out.push(makeIssue('size.too-large', ['batch', i],
          `Batch element ${i} is ${itemBytes} bytes as UTF-8 JSON; each element may be at most ${limit} bytes (${limit / KIB} KB): drop large or unneeded fields`,
          'error'));
      }
    });
  }
  return out;
}

/** Errors first, then warnings; otherwise the order they were found in. */
function errorsFirst(issues: readonly DestinationIssue[]): DestinationIssue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
}

function hostIs(pattern: string, host: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}

function routeMatches(route: DestinationEndpoint, path: string, url: URL | undefined, payload: unknown): boolean {
  const { match } = route;
  const onPath = match === undefined ? route.path === path : match instanceof RegExp ? match.test(path) : match(path, url);
  return onPath && (route.matchBody?.(payload) ?? true);
}

export function defineDestination<R extends DestinationEndpoint, C extends string>(spec: DestinationSpec<R, C>): Destination {
  const { id, title, codePrefix, routes } = spec;
  for (const code of Object.keys(spec.codes)) {
    if (!code.startsWith(`${codePrefix}.`)) throw new Error(`${id}: code "${code}" does not start with "${codePrefix}."`);
  }
  const issue = issuesFor<string>(spec.codes);
  const known = (code: string) => Object.hasOwn(spec.codes, code) || Object.hasOwn(GENERIC_CODES, code);
  const matchesHost = (url: URL) => {
    const host = url.hostname.toLowerCase();
    return spec.hosts.some((h) => (typeof h === 'string' ? hostIs(h, host) : hostIs(h.host, host) && h.path.test(url.pathname)))
      || (spec.otherHosts ?? []).some((h) => hostIs(h, host));
  };
  const claimsPath = (url: URL) => spec.claims?.test(url.pathname) ?? false;

  function unknown(path: string, method: string, payload: unknown): DestinationIssue[] {
    for (const u of spec.unvalidated ?? []) {
      const m = u.match.exec(path);
      if (m) return [issue(`${codePrefix}.unvalidated-endpoint`, '$', u.message(m), 'warning'), ...(u.checkMethod ? postOnly(method, title) : []), ...(u.lint?.(payload, m) ?? [])];
    }
    const policy = spec.unknownRoute;
    if ('message' in policy) {
      return [issue(`${codePrefix}.unknown-endpoint`, '$', policy.message(path), 'error'), ...(policy.checkMethod ? postOnly(method, title) : [])];
    }
    const paths = routes.map((r) => r.path);
    const near = policy.suggestUnless?.test(path) ? undefined : suggest(path, paths);
    if (near) return [issue(`${codePrefix}.unknown-endpoint`, '$', `"${path}" is not ${policy.nearMiss}: did you mean ${near}?`, 'error')];
    const checked = policy.checked ?? `only ${paths.join(paths.length === 2 ? ' and ' : ', ')} are`;
    return [issue(`${codePrefix}.unvalidated-endpoint`, '$', `${path} is not checked by dodo-transform (${checked}): its body is sent as is`, 'warning')];
  }

  /** The route a near-miss path was meant for, as the "did you mean" names it. */
  function nearRoute(path: string): R | undefined {
    const policy = spec.unknownRoute;
    if ('message' in policy || policy.suggestUnless?.test(path)) return undefined;
    const near = suggest(path, routes.map((r) => r.path));
    return near === undefined ? undefined : routes.find((r) => r.path === near && !/[{:]/.test(r.path));
  }

  function bodyIssues(request: DestinationRequest<R>): DestinationIssue[] {
    return [...size(request.payload, request.route), ...(spec.checkBody?.(request) ?? []), ...schemaIssues(request), ...(spec.lint?.(request) ?? [])];
  }

  function size(payload: unknown, route: R): DestinationIssue[] {
    const found = checkSize(payload, route, title);
    const cap = spec.sizeCap;
    if (!cap) return found;
    return found.map((i) => (i.code === 'size.too-large'
      ? { ...i, severity: 'warning' as const, ...(cap.note !== undefined && { message: `${i.message} ${cap.note}` }) } : i));
  }

  function schemaIssues(request: DestinationRequest<R>): DestinationIssue[] {
    const input = spec.schemaInput ? spec.schemaInput(request) : { value: request.payload };
    if (!input) return [];
    const parsed = (input.schema ?? request.route.schema).safeParse(input.value);
    if (parsed.success) return [];
    return fromZodIssues(parsed.error.issues, 'root' in input ? input.root : input.value, (ctx) => spec.classify?.(ctx, request.route), known);
  }

  return {
    id, title, codePrefix,
    codes: spec.codes,
    hosts: spec.hosts.map((h) => (typeof h === 'string' ? h : h.host)),
    urlFrom: spec.urlFrom,
    card: spec.card,
    secrets: spec.secrets ?? [],
    markup: spec.markup ?? {},
    ...(spec.money && { money: spec.money }),
    ...(spec.auth && { auth: spec.auth }),
    endpoints: routes,
    matchesHost,
    claimsPath,
    matches: (url) => matchesHost(url) || claimsPath(url),
    validate(url, method, payload) {
      const parsedUrl = parseUrl(url);
      let path = parsedUrl ? (spec.normalizePath?.(parsedUrl.pathname) ?? parsedUrl.pathname) : url;
      const rewritten = spec.rewriteUrl?.(parsedUrl, path);
      const first = rewritten?.issues ?? [];
      if (rewritten) path = rewritten.path;
      const route = spec.resolveRoute
        ? spec.resolveRoute(path, parsedUrl, payload)
        : routes.find((r) => routeMatches(r, path, parsedUrl, payload));
      if (!route) {
        // A near miss (/email for /emails) is still meant for that route: its body checks
        // apply too, so that fixing the path does not reveal a second round of errors.
        const near = nearRoute(path);
        const body = near ? bodyIssues({ url: parsedUrl, path, method, payload, route: near }) : [];
        return errorsFirst([...first, ...unknown(path, method, payload), ...body]);
      }
      const request: DestinationRequest<R> = { url: parsedUrl, path, method, payload, route };
      const expected = route.method ?? 'POST';
      const methodIssues = method.toUpperCase() === expected ? [] : (spec.wrongMethod?.(method, route) ?? postOnly(method, title));
      return errorsFirst([
        ...first,
        ...methodIssues,
        ...(spec.checkRequest?.(request) ?? []),
        ...size(payload, route),
        ...(spec.checkBody?.(request) ?? []),
        ...schemaIssues(request),
        ...(spec.lint?.(request) ?? []),
      ]);
    },
  };
}

/**
 * Turns zod issues into DestinationIssues with JSON paths. Custom issues carry their code in
 * `params.code` (their message is already ours); everything else goes through `classify`, then
 * a generic wording. zod's own message text is never shown.
 */
function fromZodIssues(
  issues: readonly z.core.$ZodIssue[], root: unknown,
  classify: (ctx: IssueContext) => DestinationIssue | undefined, known: (code: string) => boolean,
): DestinationIssue[] {
  const out: DestinationIssue[] = [];
  const seen = new Set<string>();
  for (const zi of issues) {
    const path = [...zi.path];
    const ctx: IssueContext = { issue: zi, path, value: valueAt(root, path), root };
    const converted = fromCustom(zi, path, known) ?? classify(ctx) ?? generic(ctx);
    const key = `${converted.code}|${converted.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(converted);
  }
  return out;
}

function fromCustom(zi: z.core.$ZodIssue, path: PropertyKey[], known: (code: string) => boolean): DestinationIssue | undefined {
  if (zi.code !== 'custom') return undefined;
  const code: unknown = zi.params?.['code'];
  if (typeof code !== 'string' || !known(code)) return undefined;
  return makeIssue(code as DestinationFindingCode, path, zi.message, zi.params?.['severity'] === 'warning' ? 'warning' : 'error');
}

function generic({ issue: zi, path, value }: IssueContext): DestinationIssue {
  const where = path.length === 0 ? 'The body' : jsonPath(path);
  return makeIssue('schema.invalid', path, `${where} ${genericProblem(zi, value)}`, 'error');
}

function genericProblem(zi: z.core.$ZodIssue, value: unknown): string {
  switch (zi.code) {
    case 'invalid_type':
      return value === undefined
        ? `is required: set it to ${expectedText(zi.expected)}`
        : `must be ${expectedText(zi.expected)}, not ${describeValue(value)}`;
    case 'invalid_value':
      return `must be ${zi.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${describeValue(value)}`;
    case 'too_small':
      if (zi.origin === 'string' && Number(zi.minimum) === 1) return 'must not be empty';
      return `is too small: the minimum is ${zi.minimum}${zi.origin === 'array' ? ' elements' : ''}`;
    case 'too_big':
      return `is too large: the maximum is ${zi.maximum}${zi.origin === 'string' ? ' characters' : zi.origin === 'array' ? ' elements' : ''}`;
    case 'invalid_format':
      return `is not a valid ${zi.format === 'regex' ? 'value' : zi.format}: got ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `has keys the API does not accept: ${zi.keys.join(', ')}; remove them`;
    case 'invalid_union':
      return zi.discriminator !== undefined && 'options' in zi && zi.options
        ? `must be one of ${zi.options.map((o) => JSON.stringify(o)).join(', ')}, not ${describeValue(value)}`
        : `does not match any shape the API accepts (got ${describeValue(value)})`;
    default:
      return 'is not valid';
  }
}
