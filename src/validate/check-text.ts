// What hand-written snippets get wrong inside text, judged from the sample's known values:
//   - money rendered into a message with the wrong number of decimals or the wrong currency;
//   - text that reads "undefined", "NaN", "[object Object]", "Invalid Date" or a 1970 date
//     (what a null or absent field turns into);
//   - the markup-chars sample's customer text arriving raw in an HTML body, Slack mrkdwn or a
//     Discord message that pings @everyone.
// Each check only reports what the value actually seen proves: a correct rendering ("¥4,499",
// "€29.99", "9.207 KWD", "4,499 JPY") is never a finding.
import { eventMoney, fieldsWithWrong, type EventMoney } from './event-amounts.js';
import { MARKUP } from '../samples/variants.js';
import type { ResultIssue } from './check-result.js';
import { getDestination } from '../destinations/registry.js';
import { selectStrings } from '../destinations/select-fields.js';

/** Symbols that name one currency (or a family that excludes the event's: "$" is not EUR). */
const SYMBOLS: readonly [string, readonly string[]][] = [
  ['US$', ['USD']], ['CA$', ['CAD']], ['A$', ['AUD']], ['NZ$', ['NZD']], ['HK$', ['HKD']], ['S$', ['SGD']], ['R$', ['BRL']],
  // Every currency written with a plain "$" (dollars and pesos): it contradicts only the others.
  ['$', ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN', 'ARS', 'CLP', 'COP', 'TWD', 'BRL', 'DOP', 'UYU', 'CUP', 'NIO', 'JMD', 'TTD', 'XCD', 'BBD', 'BZD',
    'BSD', 'BMD', 'KYD', 'FJD', 'GYD', 'LRD', 'NAD', 'SBD', 'SRD', 'TOP', 'WST', 'BND', 'ZWL', 'KID', 'TVD']],
  ['€', ['EUR']], ['£', ['GBP', 'EGP']], ['¥', ['JPY', 'CNY']], ['￥', ['JPY', 'CNY']], ['₹', ['INR']], ['₩', ['KRW']], ['₽', ['RUB']], ['₺', ['TRY']],
  ['₪', ['ILS']], ['₫', ['VND']], ['฿', ['THB']], ['₱', ['PHP']], ['zł', ['PLN']],
];
const CODES = new Set(('USD EUR GBP JPY KWD BHD OMR JOD TND LYD IQD INR CAD AUD NZD CNY CHF SEK NOK DKK BRL MXN SGD HKD ZAR KRW ' +
  'AED SAR PLN CZK HUF ILS TRY THB IDR MYR PHP VND RUB TWD ARS CLP COP PEN EGP NGN KES PKR BDT UAH RON ISK').split(' '));

export interface TextCheckInput {
  /** The sample event (the webhook's payload before the snippet ran). */
  event: unknown;
  /** Which built-in variant or sample file this is. */
  sample: string;
  /** The destination the request goes to, if known (by URL). */
  destination?: string;
}

interface Leaf { path: string; value: string }

