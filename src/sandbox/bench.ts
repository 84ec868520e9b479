// Throughput of the sandbox on a typical snippet: sample runs per second, the median of several
// rounds of one runMany batch each (so process start-up is excluded: it is paid once per sandbox).

import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { TYPICAL_INPUT, TYPICAL_SNIPPET } from './bench-fixture.js';
import { createSandbox } from './sandbox.js';
import type { SandboxOptions } from './types.js';

export interface BenchOptions extends SandboxOptions {
  /** Timed rounds; the median is reported. @default 5 */
  rounds?: number;
  /** Samples per round (one runMany batch). @default 2000 */
  samplesPerRound?: number;
  code?: string;
  input?: object;
}

export interface BenchResult {
  /** Median over the rounds. */
  runsPerSecond: number;
  roundsRunsPerSecond: number[];
  samplesPerRound: number;
  concurrency: number;
  snippetBytes: number;
  inputBytes: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchSandbox(options: BenchOptions = {}): Promise<BenchResult> {
  const { rounds = 5, samplesPerRound = 2000, code = TYPICAL_SNIPPET, input = TYPICAL_INPUT, ...sandboxOptions } = options;
  const sandbox = createSandbox(sandboxOptions);
  try {
    const inputs = Array.from({ length: samplesPerRound }, () => input);
    // Warm-up: process start, compilation, V8's optimisation of the sandbox's own code.
    const warm = await sandbox.runMany(code, inputs.slice(0, Math.min(200, samplesPerRound)));
    const failed = warm.find((o) => !o.ok);
    if (failed && !failed.ok) throw new Error(`benchSandbox: the snippet fails: ${failed.error.kind}: ${failed.error.message}`);
    const perRound: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      await sandbox.runMany(code, inputs);
      perRound.push(samplesPerRound / ((performance.now() - t0) / 1000));
    }
    return {
      runsPerSecond: Math.round(median(perRound)),
      roundsRunsPerSecond: perRound.map(Math.round),
      samplesPerRound,
      concurrency: sandboxOptions.concurrency ?? Math.min(2, availableParallelism()),
      snippetBytes: Buffer.byteLength(code),
      inputBytes: Buffer.byteLength(JSON.stringify(input)),
    };
  } finally {
    await sandbox.close();
  }
}
