/**
 * ISO 4217 minor-unit exponents that differ from 2. Every vendor example divides
 * by 100, which is wrong for these: 4500 JPY is ¥4500, 12345 KWD fils is 12.345.
 */
// Kept as three strings, not an object literal, so the table costs a few lines in a snippet.
const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const FOUR_DECIMALS = 'CLF UYW';

export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {};
for (const [codes, exponent] of [[ZERO_DECIMALS, 0], [THREE_DECIMALS, 3], [FOUR_DECIMALS, 4]] as const) {
  for (const code of codes.split(' ')) (CURRENCY_EXPONENTS as Record<string, number>)[code] = exponent;
}

/** Digits after the decimal point for `currency` (ISO 4217); `overrides` wins over the built-in table. */
export function getCurrencyExponent(currency: string, overrides?: Readonly<Record<string, number>>): number {
  const code = currency.toUpperCase();
  return overrides?.[code] ?? CURRENCY_EXPONENTS[code] ?? 2;
}

/**
 * Minor units (what Dodo sends) → major units as a number: toMajorUnits(2999, "USD") === 29.99,
 * toMajorUnits(4500, "JPY") === 4500, toMajorUnits(12345, "KWD") === 12.345.
 * Accepts numeric strings because some Dodo amounts (disputes, credits) arrive as strings.
 */
export function toMajorUnits(amount: number | string, currency: string, overrides?: Readonly<Record<string, number>>): number {
  const exponent = getCurrencyExponent(currency, overrides);
  const value = typeof amount === 'string' ? Number(amount) : amount;
  // Rounding to the exponent removes binary noise such as 0.1 + 0.2.
  return Number((value / 10 ** exponent).toFixed(exponent));
}
