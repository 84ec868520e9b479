// The money a sample event carries, as the amount checks (checkAmounts on request values,
// checkText inside text) judge it: each top-level amount field with its own currency
// (settlement_* are in settlement_currency), its decimals, the right major-unit value, and the
// values the usual mistake, amount / 100, gives (rounded ones too: Intl's currency style and
// Math.round render ¥4,499 as "¥45").
import { getCurrencyExponent, toMajorUnits } from '../runtime/helpers/money.js';

/** Top-level amount fields of Dodo events, in minor units (the families' amounts that are money). */
export const AMOUNT_FIELDS = ['total_amount', 'tax', 'settlement_amount', 'settlement_tax', 'recurring_pre_tax_amount', 'trial_amount', 'amount', 'fee'] as const;

export interface EventAmount {
  field: string;
  minor: number;
  currency: string;
  exponent: number;
  /** The amount in major units. */
  major: number;
  /** amount / 100. */
  wrong: number;
  /** amount / 100 rounded, floored and ceiled: whole numbers the mistake also gives. */
  wrongWhole: readonly number[];
}

export interface EventMoney {
  amounts: EventAmount[];
  /** Amount fields that are null in this sample. */
  nullFields: string[];
}

const currencyOf = (data: Record<string, unknown>, field: string): string | undefined => {
  const own = field.startsWith('settlement_') ? data['settlement_currency'] : undefined;
  const currency = typeof own === 'string' ? own : data['currency'];
  return typeof currency === 'string' ? currency : undefined;
};

/** Worked out once per sample event: every snippet of a check is judged on the same sample objects. */
const MONEY = new WeakMap<object, EventMoney>();

export function eventMoney(event: unknown): EventMoney {
  const known = typeof event === 'object' && event !== null ? MONEY.get(event) : undefined;
  if (known) return known;
  const money = computeMoney(event);
  if (typeof event === 'object' && event !== null) MONEY.set(event, money);
  return money;
}

function computeMoney(event: unknown): EventMoney {
  const data = (event as { data?: Record<string, unknown> } | null)?.data;
  const amounts: EventAmount[] = [];
  const nullFields: string[] = [];
  if (data === null || typeof data !== 'object') return { amounts, nullFields };
  for (const field of AMOUNT_FIELDS) {
    if (!(field in data)) continue;
    const raw = data[field];
    if (raw === null) { nullFields.push(field); continue; }
    const currency = currencyOf(data, field);
    const minor = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (currency === undefined || typeof minor !== 'number' || !Number.isFinite(minor) || minor === 0) continue;
    const exponent = getCurrencyExponent(currency);
    const wrong = minor / 100;
    amounts.push({
      field, minor, currency, exponent, major: toMajorUnits(minor, currency), wrong,
      wrongWhole: [...new Set([Math.round(wrong), Math.floor(wrong), Math.ceil(wrong)])],
    });
  }
  return { amounts, nullFields };
}

/** The fields whose amount / 100 is `value`: one sample may hold the same amount twice (total and settlement). */
export function fieldsWithWrong(amounts: readonly EventAmount[], matches: (a: EventAmount) => boolean): string {
  return [...new Set(amounts.filter(matches).map((a) => a.field))].join(' or ');
}