function stringLeaves(value: unknown, path: string, out: Leaf[] = [], depth = 0): Leaf[] {
  if (depth > 64) return out;
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) stringLeaves(value[i], `${path}[${i}]`, out, depth + 1);
  else if (value !== null && typeof value === 'object') {
    for (const k of Object.keys(value)) stringLeaves((value as Record<string, unknown>)[k], IDENTIFIER.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, out, depth + 1);
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * What a sample event holds, worked out once per event: every snippet runs on the same sample
 * objects, and a check runs thousands of them.
 */
interface EventFacts {
  /** Every string of the event, one per line. */
  strings: string;
  /** Which GARBAGE patterns the event's own text already contains (a customer named "null"). */
  garbageInEvent: boolean[];
  amounts: EventMoney;
}

const FACTS = new WeakMap<object, EventFacts>();

function factsOf(event: unknown): EventFacts {
  const cached = typeof event === 'object' && event !== null ? FACTS.get(event) : undefined;
  if (cached) return cached;
  const strings = stringLeaves(event, '$').map((l) => l.value).join('\n');
  const facts = { strings, garbageInEvent: GARBAGE.map((g) => g.pattern.test(strings)), amounts: eventMoney(event) };
  if (typeof event === 'object' && event !== null) FACTS.set(event, facts);
  return facts;
}


const isNumericText = (s: string): boolean => /^\s*[-+]?\d[\d,]*(\.\d+)?\s*$/.test(s);

/** Checks the strings of a request (url, headers and payload) against the sample it was made from. */
export function checkText(request: { url?: unknown; headers?: unknown; payload?: unknown }, input: TextCheckInput): ResultIssue[] {
  const leaves = stringLeaves(request.url, '$.url');
  stringLeaves(request.headers, '$.headers', leaves);
  stringLeaves(request.payload, '$.payload', leaves);
  const facts = factsOf(input.event);
  return [
    ...checkGarbage(leaves, facts, input),
    ...checkMoneyInText(leaves, input.event),
    ...checkMarkup(request.payload, leaves, input),
  ];
}

// --- Rendered garbage -------------------------------------------------------------------------

const GARBAGE: readonly { pattern: RegExp; what: string; severity: 'error' | 'warning' }[] = [
  { pattern: /\bundefined\b/, what: '"undefined" (a field that does not exist, or was absent)', severity: 'error' },
  { pattern: /\bNaN\b/, what: '"NaN" (arithmetic on a missing or non-numeric value)', severity: 'error' },
  { pattern: /\[object Object\]/, what: '"[object Object]" (an object put into a string)', severity: 'error' },
  { pattern: /Invalid Date/, what: '"Invalid Date" (a date made from a missing or malformed value)', severity: 'error' },
  // The epoch as a date ("1970-01-01", "1/1/1970", "Jan 1, 1970", "Thu Jan 01 1970"), not any 1970 ("1970.00 USD").
  { pattern: /\b1970-01-01|\b0?1[/.]0?1[/.]1970\b|\b(?:Jan(?:uary)?\.?\s+0?1,?|0?1\.?\s+Jan(?:uary)?\.?,?|Thu,?\s+0?1\s+Jan|Thu Jan 01)\s+1970\b|\b12\/31\/1969\b|\b1969-12-31\b|\bDec(?:ember)?\.?\s+31,?\s+1969\b/, what: 'a 1970 date (new Date(null) or new Date(0): a null date field)', severity: 'error' },
  { pattern: /\bnull\b/, what: '"null" (a null field rendered as text)', severity: 'warning' },
];

/** Any of GARBAGE's patterns: most strings match none, and one test rules them all out. */
const ANY_GARBAGE = /undefined|NaN|\[object Object\]|Invalid Date|1970|1969|null/;

/** The strings inside `value` when it is the JSON text of an object or array, one per line. */
function jsonStrings(value: string): string | undefined {
  if (!/^\s*[[{]/.test(value)) return undefined;
  let parsed: unknown;
  try { parsed = JSON.parse(value); } catch { return undefined; }
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (depth > 32) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => walk(x, depth + 1));
  };
  walk(parsed, 0);
  return out.join('\n');
}

function checkGarbage(leaves: readonly Leaf[], facts: EventFacts, input: TextCheckInput): ResultIssue[] {
  const issues: ResultIssue[] = [];
  const variant = input.sample.startsWith('builtin/') ? ` on the ${input.sample.slice('builtin/'.length)} variant` : '';
  // The URL and headers have their own check (undefined-in-request).
  for (const { path, value } of leaves) {
    if (!path.startsWith('$.payload') || !ANY_GARBAGE.test(value)) continue;
    // A JSON body sent as text: its null literals are JSON's, only the text in it can be garbage.
    // Likewise JSON quoted inside a message (a code block of the event): `"key": null` is JSON's.
    const text = (jsonStrings(value) ?? value).replace(/"\s*:\s*null\b/g, '":');
    for (const [index, g] of GARBAGE.entries()) {
      // Text that is in the event itself (a customer literally named "null") is not garbage.
      if (facts.garbageInEvent[index] || !g.pattern.test(text)) continue;
      issues.push({
        code: 'rendered-garbage', severity: g.severity, jsonPath: path,
        message: `${quote(value)} contains ${g.what}${variant}; guard the field (e.g. \`x ?? "—"\`, or skip the line when it is null)`,
      });
      break;
    }
  }
  return issues;
}

// --- Money in text ----------------------------------------------------------------------------

/** Numbers in text: "1,234.56", "4499", "92.07"; with where they start and end. */
const NUMBER = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]*\.?\d)|(?<![\d.,])\d+(?:\.\d+)?(?![\d.]*\d)/g;

