import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { formatDate, toUnixMillis, toUnixSeconds } from '../../../src/runtime/helpers/dates.js';

const DODO = '2025-08-04T05:30:45.182629Z';

describe('toUnixMillis / toUnixSeconds', () => {
  it('parses Dodo\'s microsecond timestamps', () => {
    expect(toUnixMillis(DODO)).toBe(1754285445182);
    expect(toUnixSeconds(DODO)).toBe(1754285445);
  });

  it('floors to whole seconds rather than rounding or truncating', () => {
    expect(toUnixMillis('2025-08-04T05:30:45.999999Z')).toBe(1754285445999);
    expect(toUnixSeconds('2025-08-04T05:30:45.999999Z')).toBe(1754285445);
    expect(toUnixMillis('1969-12-31T23:59:59.500Z')).toBe(-500);
    expect(toUnixSeconds('1969-12-31T23:59:59.500Z')).toBe(-1);
  });

  it('accepts millisecond, whole-second and offset forms', () => {
    expect(toUnixMillis('2025-08-04T05:30:45.182Z')).toBe(1754285445182);
    expect(toUnixSeconds('2025-08-04T05:30:45Z')).toBe(1754285445);
    expect(toUnixMillis('2025-08-04T11:00:45.182629+05:30')).toBe(1754285445182);
  });

  it('drops fractional digits past milliseconds before parsing (for engines stricter than V8)', () => {
    const parsed: string[] = [];
    const original = Date.parse;
    Date.parse = (text: string) => (parsed.push(text), original(text));
    try {
      toUnixMillis(DODO);
    } finally {
      Date.parse = original;
    }
    expect(parsed).toEqual(['2025-08-04T05:30:45.182Z']);
  });

  it('returns NaN for invalid input', () => {
    expect(toUnixMillis('not a date')).toBeNaN();
    expect(toUnixSeconds('')).toBeNaN();
    expect(toUnixSeconds('2025-13-01T00:00:00Z')).toBeNaN();
  });
});

describe('formatDate', () => {
  it('formats in UTC with a fixed English month name', () => {
    expect(formatDate(DODO)).toBe('4 Aug 2025, 05:30 UTC');
    expect(formatDate('2024-01-09T23:05:59Z')).toBe('9 Jan 2024, 23:05 UTC');
    expect(formatDate('2025-12-31T23:30:00-05:00')).toBe('1 Jan 2026, 04:30 UTC');
  });

  it('names every month', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatDate(`2025-${String(i + 1).padStart(2, '0')}-15T12:00:00Z`).split(' ')[1]);
    expect(months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });

  it('returns invalid input unchanged', () => {
    expect(formatDate('not a date')).toBe('not a date');
    expect(formatDate('')).toBe('');
  });

  it('gives the same output when the host runs in another time zone', () => {
    // A child node with TZ set: the local hour there differs, which proves the zone took effect.
    const { code } = transformSync(readFileSync(new URL('../../../src/runtime/helpers/dates.ts', import.meta.url), 'utf8'), { loader: 'ts', format: 'esm' });
    const script = `${code}\nconsole.log(JSON.stringify([formatDate(${JSON.stringify(DODO)}), new Date(${JSON.stringify(DODO)}).getHours()]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual(['4 Aug 2025, 05:30 UTC', 1]);
  });
});
