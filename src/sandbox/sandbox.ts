// The pool: a few sandbox processes (one per core by default: a fresh V8 context costs ~0.35 ms
// of CPU, the floor of a sample's cost, so parallel processes are what scales) pulling chunks of
// samples from one queue. A chunk carries the code once; its process compiles it once and runs
// every input of the chunk in its own fresh context (see worker-source.ts for how).

import { availableParallelism } from 'node:os';
import { SandboxProcess, type Job, type ProcessLimits } from './child.js';
import { sentInput, type SentInput } from './input-text.js';
import type { RunManyOptions, RunOutcome, Sandbox, SandboxOptions } from './types.js';

const DEFAULT_TIMEOUT_MS = 1000;
const DEFAULT_MEMORY_MB = 64;
const MIN_MEMORY_MB = 16;
/** The watchdog must leave room for preparing a group and the driver's budget (worker-source). */
const MIN_WATCHDOG_MARGIN_MS = 100;
/** Small enough to balance the processes and to lose little work when one dies. */
const MAX_CHUNK = 64;

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`createSandbox: ${name} must be a positive number`);
  return Math.ceil(value);
}

/**
 * An idle process a closed sandbox handed over (see SandboxOptions.handOver). Each run still gets
 * a fresh context: only the process start (~50 ms) is saved.
 */
let handedOver: SandboxProcess | undefined;

function takeHandedOver(limits: ProcessLimits): SandboxProcess | undefined {
  const process = handedOver;
  if (process === undefined || !process.idle || !process.fits(limits)) return undefined;
  handedOver = undefined;
  return process;
}

