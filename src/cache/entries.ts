// What a cache entry may hold, checked field by field when read: a file edited by hand or by
// another version is a miss, never a result that crashes the report or misleads it.
import type { CompiledSnippet } from '../compile/compile.js';
import type { Finding } from '../findings/finding.js';
import { isRecord } from '../util/json.js';
import type { EventSummary } from '../validate/validate-snippets.js';
import type { Dependencies } from './file-digests.js';

/** A mapping's compile (analysis, inspection, emission) as compile() returns it. */
export interface FinishedEntry {
  snippet?: CompiledSnippet;
  findings: Finding[];
}

/** A snippet's validation report, without golden writes (the cache is not used with --update). */
export interface ValidationEntry {
  destinations: string[];
  summary: EventSummary[];
  findings: Finding[];
}

/** Results of one slot (one mapping or one program), each with what it read, newest first. */
export interface Variants<T> {
  variants: { dependencies: Dependencies; result: T }[];
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const optional = <T>(v: unknown, check: (x: unknown) => x is T): boolean => v === undefined || check(v);

export function isFinding(v: unknown): v is Finding {
  return isRecord(v) && isString(v['code']) && (v['severity'] === 'error' || v['severity'] === 'warning') && isString(v['message']) &&
    optional(v['file'], isString) && optional(v['line'], isNumber) && optional(v['column'], isNumber) && optional(v['details'], isStrings) &&
    optional(v['event'], isString) && optional(v['sample'], isString) && optional(v['jsonPath'], isString) && optional(v['logs'], isStrings);
}

export const isFindings = (v: unknown): v is Finding[] => Array.isArray(v) && v.every(isFinding);

function isSnippet(v: unknown): v is CompiledSnippet {
  return isRecord(v) && isString(v['name']) && isString(v['source']) && isString(v['code']) && isStrings(v['events']) &&
    (v['otherEvents'] === 'cancel' || v['otherEvents'] === 'passthrough') && isString(v['hash']) && isStrings(v['inputs']) &&
    optional(v['destination'], isString) && isString(v['sourceMap']) && isRecord(v['bodyOffset']) && isNumber(v['bodyOffset']['lines']) && isNumber(v['bodyOffset']['columns']);
}

export function isFinished(v: unknown): v is FinishedEntry {
  return isRecord(v) && isFindings(v['findings']) && optional(v['snippet'], isSnippet);
}

function isSummary(v: unknown): v is EventSummary {
  return isRecord(v) && isString(v['event']) && ['runs', 'passed', 'warned', 'failed', 'cancelled'].every((k) => isNumber(v[k]));
}

export function isValidation(v: unknown): v is ValidationEntry {
  return isRecord(v) && isStrings(v['destinations']) && Array.isArray(v['summary']) && v['summary'].every(isSummary) && isFindings(v['findings']);
}

export function isVariants<T>(check: (v: unknown) => v is T): (v: unknown) => v is Variants<T> {
  return (v): v is Variants<T> => isRecord(v) && Array.isArray(v['variants']) &&
    v['variants'].every((x) => isRecord(x) && isRecord(x['dependencies']) && Object.values(x['dependencies']).every(isString) && check(x['result']));
}
