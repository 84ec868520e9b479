// The CLI turns zod's JIT off through the global zod reads when it loads (src/cli/zod-jitless.ts).
// Test files run isolated, so zod is first loaded here, after the setting, as in the CLI.
import { describe, expect, it } from 'vitest';
import { runZodWithoutJit } from '../../src/cli/zod-jitless.js';

describe('zod without its JIT in the CLI', () => {
  it('zod takes the setting made before it loads, and parses the same', async () => {
    runZodWithoutJit();
    const z = await import('zod');
    expect(z.config().jitless).toBe(true);
    const schema = z.object({ a: z.string(), b: z.number().optional() });
    expect([schema.safeParse({ a: 'x' }).success, schema.safeParse({ a: 1 }).success]).toEqual([true, false]);
  });
});
