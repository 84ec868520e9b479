import { getCurrencyExponent, toMajorUnits } from '../runtime/helpers/money.js';
import { appendJsonPath } from '../util/json.js';
import type { ResultIssue } from './check-result.js';

const AMOUNT_FIELDS = ['total_amount', 'recurring_pre_tax_amount', 'amount', 'settlement_amount'] as const;

function* leaves(value: unknown, path: string): Generator<[string, unknown]> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* leaves(v, appendJsonPath(path, i));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* leaves(v, appendJsonPath(path, k));
  else yield [path, value];
}

/**
 * The vendor examples' `(amount / 100).toFixed(2)` is wrong for currencies whose
 * exponent is not 2. Knowing the sample's amount and currency, a value in the
 * request equal to amount / 100 (as a number or a 2-decimal string) is that bug.
 */
export function checkAmounts(payload: unknown, event: unknown): ResultIssue[] {
  const data = (event as { data?: Record<string, unknown> } | null)?.data;
  const currency = data?.['currency'];
  if (!data || typeof currency !== 'string' || getCurrencyExponent(currency) === 2) return [];
  const issues: ResultIssue[] = [];
  const reported = new Set<string>();
  for (const field of AMOUNT_FIELDS) {
    const raw = data[field];
    const amount = typeof raw === 'string' ? Number(raw) : raw;
    if (typeof amount !== 'number' || !Number.isFinite(amount) || amount === 0) continue;
    const wrong = amount / 100;
    const right = toMajorUnits(amount, currency);
    if (wrong === right) continue;
    for (const [path, value] of leaves(payload, '$.payload')) {
      if ((value === wrong || value === wrong.toFixed(2)) && !reported.has(path)) {
        reported.add(path);
        issues.push({
          code: 'wrong-decimals', severity: 'error', jsonPath: path,
          message: `${JSON.stringify(value)} is ${field} / 100, but ${currency} has ${getCurrencyExponent(currency)} decimals: the amount is ${right} ${currency}; use toMajorUnits(${field}, currency)`,
        });
      }
    }
  }
  return issues;
}