function currencyNear(text: string, start: number, end: number): string[] {
  const before = text.slice(Math.max(0, start - 4), start).replace(/\s+$/, '');
  const after = text.slice(end, end + 5).replace(/^\s+/, '');
  const named: string[] = [];
  for (const [symbol, currencies] of SYMBOLS) {
    if (!before.endsWith(symbol)) continue;
    // A dollar with a prefix this table does not know (RD$, J$, TT$) names a currency it cannot tell.
    if (symbol === '$' && /[A-Za-z]$/.test(before.slice(0, -1))) break;
    named.push(...currencies.map((c) => `${symbol}:${c}`));
    break;
  }
  const codeBefore = /([A-Z]{3})\s*$/.exec(text.slice(Math.max(0, start - 5), start))?.[1];
  const codeAfter = /^\s*([A-Z]{3})\b/.exec(text.slice(end, end + 6))?.[1];
  for (const code of [codeBefore, codeAfter]) if (code && CODES.has(code)) named.push(`${code}:${code}`);
  void after;
  return named;
}

/** The amount an event is about (a payment's total, a refund's or dispute's amount, a subscription's price). */
const MAIN_AMOUNTS: ReadonlySet<string> = new Set(['total_amount', 'amount', 'recurring_pre_tax_amount']);

function checkMoneyInText(leaves: readonly Leaf[], event: unknown): ResultIssue[] {
  const { amounts, nullFields } = factsOf(event).amounts;
  if (amounts.length === 0 && nullFields.length === 0) return [];
  const issues: ResultIssue[] = [];
  for (const { path, value } of leaves) {
    // A value that is only a number is checkAmounts' to judge (as a whole field).
    if (!/\d/.test(value) || isNumericText(value) || value.length > 20_000) continue;
    let reported = false;
    for (const m of value.matchAll(NUMBER)) {
      if (reported) break;
      const token = m[0];
      const start = m.index;
      const end = start + token.length;
      const number = Number(token.replace(/,/g, ''));
      // Most numbers in a message are no amount of the event's: the currency next to one is
      // looked up only for a number that is one (a long HTML body has hundreds of numbers).
      let near: string[] | undefined;
      for (const a of amounts) {
        const isRight = Math.abs(number - a.major) < 1e-9;
        const exact = Math.abs(number - a.wrong) < 1e-9;
        const whole = !token.includes('.') && a.wrongWhole.includes(number);
        if (a.exponent !== 2 && !isRight && (exact || whole)) {
          // "44.99" for ¥4,499 is the mistake wherever it stands; a whole "45" (Intl's currency
          // style or Math.round) only beside the event's currency, since 45 is a common number.
          near ??= currencyNear(value, start, end);
          const beside = near.some((n) => n.endsWith(`:${a.currency}`));
          // "v4.1" or "4.1 stars" is no price: a bare decimal counts with two decimals, as toFixed(2) prints it.
          const asPrice = /\.\d\d$/.test(token) && !/[A-Za-z]/.test(value[start - 1] ?? '');
          if ((exact && (asPrice || beside)) || (whole && beside)) {
            const fields = fieldsWithWrong(amounts, (x) => x.currency === a.currency && (Math.abs(number - x.wrong) < 1e-9 || (whole && x.wrongWhole.includes(number))));
            issues.push({
              code: 'wrong-decimals', severity: 'error', jsonPath: path,
              message: `${quote(value)} shows ${a.minor} ${a.currency} as ${token} (${fields} / 100${exact ? '' : ', rounded'}): ${a.currency} has ${a.exponent} decimals, so the amount is ${a.major} ${a.currency}; use formatMoney(${a.field}, currency)`,
            });
            reported = true;
            break;
          }
        }
        // Three decimals cut to two ("9.21 KWD" for 9.207): toFixed(2) after the right division.
        if (!isRight && a.exponent > 2 && /^\d+\.\d\d$/.test(token) && number === Number(a.major.toFixed(2))) {
          near ??= currencyNear(value, start, end);
          if (near.some((n) => n.endsWith(`:${a.currency}`))) {
            issues.push({
              code: 'wrong-decimals', severity: 'error', jsonPath: path,
              message: `${quote(value)} shows ${a.major} ${a.currency} as ${token}, rounded to 2 decimals: ${a.currency} has ${a.exponent}; use formatMoney(${a.field}, currency)`,
            });
            reported = true;
            break;
          }
        }
        // The minor units themselves beside the currency ("400 USD" for $4.00): no division at all.
        // Printed raw, so without separators ("9,207" may be a German 9.207).
        if (!isRight && a.exponent > 0 && number === a.minor && /^\d+$/.test(token) && !amounts.some((x) => Math.abs(number - x.major) < 1e-9 && x.currency === a.currency)) {
          near ??= currencyNear(value, start, end);
          if (near.some((n) => n.endsWith(`:${a.currency}`))) {
            issues.push({
              code: 'wrong-decimals', severity: 'error', jsonPath: path,
              message: `${quote(value)} shows ${a.field} in minor units (${token} for ${a.major} ${a.currency}): ${a.currency} has ${a.exponent} decimals; use formatMoney(${a.field}, currency)`,
            });
            reported = true;
            break;
          }
        }
        if (!isRight) continue;
        near ??= currencyNear(value, start, end);
        const contradicting = near.filter((n) => !n.endsWith(`:${a.currency}`));
        const agreeing = near.some((n) => n.endsWith(`:${a.currency}`));
        if (contradicting.length > 0 && !agreeing) {
          const shown = contradicting[0]!.split(':')[0];
          issues.push({
            code: 'wrong-currency', severity: 'error', jsonPath: path,
            message: `${quote(value)} shows the ${a.currency} amount ${token} with "${shown}": the event's currency is ${a.currency}, so show its own code or symbol, not a fixed one; use formatMoney(${a.field}, currency)`,
          });
          reported = true;
          break;
        }
      }
    }
    // Only a null main amount: a null trial_amount or tax beside a legitimate "$0.00" is no sign.
    const mainNull = nullFields.filter((f) => MAIN_AMOUNTS.has(f));
    if (!reported && mainNull.length > 0) {
      // A null amount divided by 100 renders as 0.00 next to a currency.
      for (const m of value.matchAll(/(?<![\d.,])0(?:\.0+)?(?![\d.,]*\d)/g)) {
        // Beside a currency, or beside "null" where the currency is null as well ("0.00 null").
        const end = m.index + m[0].length;
        const besideNull = /^\s*null\b/.test(value.slice(end, end + 6)) || /\bnull\s*$/.test(value.slice(Math.max(0, m.index - 6), m.index));
        if (currencyNear(value, m.index, end).length === 0 && !besideNull) continue;
        issues.push({
          code: 'null-amount', severity: 'error', jsonPath: path,
          message: `${quote(value)} shows ${m[0]} for ${mainNull.join(', ')}, which is null in this sample: say that the amount is unknown (check for null) instead of rendering 0`,
        });
        break;
      }
    }
  }
  return issues;
}

