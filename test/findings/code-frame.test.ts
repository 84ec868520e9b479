import { describe, expect, it } from 'vitest';
import { formatCodeFrame } from '../../src/findings/code-frame.js';

describe('formatCodeFrame', () => {
  it('shows the line, its neighbours and a caret under the column', () => {
    expect(formatCodeFrame('const a = 1;\nconst b = c;\nconst d = 2;', 2, 11)).toEqual([
      '  1 | const a = 1;',
      '> 2 | const b = c;',
      '    |           ^',
      '  3 | const d = 2;',
    ]);
  });

  it('counts lines as JavaScript does: CR, LS and PS end a line too', () => {
    for (const br of ['\r', '\u2028', '\u2029']) {
      expect(formatCodeFrame(`var a = 1;${br}bad.x = 1;\nok();`, 2, 1, 0)).toEqual(['> 2 | bad.x = 1;', '    | ^']);
    }
  });

  it('puts the caret under the character when tabs come before it', () => {
    const [, caret] = formatCodeFrame('\t\tx = y;', 1, 7);
    expect(caret).toBe('    |         ^');
  });

  it('shows the part of a very long line around the column, cut with an ellipsis', () => {
    const long = `const deep = ${'{ a: '.repeat(4000)}1${' }'.repeat(4000)};`;
    const column = 13 + 5 * 2000 + 1;
    const frame = formatCodeFrame(`import x from 'y';\n${long}\nexport {};`, 2, column);
    for (const row of frame) expect(row.length).toBeLessThan(120);
    const [, shown, caret] = frame;
    expect(shown).toMatch(/^> 2 \| …\{ a: .*…$/);
    // The caret still points at the same character of the line.
    const at = caret!.indexOf('^') - '    | '.length;
    const windowStart = shown!.slice('> 2 | '.length);
    expect(windowStart[at]).toBe(long[column - 1]);
  });

  it('gives nothing for a line outside the source', () => {
    expect(formatCodeFrame('one line', 3, 1)).toEqual([]);
  });
});
