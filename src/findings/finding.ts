import { compareStrings } from '../util/compare.js';
import type { FindingCode, Severity } from './codes.js';

export type { CodeInfo, FindingCode, Severity } from './codes.js';

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