// --- Customer text injected unescaped ---------------------------------------------------------

/** The request's fields of one markup kind, as its destination declares them (`markup` in src/destinations/<id>). */
function markupFields(destination: string | undefined, kind: 'html' | 'discordMarkdown' | 'teamsMarkdown', payload: unknown): Leaf[] {
  const selectors = destination === undefined ? undefined : getDestination(destination)?.markup[kind];
  return (selectors ?? []).flatMap((selector) => selectStrings(payload, selector, '$.payload'));
}

/** The markup-chars sample's Markdown link, as it arrives when nothing escaped it. */
const RAW_LINK = '[link](http://x)';

/** Slack text that is mrkdwn: everything but plain_text objects and non-text fields. */
function slackMrkdwn(leaves: readonly Leaf[], payload: unknown): Leaf[] {
  const plain = new Set<string>();
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o['type'] === 'plain_text' && typeof o['text'] === 'string') plain.add(`${path}.text`);
      for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
    }
  };
  walk(payload, '$.payload');
  return leaves.filter((l) => l.path.startsWith('$.payload') && !plain.has(l.path) && /(^|\.|\])(text|pretext|title|value|fallback|footer)$/.test(l.path));
}

function discordGuarded(payload: unknown): boolean {
  const allowed = (payload as { allowed_mentions?: { parse?: unknown } } | null)?.allowed_mentions;
  if (allowed === undefined || allowed === null || typeof allowed !== 'object') return false;
  const parse = (allowed as { parse?: unknown }).parse;
  return !Array.isArray(parse) || !parse.includes('everyone');
}

