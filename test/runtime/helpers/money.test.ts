import { describe, expect, it } from 'vitest';
import { formatMoney, toMajorUnits } from '../../../src/runtime/helpers/money.js';

describe('formatMoney', () => {
  it.each([
    // exponent 0
    [450000, 'JPY', '¥450,000'],
    [1234567, 'KRW', '₩1,234,567'],
    [5000, 'XOF', '5,000 XOF'],
    // exponent 2
    [2999, 'USD', '$29.99'],
    [5, 'USD', '$0.05'],
    [0, 'USD', '$0.00'],
    [100000000, 'EUR', '€1,000,000.00'],
    [123456, 'GBP', '£1,234.56'],
    [2999, 'CHF', '29.99 CHF'],
    [2999, 'CAD', 'CA$29.99'],
    // exponent 3
    [12345, 'KWD', '12.345 KWD'],
    [1000, 'BHD', '1.000 BHD'],
    [1, 'KWD', '0.001 KWD'],
    // exponent 4
    [123456789, 'CLF', '12,345.6789 CLF'],
    [5, 'UYW', '0.0005 UYW'],
  ] as const)('%s %s → %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('accepts lower-case currency codes', () => {
    expect(formatMoney(2999, 'usd')).toBe('$29.99');
    expect(formatMoney(12345, 'kwd')).toBe('12.345 KWD');
  });

  it('lets exponent overrides win over the built-in table', () => {
    expect(formatMoney(2999, 'HUF', { exponents: { HUF: 0 } })).toBe('2,999 HUF');
    expect(formatMoney(450000, 'JPY', { exponents: { JPY: 2 } })).toBe('¥4,500.00');
    expect(formatMoney(2999, 'USD', { exponents: { EUR: 0 } })).toBe('$29.99');
  });

  it('formats numeric strings (dispute and credit amounts arrive as strings)', () => {
    expect(formatMoney('400', 'USD')).toBe('$4.00');
    expect(formatMoney(' 400 ', 'USD')).toBe('$4.00');
    expect(formatMoney('007', 'USD')).toBe('$0.07');
    expect(formatMoney('-500', 'USD')).toBe('-$5.00');
    expect(formatMoney('+500', 'JPY')).toBe('¥500');
  });

  it('puts the sign before the symbol or number, and never shows -0', () => {
    expect(formatMoney(-500, 'USD')).toBe('-$5.00');
    expect(formatMoney(-12345, 'KWD')).toBe('-12.345 KWD');
    expect(formatMoney(-450000, 'JPY')).toBe('-¥450,000');
    expect(formatMoney(-0, 'USD')).toBe('$0.00');
    expect(formatMoney('-000', 'USD')).toBe('$0.00');
  });

  it('is exact for large amounts, beyond what floating division keeps', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD')).toBe('$90,071,992,547,409.91');
    expect(formatMoney('123456789012345678901234567', 'CLF')).toBe('12,345,678,901,234,567,890,123.4567 CLF');
    expect(formatMoney('-100000000000000000000001', 'EUR')).toBe('-€1,000,000,000,000,000,000,000.01');
  });

  it('rounds fractional minor units and returns non-integers visibly instead of throwing', () => {
    expect(formatMoney(2999.6, 'USD')).toBe('$30.00');
    expect(formatMoney('12.5', 'USD')).toBe('12.5 USD');
    expect(formatMoney(Number.NaN, 'usd')).toBe('NaN USD');
    expect(formatMoney('', 'JPY')).toBe(' JPY');
  });

  it('leaves toMajorUnits as it was', () => {
    expect(toMajorUnits(2999, 'USD')).toBe(29.99);
    expect(toMajorUnits('12345', 'KWD')).toBe(12.345);
  });
});
