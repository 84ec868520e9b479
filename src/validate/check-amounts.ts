import { getCurrencyExponent } from '../runtime/helpers/money.js';
import { appendJsonPath } from '../util/json.js';
import { isMoneyKey } from '../util/money-keys.js';
import { getDestination } from '../destinations/registry.js';
import type { ResultIssue } from './check-result.js';
import { eventMoney, fieldsWithWrong, type EventAmount } from './event-amounts.js';

function* leaves(value: unknown, path: string, key: string, depth = 0): Generator<[string, string, unknown]> {
  if (depth > 64) return;
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* leaves(v, appendJsonPath(path, i), key, depth + 1);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* leaves(v, appendJsonPath(path, k), k, depth + 1);
  else yield [path, key, value];
}

/**
 * How `value` shows amount / 100: as the vendor's 2-decimal string ("44.99") under any key; as a
 * number under a money key, or anywhere when it has decimals (a whole 1 under "quantity" is just
 * a count); rounded (45, 44) under a money key. Never when it is the right value of another of
 * the event's amounts (10 as a KWD plan's price, although its 1.000 trial / 100 is 10 too).
 */
function wrongShape(value: unknown, key: string, a: EventAmount, all: readonly EventAmount[]): boolean {
  if (typeof value === 'number' && all.some((x) => x.currency === a.currency && x.major === value)) return false;
  if (value === a.wrong.toFixed(2)) return true;
  if (value === a.wrong) return isMoneyKey(key) || !Number.isInteger(value);
  return typeof value === 'number' && value !== a.major && a.wrongWhole.includes(value) && isMoneyKey(key);
}

/**
 * The vendor examples' `(amount / 100).toFixed(2)` is wrong for currencies whose exponent is not
 * 2. Knowing the sample's amounts and currencies, a value in the request equal to amount / 100
 * (as a number, a 2-decimal string, or, in a money property, rounded to a whole number) is that bug.
 */
export function checkAmounts(payload: unknown, event: unknown, destination?: string): ResultIssue[] {
  const issues: ResultIssue[] = destination === undefined ? [] : unitFindings(payload, event, destination);
  const all = eventMoney(event).amounts;
  const amounts = all.filter((a) => a.exponent !== 2 && a.wrong !== a.major);
  if (amounts.length === 0) return issues;
  // Where the destination reads the key in minor units, the fix is to send Dodo's amount as it is.
  const minorKeys = destination === undefined ? undefined : getDestination(destination)?.money;
  const readsMinor = (key: string) => minorKeys?.unit === 'minor' && minorKeys.keys.includes(key);
  for (const [path, key, value] of leaves(payload, '$.payload', '')) {
    const a = amounts.find((x) => wrongShape(value, key, x, all));
    if (!a) continue;
    const fields = fieldsWithWrong(amounts, (x) => x.currency === a.currency && wrongShape(value, key, x, all));
    const how = value === a.wrong || value === a.wrong.toFixed(2) ? `${fields} / 100` : `${fields} / 100, rounded`;
    issues.push({
      code: 'wrong-decimals', severity: 'error', jsonPath: path,
      message: `${JSON.stringify(value)} is ${how}, but ${a.currency} has ${getCurrencyExponent(a.currency)} decimals: the amount is ${a.major} ${a.currency}; ` +
        (readsMinor(key) ? `${getDestination(destination!)!.title} reads ${key} in minor units: send ${a.field} unchanged` : `use toMajorUnits(${a.field}, currency)`),
    });
  }
  // The unit warning says less than the error at the same place.
  const wrong = new Set(issues.filter((x) => x.code === 'wrong-decimals').map((x) => x.jsonPath));
  return issues.filter((x) => x.code !== 'major-units' || !wrong.has(x.jsonPath));
}

/**
 * A destination that says which unit its money keys are in (`money` in src/destinations/<id>):
 * the event's amount sent unconverted where it wants major units (2999 for $29.99: every report
 * counts 100 times the revenue), or divided by 100 where it wants minor units (Dub records $0.30).
 */
function unitFindings(payload: unknown, event: unknown, destination: string): ResultIssue[] {
  const spec = getDestination(destination);
  const money = spec?.money;
  if (!spec || !money) return [];
  const title = spec.title;
  const amounts = eventMoney(event).amounts;
  const issues: ResultIssue[] = [];
  for (const [path, key, value] of leaves(payload, '$.payload', '')) {
    if (typeof value !== 'number' || !money.keys.includes(key)) continue;
    if (money.unit === 'major') {
      const a = amounts.find((x) => x.exponent > 0 && x.minor === value && x.major !== value);
      if (a) {
        issues.push({
          code: 'minor-units', severity: 'warning', jsonPath: path,
          message: `${value} is ${a.field} in minor units; ${title} reads ${key} in major units (${a.major} ${a.currency}), so it would count ${10 ** a.exponent} times the amount: send toMajorUnits(${a.field}, currency)`,
        });
      }
    } else {
      const a = amounts.find((x) => x.minor !== value && (x.wrong === value || x.wrongWhole.includes(value)));
      if (a) {
        issues.push({
          code: 'major-units', severity: 'warning', jsonPath: path,
          message: `${value} is ${a.field} / 100; ${title} reads ${key} in minor units, as Dodo sends it (${a.minor} ${a.currency}): send ${a.field} unchanged`,
        });
      }
    }
  }
  return issues;
}