function checkMarkup(payload: unknown, leaves: readonly Leaf[], input: TextCheckInput): ResultIssue[] {
  if (!factsOf(input.event).strings.includes(MARKUP)) return [];
  // The Dodo event passed through as it came: nothing in it was written as a message, and the
  // destination's own check says the body is not one.
  if (JSON.stringify(payload) === JSON.stringify(input.event)) return [];
  const issues: ResultIssue[] = [];
  for (const leaf of markupFields(input.destination, 'html', payload)) {
    if (!leaf.value.includes('<script>alert(1)</script>')) continue;
    issues.push({ code: 'unescaped-markup', severity: 'error', jsonPath: leaf.path, message: 'customer-controlled text arrives raw in the HTML body (a <script> tag from the markup-chars sample): wrap it in escapeHtml()' });
  }
  if (input.destination === 'slack') {
    for (const leaf of slackMrkdwn(leaves, payload)) {
      if (!leaf.value.includes('<@U123>')) continue;
      issues.push({ code: 'unescaped-markup', severity: 'error', jsonPath: leaf.path, message: 'customer-controlled text arrives raw in Slack mrkdwn ("<@U123>" from the markup-chars sample mentions a user; <!channel> would ping everyone): wrap it in escapeSlackText()' });
    }
  }
  if (input.destination === 'discord') {
    // Only a message's content pings: mentions inside embeds are shown, never notified.
    const content = (payload as { content?: unknown } | null)?.content;
    if (typeof content === 'string' && /(^|[^\\])@everyone/.test(content) && !discordGuarded(payload)) {
      issues.push({ code: 'unescaped-markup', severity: 'error', jsonPath: '$.payload.content', message: 'customer-controlled text puts "@everyone" into a Discord message with no allowed_mentions guard: it pings the whole server. Use escapeDiscordMarkdown() and set allowed_mentions: { parse: [] }' });
    }
    for (const leaf of markupFields(input.destination, 'discordMarkdown', payload)) {
      if (!leaf.value.includes(RAW_LINK)) continue;
      issues.push({ code: 'markdown-link', severity: 'warning', jsonPath: leaf.path, message: `customer-controlled text arrives raw in Discord markdown ("${RAW_LINK}" from the markup-chars sample becomes a masked link anyone can aim anywhere): wrap it in escapeDiscordMarkdown()` });
      break;
    }
  }
  for (const leaf of markupFields(input.destination, 'teamsMarkdown', payload)) {
    if (!leaf.value.includes(RAW_LINK)) continue;
    issues.push({ code: 'markdown-link', severity: 'warning', jsonPath: leaf.path, message: `customer-controlled text arrives in a Teams TextBlock or FactSet, which render Markdown ("${RAW_LINK}" from the markup-chars sample becomes a link): show it in a TextRun (teamsRichText), which shows text as is` });
    break;
  }
  return issues;
}

function quote(value: string): string {
  const text = JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}…` : value);
  return text;
}
