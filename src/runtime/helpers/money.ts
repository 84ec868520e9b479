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

// Short on purpose: every entry lands in the snippet. Codes without an entry are written as a suffix
// ("12.345 KWD"); "$"-currencies other than USD get a prefix so that CA$ and A$ stay distinguishable.
const SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$', EUR: '€', GBP: '£', JPY: '¥', CNY: 'CN¥', INR: '₹', KRW: '₩',
  CAD: 'CA$', AUD: 'A$', BRL: 'R$', MXN: 'MX$', ILS: '₪', VND: '₫',
};

/**
 * Minor units → display string, without Intl (engine-dependent): formatMoney(2999, "USD") === "$29.99",
 * formatMoney(450000, "JPY") === "¥450,000", formatMoney(12345, "KWD") === "12.345 KWD", negatives "-$5.00".
 * Works on the digits as a string, so large amounts stay exact. Non-integer numbers are rounded; an
 * amount that is not an integer (e.g. "12.5", NaN) comes back as "<amount> <CODE>" rather than throwing.
 */
export function formatMoney(amount: number | string, currency: string, options?: { exponents?: Readonly<Record<string, number>> }): string {
  const code = currency.toUpperCase();
  const exponent = getCurrencyExponent(code, options?.exponents);
  const match = /^([-+]?)0*(\d+)$/.exec(typeof amount === 'string' ? amount.trim() : String(Math.round(amount)));
  if (!match) return `${amount} ${code}`;
  const digits = (match[2] ?? '').padStart(exponent + 1, '0');
  const units = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+$)/g, ',');
  const number = exponent ? `${units}.${digits.slice(-exponent)}` : units;
  const sign = match[1] === '-' && /[1-9]/.test(digits) ? '-' : '';
  const symbol = SYMBOLS[code];
  return symbol ? sign + symbol + number : `${sign}${number} ${code}`;
}
