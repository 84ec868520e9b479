// Every finding code the tool itself reports, with its usual severity and what it means. Destination
// codes (`segment.missing-identity`, …) are namespaced with a dot and registered by the destinations
// (see registry.ts): findings/ depends on nothing above it.

export type Severity = 'error' | 'warning';

/** What a code means: the severity it is usually reported with, and one line for documentation. */
export interface CodeInfo {
  severity: Severity;
  summary: string;
}

const error = (summary: string): CodeInfo => ({ severity: 'error', summary });
const warning = (summary: string): CodeInfo => ({ severity: 'warning', summary });

/**
 * Stable finding codes. Tests and the JSON reporter rely on these names:
 * add new ones, never rename.
 */
export const FINDING_CODES = {
  // Compiling mappings
  'type-error': error('the TypeScript type checker rejected the mapping'),
  'unknown-event': error('an events key that is not a Dodo event type'),
  'forbidden-import': error('an import that cannot exist in the webhook runtime'),
  'async-code': error('async functions, await or Promises: the runtime calls handler synchronously'),
  'generator': error('generators are not supported by the snippet contract'),
  'unavailable-global': error('a Node or browser global the webhook runtime does not provide'),
  'nondeterministic': warning('Date.now(), new Date() or Math.random(): output differs between runs'),
  'engine-dependent': warning('toLocale*() or Intl: results depend on the engine and its locale data'),
  'patch-method': warning('PATCH is only honoured by newer runtimes'),
  'escape-attempt': error('code generation from strings (eval, the Function constructor), caught or not: the runtime forbids it'),
  'bundle-error': error('esbuild could not bundle the mapping'),
  'invalid-mapping': error('the default export is not a valid mapping'),
  'mapping-threw': error('evaluating the mapping module threw'),
  'snippet-too-large': error('the snippet exceeds the runtime\'s 51,200 character limit'),
  'duplicate-name': error('two mappings would write the same snippet file'),
  // Snippet source (validate, check)
  'syntax-error': error('the snippet does not parse as a script'),
  'handler-shape': error('the snippet is not exactly one top-level function handler(webhook)'),
  'module-syntax': error('import, export or top-level await: the runtime pastes code into a function body'),
  'snippet-too-small': error('the runtime rejects code shorter than 10 characters'),
  'too-deep-to-analyse': warning('the snippet nests too deeply for the static checks: they were skipped, and it ran on every sample'),
  'credential-literal': warning('a string literal that looks like a credential: snippets get pasted and shared'),
  'prototype-change': error('the snippet changes Object.prototype, which the returned webhook inherits from'),
  // Running samples
  'runtime-error': error('the snippet threw on a sample'),
  'timeout': error('the snippet ran past the time limit on a sample'),
  'memory-limit': error('the snippet ran out of memory on a sample'),
  'invalid-result': error('handler returned something other than the webhook object'),
  'invalid-method': error('method is not POST or PUT'),
  'invalid-url': error('url is not an absolute https URL'),
  'invalid-headers': error('headers is not an object of string values'),
  'invalid-cancel': error('cancel is not a boolean'),
  'invalid-payload': error('payload is not JSON-serialisable'),
  'wrong-decimals': error('an amount divided by 100 for a currency whose exponent is not 2 (JPY, KWD, …), as a value or inside text'),
  'wrong-currency': error('text shows an amount with a currency symbol or code that is not the event\'s currency'),
  'minor-units': warning('a money field the destination reads in major units (Segment revenue, DataFast amount) holds the amount in minor units (2999 for $29.99)'),
  'major-units': warning('a money field the destination reads in minor units (Dub amount) holds the amount divided by 100'),
  'null-amount': error('text shows 0 for an amount that is null in the event'),
  'impossible-comparison': error('a Dodo field compared with a value it never takes (dispute_status === "won")'),
  'string-amount': warning('arithmetic on a dispute\'s amount, which arrives as a string ("400"): + joins it as text'),
  'unknown-field': error('the snippet reads a field that no event of that type has (always undefined)'),
  'rendered-garbage': error('text that reads undefined, NaN, [object Object], Invalid Date, null or a 1970 date'),
  'unescaped-markup': error('customer-controlled text arrives raw in HTML, Slack mrkdwn or a Discord message that pings @everyone'),
  'markdown-link': warning('customer-controlled text becomes a Markdown link: raw in Discord markdown, or in a Teams TextBlock or FactSet'),
  'placeholder-url': error('the request goes to a placeholder (example.com, an id of zeros, XXXX, "REPLACE_WITH…"): nothing receives it'),
  'placeholder-credential': warning('an auth header holds a placeholder (YOUR_API_KEY, <token>, re_123456789): the API refuses it'),
  'wrong-auth-scheme': error('an Authorization header with a scheme the destination does not take (Bearer where its API takes Basic)'),
  'card-url-overwritten': error('the snippet replaces the URL the dashboard card supplies (Slack, Discord, Teams, …) with one of its own'),
  'destination-mismatch': warning('the declared destination is not the one the request URL goes to'),
  'url-not-set': warning('the declared destination takes its URL from the code, and the snippet keeps the card\'s URL'),
  'undefined-in-request': error('the URL or a header contains the text "undefined" (e.g. Bearer undefined): a value was missing'),
  'env-missing': warning('the request breaks when the runtime omits webhook.env: guard the variable'),
  'parity-mismatch': error('the compiled snippet and the TypeScript mapping disagree on a sample'),
  'golden-mismatch': error('the result differs from the expected output file'),
  // Committed snippets (check)
  'stale-snippet': error('the committed snippet differs from what its mapping compiles to'),
  'missing-snippet': error('a configured mapping has no committed snippet'),
  'orphaned-snippet': error('a generated snippet whose mapping no longer exists'),
  'snippet-name-taken': error('a hand-written snippet has the file name a mapping\'s snippet would be written to'),
  'bad-sample': error('a sample file that cannot be used'),
} as const satisfies Record<string, CodeInfo>;

export type ToolFindingCode = keyof typeof FINDING_CODES;

/** A destination's code: its namespace, a dot, the problem (`slack.missing-text`, `size.too-large`). */
export type DestinationFindingCode = `${string}.${string}`;

/** The tool's own codes plus the destination codes. */
export type FindingCode = ToolFindingCode | DestinationFindingCode;
