import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import type { Finding } from '../../src/findings/finding.js';
import { FIXTURES } from '../support/fixtures.js';

const invalid = (name: string) => join(FIXTURES, 'invalid', `${name}.ts`);
const brief = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.code} ${f.file}:${f.line ?? '-'}`);

describe('mappings that must not compile', () => {
  it('an unknown event key is an error with a suggestion, with or without the type check', async () => {
    for (const typecheck of [true, false]) {
      const { findings } = await compile({ root: FIXTURES, mappings: [invalid('typo-event')], typecheck });
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        code: 'unknown-event',
        file: 'invalid/typo-event.ts',
        line: 5,
        column: 5,
        message: '"payment.succeded" is not a Dodo event type; did you mean "payment.succeeded"?',
      });
    }
  });

  it('type errors carry the file, line, column and TypeScript code', async () => {
    const { findings } = await compile({ root: FIXTURES, mappings: [invalid('type-error')] });
    expect(brief(findings)).toEqual(['error type-error invalid/type-error.ts:5', 'error type-error invalid/type-error.ts:6']);
    expect(findings[0]?.message).toMatch(/^TS2\d+: Property 'emial' does not exist/);
    expect(findings[1]?.message).toContain('"GET"');
  });

  it('--no-typecheck skips type errors', async () => {
    const { findings, snippets } = await compile({ root: FIXTURES, mappings: [invalid('type-error')], typecheck: false });
    expect(findings).toEqual([]);
    expect(snippets).toHaveLength(1);
  });

  it('an import of a Node built-in is an error naming the import', async () => {
    const { findings, snippets } = await compile({ root: FIXTURES, mappings: [invalid('node-import')], typecheck: false });
    expect(snippets).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'forbidden-import', file: 'invalid/node-import.ts', line: 1 });
    expect(findings[0]?.message).toContain('import "node:fs" cannot run in the webhook runtime');
  });

  it("one mapping's refused import leaves the others compiled, and is reported once", async () => {
    const good = join(FIXTURES, 'mappings', 'basic.ts');
    const { findings, snippets } = await compile({ root: FIXTURES, mappings: [invalid('node-import'), good, invalid('missing-helper')], typecheck: false });
    expect(snippets.map((s) => s.source)).toEqual(['mappings/basic.ts']);
    expect(brief(findings).filter((f) => f.includes('node-import'))).toEqual(['error forbidden-import invalid/node-import.ts:1']);
    expect(findings.some((f) => f.file === 'invalid/missing-helper.ts')).toBe(true);
  });

  it('async code and runtime-less globals are errors; clocks, randomness, locales and PATCH are warnings', async () => {
    const { findings } = await compile({ root: FIXTURES, mappings: [invalid('async-and-globals')], typecheck: false });
    expect(brief(findings)).toEqual([
      'error async-code invalid/async-and-globals.ts:6',
      'error async-code invalid/async-and-globals.ts:7',
      'error unavailable-global invalid/async-and-globals.ts:7',
      'error unavailable-global invalid/async-and-globals.ts:13',
      'warning nondeterministic invalid/async-and-globals.ts:14',
      'warning nondeterministic invalid/async-and-globals.ts:14',
      'warning engine-dependent invalid/async-and-globals.ts:14',
      'warning nondeterministic invalid/async-and-globals.ts:14',
      'warning patch-method invalid/async-and-globals.ts:15',
    ]);
    expect(findings.find((f) => f.line === 13)?.message).toMatch(/^process is not available in the webhook runtime/);
  });

  it('a snippet over 51,200 characters fails and names its largest parts', async () => {
    const { findings } = await compile({ root: FIXTURES, mappings: [invalid('too-large')], typecheck: false });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.code).toBe('snippet-too-large');
    expect(findings[0]?.message).toMatch(/^the snippet has 5\d{4} characters; the runtime accepts at most 51200/);
    expect(findings[0]?.details?.[0]).toMatch(/^invalid\/too-large\.ts: 52\d{3} bytes$/);
  });

  it('a default export that is not a mapping is reported', async () => {
    const { findings } = await compile({ root: FIXTURES, mappings: [invalid('not-a-mapping')], typecheck: false });
    expect(findings).toEqual([expect.objectContaining({ code: 'invalid-mapping', file: 'invalid/not-a-mapping.ts' })]);
    expect(findings[0]?.message).toContain('`events` must be an object');
  });
});
