import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { FIXTURES } from '../support/fixtures.js';

const codes = async (mappings: string[]) => (await compile({ root: FIXTURES, mappings, typecheck: false })).findings.map((f) => `${f.code} ${f.file}:${f.line ?? '-'}`);

describe('more compile findings', () => {
  it('generator: a generator function cannot be part of a snippet', async () => {
    expect(await codes(['invalid/generator.ts'])).toEqual(['generator invalid/generator.ts:3']);
  });

  it('bundle-error: an import that does not resolve names the file and line', async () => {
    const [finding] = (await compile({ root: FIXTURES, mappings: ['invalid/missing-helper.ts'], typecheck: false })).findings;
    expect(finding).toMatchObject({ code: 'bundle-error', file: 'invalid/missing-helper.ts', line: 2 });
    expect(finding?.message).toContain('./no-such-helper.js');
  });

  it('mapping-threw: a mapping whose module throws while loading', async () => {
    const [finding] = (await compile({ root: FIXTURES, mappings: ['invalid/throws-on-load.ts'], typecheck: false })).findings;
    expect(finding).toMatchObject({ code: 'mapping-threw', file: 'invalid/throws-on-load.ts' });
    expect(finding?.message).toMatch(/^loading the mapping threw: .*JSON/);
  });

  it('duplicate-name: two mappings that would both be written as segment.js', async () => {
    expect(await codes(['invalid/dup-a/segment.ts', 'invalid/dup-b/segment.ts'])).toEqual(['duplicate-name invalid/dup-b/segment.ts:-']);
    expect(await codes(['invalid/dup-a/segment.ts'])).toEqual([]);
  });

  it('a clean mapping triggers none of them', async () => {
    expect(await codes(['mappings/basic.ts'])).toEqual([]);
  });
});
