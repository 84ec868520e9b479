// A closed sandbox may hand its idle process to the next one of the same limits (the config
// file's sandbox to the compile): each run still gets a fresh context.
import { describe, expect, it } from 'vitest';
import { createSandbox, hasHandedOverProcess } from '../../src/sandbox/sandbox.js';

const SNIPPET = 'var seen = typeof leftover; globalThis.leftover = 1;\nfunction handler(w) { w.seen = seen; return w; }';

describe('sandbox hand-over', () => {
  it('the next sandbox of the same limits takes the process; runs still start from a fresh context', async () => {
    const first = createSandbox({ concurrency: 1, handOver: true });
    const before = await first.run(SNIPPET, { a: 1 });
    await first.close();
    expect(hasHandedOverProcess()).toBe(true);

    const other = createSandbox({ concurrency: 1, timeoutMs: 2000 });
    expect(hasHandedOverProcess()).toBe(true);
    await other.close();

    const next = createSandbox({ concurrency: 1 });
    expect(hasHandedOverProcess()).toBe(false);
    const after = await next.run(SNIPPET, { a: 1 });
    await next.close();
    expect(hasHandedOverProcess()).toBe(false);
    for (const outcome of [before, after]) expect(outcome).toMatchObject({ ok: true, result: { a: 1, seen: 'undefined' } });
  });
});
