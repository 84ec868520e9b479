// The README documents every finding code and exit code the tool has, and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESTINATIONS } from '../../src/destinations/registry.js';
import type { CodeInfo } from '../../src/findings/codes.js';
import { EXIT_CODES } from '../../src/findings/exit-codes.js';
import { listFindingCodes } from '../../src/findings/registry.js';
import { REPO_ROOT } from '../support/fixtures.js';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

/** The rows of the first table after `heading`, as arrays of cells. */
function tableAfter(heading: string): string[][] {
  const start = README.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  const lines = README.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split(' | ').map((c) => c.trim()));
  }
  return rows;
}

const findingRows = tableAfter('Each finding has a stable code:').map(([codes = '', severity = '']) => ({
  codes: [...codes.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''),
  severity,
}));
const known = new Map<string, CodeInfo>(listFindingCodes());

describe('the README\'s findings table', () => {
  it('lists every code the tool can report', () => {
    const listed = findingRows.flatMap((r) => r.codes);
    const covered = (code: string) => listed.some((l) => l === code || (l.endsWith('.*') && code.startsWith(l.slice(0, -1))));
    expect([...known.keys()].filter((code) => !covered(code))).toEqual([]);
  });

  it('lists no code that does not exist, and no namespace without codes', () => {
    const listed = findingRows.flatMap((r) => r.codes);
    const exists = (l: string) => (l.endsWith('.*') ? [...known.keys()].some((c) => c.startsWith(l.slice(0, -1))) : known.has(l));
    expect(listed.filter((l) => !exists(l))).toEqual([]);
    expect(DESTINATIONS.map((d) => `${d.codePrefix}.*`).filter((p) => !listed.includes(p))).toEqual([]);
  });

  it('gives each code its default severity where a row names one', () => {
    for (const { codes, severity } of findingRows) {
      const named = /^(error|warning)(?: \(|$)/.exec(severity)?.[1];
      if (!named) continue;
      for (const code of codes) expect(known.get(code)?.severity, code).toBe(named);
    }
  });
});

describe('the README\'s exit codes table', () => {
  it('says what EXIT_CODES says', () => {
    expect(tableAfter('### Exit codes')).toEqual(Object.entries(EXIT_CODES).map(([code, { summary, examples }]) => [code, summary, examples]));
  });
});
