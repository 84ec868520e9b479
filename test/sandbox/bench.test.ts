// The benchmark itself works (the throughput target is checked by `npm run bench`, not here:
// test runs share the machine's two cores with other test files).
import { describe, expect, it } from 'vitest';
import { benchSandbox } from '../../src/sandbox/index.js';

describe('benchSandbox', () => {
  it('measures runs per second on the typical snippet', async () => {
    const r = await benchSandbox({ rounds: 3, samplesPerRound: 300 });
    expect(r.roundsRunsPerSecond).toHaveLength(3);
    expect(r.runsPerSecond).toBe([...r.roundsRunsPerSecond].sort((a, b) => a - b)[1]);
    expect(r.runsPerSecond).toBeGreaterThan(100);
    expect(r.snippetBytes).toBeGreaterThan(1000);
    expect(r.snippetBytes).toBeLessThan(2100);
  });

  it('refuses to benchmark a snippet that fails', async () => {
    await expect(benchSandbox({ rounds: 1, samplesPerRound: 10, code: 'function handler(w) { throw new Error("x"); }' })).rejects.toThrow(/the snippet fails: throw/);
  });
});
