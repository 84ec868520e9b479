import { describe, expect, it } from 'vitest';
import { truncate, truncateBytes, utf8Length } from '../../../src/runtime/helpers/truncate.js';

const LONE_HIGH_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;
const MIXED = 'a😀b€c😀😀é👍🏽d';

describe('truncate', () => {
  it('returns text that fits unchanged, including an exact fit', () => {
    expect(truncate('hello', 10)).toBe('hello');
    expect(truncate('hello', 5)).toBe('hello');
  });

  it('cuts one over the limit to exactly the limit, ellipsis included', () => {
    expect(truncate('hello!', 5)).toBe('hell…');
    expect(truncate('Hello world', 8, '...')).toBe('Hello...');
    expect(truncate('hello!', 5, '')).toBe('hello');
  });

  it('never splits an emoji that straddles the cut', () => {
    // 'ab😀cd': the emoji is code units 2 and 3.
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncate('ab😀cd', 5)).toBe('ab😀…');
    expect(truncate('😀😀', 1, '')).toBe('');
  });

  it('keeps every result within the limit and free of lone surrogates', () => {
    for (let max = 0; max <= MIXED.length; max++) {
      for (const ellipsis of ['…', '...', '']) {
        const result = truncate(MIXED, max, ellipsis);
        expect(result.length).toBeLessThanOrEqual(max);
        expect(result).not.toMatch(LONE_HIGH_SURROGATE);
        expect(MIXED.startsWith(result.endsWith(ellipsis) ? result.slice(0, result.length - ellipsis.length) : result)).toBe(true);
      }
    }
  });

  it('drops the ellipsis when it alone does not fit, and handles zero and negative limits', () => {
    expect(truncate('Hello world', 2, '...')).toBe('He');
    expect(truncate('Hello world', 3, '...')).toBe('...');
    expect(truncate('Hello', 0)).toBe('');
    expect(truncate('Hello', -1)).toBe('');
  });
});

describe('utf8Length', () => {
  it.each([['', 0], ['abc', 3], ['é', 2], ['€', 3], ['😀', 4], ['\uD800', 3], [MIXED, Buffer.byteLength(MIXED)]])('%j is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });
});

describe('truncateBytes', () => {
  it('returns text that fits unchanged, including an exact fit', () => {
    expect(truncateBytes('héllo', 6)).toBe('héllo');
    expect(truncateBytes('héllo', 100)).toBe('héllo');
  });

  it('cuts multi-byte text to whole code points within the byte limit', () => {
    expect(truncateBytes('héllo', 5)).toBe('h…');
    expect(truncateBytes('hello!', 5, '')).toBe('hello');
    expect(truncateBytes('ab😀', 5)).toBe('ab…');
    expect(truncateBytes('ab😀', 5, '')).toBe('ab');
    // Customer.io's 100-byte event name: 60 two-byte letters are 120 bytes.
    const name = truncateBytes('é'.repeat(60), 100);
    expect(name).toBe(`${'é'.repeat(48)}…`);
    expect(Buffer.byteLength(name)).toBe(99);
  });

  it('keeps every result within the byte limit and free of lone surrogates', () => {
    for (let max = 0; max <= Buffer.byteLength(MIXED); max++) {
      for (const ellipsis of ['…', '...', '']) {
        const result = truncateBytes(MIXED, max, ellipsis);
        expect(Buffer.byteLength(result)).toBeLessThanOrEqual(max);
        expect(result).not.toMatch(LONE_HIGH_SURROGATE);
      }
    }
  });

  it('drops the ellipsis when it alone does not fit', () => {
    expect(truncateBytes('hello world', 2)).toBe('he');
    expect(truncateBytes('😀😀', 3, '')).toBe('');
  });
});
