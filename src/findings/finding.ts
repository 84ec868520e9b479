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
} as const satisfies Record<string, string>;

export type FindingCode = keyof typeof FINDING_CODES;

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
  /** Extra lines shown under the message (e.g. the largest parts of a snippet). */
  details?: string[];
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable order (file, line, column, code) so output never depends on timing. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return [...findings]
    .sort((a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '', 'en') || (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) || a.code.localeCompare(b.code, 'en') || a.message.localeCompare(b.message, 'en'))
    .filter((f) => {
      const key = `${f.code}|${f.file}|${f.line}|${f.column}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
