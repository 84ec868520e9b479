// Realistic hand-written snippets with their known defects written beside them (`// expect:`):
// each listed defect is reported, and nothing else at error severity; correct snippets pass.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/index.js';
import { FIXTURES } from '../support/fixtures.js';

const dir = join(FIXTURES, 'corpus');
const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();

describe('corpus of hand-written snippets', () => {
  it('has at least 12 defective and 4 correct snippets', () => {
    const expected = files.map((f) => /^\/\/ expect:(.*)$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1]?.trim() ?? '');
    expect(expected.filter(Boolean).length).toBeGreaterThanOrEqual(12);
    expect(expected.filter((e) => e === '').length).toBeGreaterThanOrEqual(4);
  });

  for (const file of files) {
    it(file, async () => {
      const listed = (/^\/\/ expect:(.*)$/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean).sort();
      const destination = /^\/\/ destination: (\S+)$/m.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
      const report = await validate([file], { cwd: dir, ...(destination && { destination }) });
      const errors = [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort();
      expect(errors, JSON.stringify(report.findings.filter((f) => f.severity === 'error').slice(0, 5), null, 1)).toEqual(listed);
    }, 30_000);
  }
});