/** Whether a process is waiting to be taken over (for tests). */
export function hasHandedOverProcess(): boolean {
  return handedOver !== undefined && handedOver.idle;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const timeoutMs = positiveInt(options.timeoutMs, DEFAULT_TIMEOUT_MS, 'timeoutMs');
  const memoryMb = positiveInt(options.memoryMb, DEFAULT_MEMORY_MB, 'memoryMb');
  // Node itself needs a few MB of heap, and a group of fresh contexts a few more.
  if (memoryMb < MIN_MEMORY_MB) throw new RangeError(`createSandbox: memoryMb must be at least ${MIN_MEMORY_MB}`);
  const concurrency = positiveInt(options.concurrency, Math.min(2, availableParallelism()), 'concurrency');
  const watchdogMarginMs = Math.max(MIN_WATCHDOG_MARGIN_MS,
    positiveInt(options.watchdogMarginMs, Math.max(500, Math.ceil(timeoutMs / 2)), 'watchdogMarginMs'));
  const limits = { timeoutMs, memoryMb, watchdogMarginMs };
  const processes = Array.from({ length: concurrency }, () => takeHandedOver(limits) ?? new SandboxProcess(limits));
  const queue: Job[] = [];
  let closed = false;

  const closedOutcome = (): RunOutcome => ({
    ok: false, error: { kind: 'crash', message: 'The sandbox was closed before this run finished' }, logs: [], durationMs: 0,
  });

  function pump(): void {
    for (const p of processes) {
      if (queue.length === 0) return;
      if (p.idle) p.run(queue.shift()!);
    }
  }

  function runMany(code: string, inputs: object[], options: RunManyOptions = {}): Promise<RunOutcome[]> {
    if (closed) return Promise.reject(new Error('The sandbox is closed'));
    if (typeof code !== 'string') return Promise.reject(new TypeError('runMany: code must be a string'));
    let texts: SentInput[];
    try {
      // Inputs travel as JSON text and are parsed inside each context: no host object reaches the snippet.
      texts = inputs.map((input, i) => {
        const sent = typeof input === 'object' && input !== null ? sentInput(input) : undefined;
        if (sent === undefined) throw new TypeError(`input ${i} is not an object`);
        return sent;
      });
    } catch (e) {
      return Promise.reject(new TypeError(`runMany: every input must be a JSON-serialisable object (${(e as Error).message})`));
    }
    if (texts.length === 0) return Promise.resolve([]);
    const outcomes = new Array<RunOutcome>(texts.length);
    let pending = texts.length;
    const mode = options.mode ?? 'run';
    const stopAfter = options.stopAfter ?? Infinity;
    const maxOutput = options.maxOutputChars ?? Infinity;
    const maxTotalMs = options.maxTotalMs ?? Infinity;
    let spentMs = 0;
    let failures = 0;
    let output = 0;
    let stopped = false;
    let why = '';
    const mine = new Set<Job>();

    return new Promise((resolve) => {
      const skipped = (): RunOutcome => ({ ok: false, logs: [], durationMs: 0, error: { kind: 'skipped', message: `not run: ${why}` } });
      const settle = (index: number, outcome: RunOutcome): void => {
        if (outcomes[index] !== undefined) return;
        outcomes[index] = outcome;
        if (--pending === 0) resolve(outcomes);
        if (stopped) return;
        if (!outcome.ok && (outcome.error.kind === 'timeout' || outcome.error.kind === 'memory' || outcome.error.kind === 'crash' || outcome.error.kind === 'too-large')) {
          if (++failures >= stopAfter) stop(`the snippet had already failed ${failures} samples on the time, memory or size limit`);
        }
        output += outcome.size ?? 0;
        if (output > maxOutput && !stopped) stop(`the results had already reached ${output} characters in all, the most validation reads for one snippet`);
        spentMs += outcome.durationMs;
        if (spentMs > maxTotalMs && !stopped) stop(`the snippet had already run for ${Math.round(spentMs)} ms in all, the most validation gives one snippet`);
      };
      // The budget is spent: drop this call's queued jobs and abandon the ones in flight.
      const stop = (reason: string): void => {
        stopped = true;
        why = reason;
        for (let i = queue.length - 1; i >= 0; i--) {
          const job = queue[i]!;
          if (!mine.has(job)) continue;
          queue.splice(i, 1);
          job.inputs.forEach((_, j) => job.onOutcome(j, skipped()));
        }
        for (const p of processes) if (p.current !== null && mine.has(p.current)) p.abandon(skipped);
        pump();
      };
      const enqueue = (indices: number[], front: boolean, careful: boolean): void => {
        const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(indices.length / (processes.length * 2))));
        const jobs: Job[] = [];
        for (let start = 0; start < indices.length; start += size) {
          const slice = indices.slice(start, start + size);
          const job: Job = {
            code,
            inputs: slice.map((i) => texts[i]!),
            careful,
            mode,
            onOutcome: (j, outcome) => settle(slice[j]!, outcome),
            onEnd: (suspects, unreported) => {
              // A process died mid-chunk: what it did not finish goes first in line on a new
              // process, the samples that may have killed it one by one.
              mine.delete(job);
              const rerun = unreported.map((j) => slice[j]!);
              const careful = suspects.map((j) => slice[j]!);
              if (closed) [...careful, ...rerun].forEach((i) => settle(i, closedOutcome()));
              else if (stopped) [...careful, ...rerun].forEach((i) => settle(i, skipped()));
              else {
                if (rerun.length > 0) enqueue(rerun, true, false);
                if (careful.length > 0) enqueue(careful, true, true);
              }
              pump();
            },
          };
          mine.add(job);
          jobs.push(job);
        }
        if (front) queue.unshift(...jobs);
        else queue.push(...jobs);
      };
      enqueue(texts.map((_, i) => i), false, false);
      pump();
    });
  }

  // Spawning takes ~50 ms: start the processes now, in the background.
  for (const p of processes) p.warm();

  return {
    run: async (code, input) => (await runMany(code, [input]))[0]!,
    runMany,
    async close() {
      if (closed) return;
      closed = true;
      for (const job of queue.splice(0)) job.inputs.forEach((_, j) => job.onOutcome(j, closedOutcome()));
      const kept = options.handOver && handedOver === undefined ? processes.find((p) => p.idle) : undefined;
      if (kept) handedOver = kept;
      await Promise.all(processes.filter((p) => p !== kept).map((p) => p.close()));
    },
  };
}
