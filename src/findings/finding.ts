import { compareStrings } from '../util/compare.js';
import type { DestinationIssueCode } from '../destinations/issue-codes.js';

export type Severity = 'error' | 'warning';

/**
 * Stable finding codes. Tests and the JSON reporter rely on these names:
 * add new ones, never rename.
 */
export const FINDING_CODES = {
  'type-error': 'the TypeScript type checker rejected the mapping',
  'unknown-event': 'an events key that is not a Dodo event type',
  'forbidden-import': 'an import that cannot exist in the webhook runtime',
  'async-code': 'async functions, await or Promises: the runtime calls handler synchronously',
  'generator': 'generators are not supported by the snippet contract',
  'unavailable-global': 'a Node or browser global the webhook runtime does not provide',
  'nondeterministic': 'Date.now(), new Date() or Math.random(): output differs between runs',
  'engine-dependent': 'toLocale*() or Intl: results depend on the engine and its locale data',
  'patch-method': 'PATCH is only honoured by newer runtimes',
  'bundle-error': 'esbuild could not bundle the mapping',
  'invalid-mapping': 'the default export is not a valid mapping',
  'mapping-threw': 'evaluating the mapping module threw',
  'snippet-too-large': 'the snippet exceeds the runtime\'s 51,200 character limit',
  'duplicate-name': 'two mappings would write the same snippet file',
  'escape-attempt': 'code generation from strings (eval, the Function constructor), caught or not: the runtime forbids it',
  // Snippet source (validate, check)
  'syntax-error': 'the snippet does not parse as a script',
  'handler-shape': 'the snippet is not exactly one top-level function handler(webhook)',
  'module-syntax': 'import, export or top-level await: the runtime pastes code into a function body',
  'snippet-too-small': 'the runtime rejects code shorter than 10 characters',
  'credential-literal': 'a string literal that looks like a credential: snippets get pasted and shared',
  // Running samples
  'runtime-error': 'the snippet threw on a sample',
  'timeout': 'the snippet ran past the time limit on a sample',
  'memory-limit': 'the snippet ran out of memory on a sample',
  'invalid-result': 'handler returned something other than the webhook object',
  'invalid-method': 'method is not POST or PUT',
  'invalid-url': 'url is not an absolute https URL',
  'invalid-headers': 'headers is not an object of string values',
  'invalid-cancel': 'cancel is not a boolean',
  'invalid-payload': 'payload is not JSON-serialisable',
  'wrong-decimals': 'an amount divided by 100 for a currency whose exponent is not 2 (JPY, KWD, …), as a value or inside text',
  'wrong-currency': 'text shows an amount with a currency symbol or code that is not the event\'s currency',
  'null-amount': 'text shows 0 for an amount that is null in the event',
  'impossible-comparison': 'a Dodo field compared with a value it never takes (dispute_status === "won")',
  'unknown-field': 'the snippet reads a field that no event of that type has (always undefined)',
  'rendered-garbage': 'text that reads undefined, NaN, [object Object], Invalid Date, null or a 1970 date',
  'unescaped-markup': 'customer-controlled text arrives raw in HTML, Slack mrkdwn or a Discord message that pings @everyone',
  'undefined-in-request': 'the URL or a header contains the text "undefined" (e.g. Bearer undefined): a value was missing',
  'env-missing': 'the request breaks when the runtime omits webhook.env: guard the variable',
  'parity-mismatch': 'the compiled snippet and the TypeScript mapping disagree on a sample',
  'golden-mismatch': 'the result differs from the expected output file',
  // Committed snippets (check)
  'stale-snippet': 'the committed snippet differs from what its mapping compiles to',
  'missing-snippet': 'a configured mapping has no committed snippet',
  'orphaned-snippet': 'a generated snippet whose mapping no longer exists',
  'bad-sample': 'a sample file that cannot be used',
} as const satisfies Record<string, string>;

/** The tool's own codes plus the destination schema codes (`segment.missing-identity`, …). */
export type FindingCode = keyof typeof FINDING_CODES | DestinationIssueCode;

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Path relative to the project root, forward slashes. */
  file?: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Extra lines shown under the message (e.g. the largest parts of a snippet, a diff). */
  details?: string[];
  /** The Dodo event type of the sample the finding comes from. */
  event?: string;
  /** Which sample: `builtin/base`, `builtin/currency-jpy`, or a sample file's path. */
  sample?: string;
  /** Where in the outgoing request: `$.payload.identifiers.id`. */
  jsonPath?: string;
  /** console output of the run that produced the finding. */
  logs?: string[];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable order (file, line, column, code) so output never depends on timing. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) =>
      compareStrings((a.file ?? ''), b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) || compareStrings((a.event ?? ''), b.event ?? '') ||
      compareStrings((a.sample ?? ''), b.sample ?? '') || compareStrings(a.code, b.code) || compareStrings(a.message, b.message))
    .filter((f) => {
      const key = `${f.code}|${f.file}|${f.line}|${f.column}|${f.event}|${f.sample}|${f.jsonPath}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
