// Host side of one sandbox process: spawns it, hands it one job at a time, turns its messages
// into outcomes, and watches it. The watchdogs here are the last line of defence; the first is
// the vm timeout inside the process.
//   - hard time limit: no message for timeoutMs + margin → SIGKILL (code the vm timeout cannot
//     interrupt, e.g. one long native call such as indexOf over a 4 GB typed array);
//   - memory: V8's heap limit aborts the process by itself (detected from its stderr), and on
//     Linux the resident size is polled so that ArrayBuffer memory, which the heap limit does not
//     count, is capped too → SIGKILL.
// When a process dies, the sample it was running gets the death as its outcome. Results arrive
// per group of samples, so the culprit is only known for `careful` jobs (one sample per timed
// call) or when a single sample was left; otherwise the group in flight is handed back to be
// rerun carefully, the rest of the job to be run normally, and a new process is spawned.

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Readable } from 'node:stream';
import type { RunError, RunOutcome } from './types.js';
import { toOutcome, type SampleResult } from './outcome.js';
import { MAX_GROUP, WORKER_SOURCE } from './worker-source.js';
import type { SentInput } from './input-text.js';

export interface ProcessLimits {
  timeoutMs: number;
  memoryMb: number;
  watchdogMarginMs: number;
}

export interface Job {
  code: string;
  /** Inputs as JSON texts (each with the URL that replaces its `url`, if any). */
  inputs: SentInput[];
  /** A rerun after a process died: one sample per timed call, so the culprit is identified. */
  careful: boolean;
  mode: 'run' | 'inspect' | 'data';
  /** One call per input, in any order. */
  onOutcome(index: number, outcome: RunOutcome): void;
  /**
   * The job is over. If its process died, `suspects` are the indices that may have been running
   * (to rerun carefully) and `unreported` the ones it had not got to yet (to run normally).
   */
  onEnd(suspects: number[], unreported: number[]): void;
}

type ResultsMessage = { type: 'results'; id: number; results: SampleResult[] };
type SyntaxMessage = { type: 'syntax'; id: number; error: RunError };
type ReadyMessage = { type: 'ready' };
type ChildMessage = ResultsMessage | SyntaxMessage | ReadyMessage;

const RSS_POLL_MS = 10;
/** Node starts in ~50 ms, but far slower on a loaded machine; the run's time limit starts after. */
const STARTUP_TIMEOUT_MS = 20_000;
const STDERR_KEEP = 8192;
/**
 * What a process keeps of the inputs it was sent, an eighth of its heap in all (64 MB: the
 * built-in samples for six card URLs), and one input at most.
 */
const keptInputsChars = (memoryMb: number) => Math.floor((memoryMb * 1024 * 1024) / 8);
const MAX_KEPT_INPUT_CHARS = 512 * 1024;
type InputRef = number | [number, string];
const OOM_PATTERN = /heap out of memory|Allocation failed|invalid (?:array|table) size|invalid size error|Reached heap limit|OutOfMemory/i;

/** Node flags of the sandbox process; each only if this Node knows it. */
function processFlags(memoryMb: number): string[] {
  const known = process.allowedNodeEnvironmentFlags;
  const flags = [
    `--max-old-space-size=${memoryMb}`,
    `--max-semi-space-size=${Math.max(1, Math.min(16, Math.floor(memoryMb / 8)))}`,
    // Host objects can reach a snippet: near the stack limit, Node's host-side stack-trace
    // formatter overflows and throws a host-realm RangeError into it (measured, Node 20). These two
    // make such an object useless: its Function constructor compiles nothing ("return process"
    // fails), and the host's prototypes and Error.prepareStackTrace cannot be changed (pollution,
    // or one sample hooking the stack formatting of later ones).
    '--disallow-code-generation-from-strings',
    '--frozen-intrinsics',
    // Needed for the import() hook that keeps host errors out of the context (worker-source).
    '--experimental-vm-modules',
    '--no-warnings',
  ].filter((flag) => known.has(flag.replace(/=.*$/, '')));
  // The permission model: no file system, no child processes, no workers in the sandbox process.
  if (known.has('--permission')) flags.push('--permission');
  else if (known.has('--experimental-permission')) flags.push('--experimental-permission');
  return flags;
}

/** Resident set size of a process in MB, or undefined where /proc is not available. */
function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface Active {
  id: number;
  job: Job;
  reported: boolean[];
  left: number;
  /** performance.now() of the last sign of progress: start, or the last result. */
  since: number;
  lineCount: number;
}

export class SandboxProcess {
  private proc: ChildProcess | null = null;
  private active: Active | null = null;
  private nextId = 1;
  private watchdog: NodeJS.Timeout | null = null;
  private rssPoll: NodeJS.Timeout | null = null;
  private killReason: RunError | null = null;
  /** The process has said it is ready: from then on the hard time limit applies. */
  private ready = false;
  private stderrTail = '';
  private closed = false;
  private readonly rssLimitMb: number;
  private exited: Promise<void> = Promise.resolve();
  /**
   * Inputs this process already holds, by text: a check sends the same samples for every snippet,
   * so each is sent once per process and referred to by number after that (it was most of what
   * the host wrote to the pipe). Forgotten with the process.
   */
  private sentInputs = new Map<string, number>();
  private sentChars = 0;
  private lastInputNumber = 0;

  constructor(private readonly limits: ProcessLimits) {
    // Heap + young generation + Node's own ~50 MB, with room; beyond it is external memory abuse.
    this.rssLimitMb = 256 + 2 * limits.memoryMb;
  }

  get idle(): boolean {
    return !this.closed && this.active === null;
  }

  /** Whether this process can serve a sandbox with `limits`. */
  fits(limits: ProcessLimits): boolean {
    return this.limits.timeoutMs === limits.timeoutMs && this.limits.memoryMb === limits.memoryMb && this.limits.watchdogMarginMs === limits.watchdogMarginMs;
  }

  /** Starts the process ahead of the first job (spawning takes tens of milliseconds). */
  warm(): void {
    if (!this.closed && this.proc === null) this.spawnProcess();
  }

  run(job: Job): void {
    if (!this.idle) throw new Error('sandbox process is busy or closed');
    const proc = this.proc ?? this.spawnProcess();
    // Referenced while working: the host must stay alive until every outcome (or the death) arrives.
    proc.ref();
    const id = this.nextId++;
    this.active = {
      id, job,
      reported: new Array<boolean>(job.inputs.length).fill(false),
      left: job.inputs.length,
      since: performance.now(),
      lineCount: job.code.split(/\r\n|[\n\r\u2028\u2029]/).length,
    };
    if (job.inputs.length === 0) return this.finish([], []);
    // urls[i] replaces the url of input i (0: none), sent only when some input has one.
    const urls = job.inputs.some((input) => input.url !== undefined) ? job.inputs.map((input) => input.url ?? 0) : undefined;
    proc.send({ type: 'job', id, code: job.code, inputs: this.inputRefs(job.inputs.map((input) => input.text)), ...(urls && { urls }), timeoutMs: this.limits.timeoutMs, careful: job.careful, mode: job.mode });
    this.armWatchdog();
    if (this.rssPoll === null && process.platform === 'linux') {
      this.rssPoll = setInterval(() => this.checkMemory(), RSS_POLL_MS);
      this.rssPoll.unref();
    }
  }

  /** The job this process is running, if any. */
  get current(): Job | null {
    return this.active?.job ?? null;
  }

  /**
   * Gives up the running job: its unreported samples get `outcome`, and the process is killed
   * (a new one starts) rather than left to finish a group that may be looping.
   */
  abandon(outcome: () => RunOutcome): void {
    const active = this.active;
    if (active === null) return;
    active.reported.forEach((done, i) => { if (!done) this.report(active, i, outcome()); });
    this.finish([], []);
    // Forgotten before it is killed: its 'close' is then ignored, and the next job spawns anew.
    const proc = this.proc;
    this.proc = null;
    if (proc === null) return;
    // Referenced until it is gone, like kill(): close() may be waiting for its 'close'.
    proc.ref();
    (proc.stderr as (Readable & { ref?: () => void }) | null)?.ref?.();
    proc.kill('SIGKILL');
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.proc !== null) {
      this.kill({ kind: 'crash', message: 'The sandbox was closed before this run finished' });
    }
    await this.exited;
  }

  /**
   * The job's inputs as the process is sent them: the number of one it holds, or [number, text]
   * for one it is to keep ([-1, text]: not kept). A leading 0 tells it to drop what it holds
   * first, when this job's new inputs would pass the bound.
   */
  private inputRefs(inputs: readonly string[]): InputRef[] {
    const keepable = (text: string) => text.length <= MAX_KEPT_INPUT_CHARS;
    let fresh = 0;
    for (const text of inputs) if (!this.sentInputs.has(text) && keepable(text)) fresh += text.length;
    const refs: InputRef[] = [];
    const most = keptInputsChars(this.limits.memoryMb);
    if (this.sentChars + fresh > most) {
      this.sentInputs.clear();
      this.sentChars = 0;
      refs.push(0);
    }
    for (const text of inputs) {
      const known = this.sentInputs.get(text);
      if (known !== undefined) refs.push(known);
      else if (!keepable(text) || this.sentChars + text.length > most) refs.push([-1, text]);
      else {
        const number = ++this.lastInputNumber;
        this.sentInputs.set(text, number);
        this.sentChars += text.length;
        refs.push([number, text]);
      }
    }
    return refs;
  }

  private spawnProcess(): ChildProcess {
    this.sentInputs = new Map();
    this.sentChars = 0;
    const env: NodeJS.ProcessEnv = { TZ: 'UTC', LANG: 'en_US.UTF-8' };
    if (process.env.SYSTEMROOT !== undefined) env.SYSTEMROOT = process.env.SYSTEMROOT; // Windows needs it
    const proc = spawn(process.execPath, [...processFlags(this.limits.memoryMb), '-e', WORKER_SOURCE], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env,
      windowsHide: true,
    });
    this.proc = proc;
    this.stderrTail = '';
    this.killReason = null;
    this.ready = false;
    // An idle sandbox must not keep the host alive (run() and kill() reference the process).
    proc.unref();
    proc.channel?.unref();
    const stderr = proc.stderr as (Readable & { unref?: () => void }) | null;
    stderr?.unref?.();
    stderr?.setEncoding('utf8');
    stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEEP);
    });
    proc.on('message', (message: ChildMessage) => this.onMessage(proc, message));
    proc.on('error', () => { /* spawn failure: reported through 'close' */ });
    this.exited = new Promise((resolve) => {
      proc.on('close', (code, signal) => {
        this.onClose(proc, code, signal);
        resolve();
      });
    });
    return proc;
  }

  private onMessage(proc: ChildProcess, message: ChildMessage): void {
    if (proc !== this.proc || typeof message !== 'object' || message === null) return;
    if (message.type === 'ready') {
      this.ready = true;
      if (this.active !== null) this.armWatchdog();
      return;
    }
    const active = this.active;
    if (active === null || message.id !== active.id) return;
    if (message.type === 'syntax') {
      for (let i = 0; i < active.reported.length; i++) {
        this.report(active, i, { ok: false, error: { ...message.error }, logs: [], durationMs: 0 });
      }
    } else {
      if (!Array.isArray(message.results)) return;
      for (const result of message.results) {
        if (typeof result !== 'object' || result === null || typeof result.index !== 'number') continue;
        if (active.reported[result.index] === false) this.report(active, result.index, toOutcome(result, active.lineCount));
      }
    }
    if (active.left === 0) this.finish([], []);
    else this.armWatchdog();
  }

  private report(active: Active, index: number, outcome: RunOutcome): void {
    active.reported[index] = true;
    active.left--;
    active.since = performance.now();
    active.job.onOutcome(index, outcome);
  }

  private finish(suspects: number[], unreported: number[]): void {
    const active = this.active;
    this.active = null;
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    if (this.rssPoll !== null) clearInterval(this.rssPoll);
    this.watchdog = this.rssPoll = null;
    this.proc?.unref();
    active?.job.onEnd(suspects, unreported);
  }

  private armWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    const { timeoutMs, watchdogMarginMs } = this.limits;
    if (!this.ready) {
      this.watchdog = setTimeout(() => {
        this.kill({ kind: 'crash', message: `The sandbox process did not start within ${STARTUP_TIMEOUT_MS / 1000} s` });
      }, STARTUP_TIMEOUT_MS);
      return;
    }
    this.watchdog = setTimeout(() => {
      this.kill({
        kind: 'timeout',
        message: `Timed out after ${timeoutMs} ms (the sandbox process stopped answering and was restarted)`,
      });
    }, timeoutMs + watchdogMarginMs);
  }

  private checkMemory(): void {
    const pid = this.proc?.pid;
    if (pid === undefined || this.active === null) return;
    const rss = rssMb(pid);
    if (rss !== undefined && rss > this.rssLimitMb) {
      this.kill({
        kind: 'memory',
        message: `Ran out of memory: the sandbox process used ${Math.round(rss)} MB (limit ${this.rssLimitMb} MB, mostly ArrayBuffers) and was restarted`,
      });
    }
  }

  private kill(reason: RunError): void {
    if (this.proc === null || this.killReason !== null) return;
    this.killReason = reason;
    // Keep the host alive until 'close' has been handled. 'close' also waits for stderr to end: an
    // unreferenced stderr pipe let the host exit between 'exit' and 'close', leaving close() unsettled.
    this.proc.ref();
    (this.proc.stderr as (Readable & { ref?: () => void }) | null)?.ref?.();
    this.proc.kill('SIGKILL');
  }

  private onClose(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (proc !== this.proc) return;
    this.proc = null;
    const active = this.active;
    if (active === null) return; // died while idle: the next job spawns a new one
    const pending: number[] = [];
    active.reported.forEach((done, i) => { if (!done) pending.push(i); });
    if ((active.job.careful || pending.length === 1) && pending.length > 0) {
      // One sample per call (or only one left): the first unreported one is the one that was running.
      const error = this.killReason ?? this.deathCause(code, signal);
      this.report(active, pending[0]!, { ok: false, error, logs: [], durationMs: performance.now() - active.since });
      this.finish([], pending.slice(1));
    } else {
      // Results come per group: any sample of the group in flight may be the culprit.
      this.finish(pending.slice(0, MAX_GROUP), pending.slice(MAX_GROUP));
    }
    if (!this.closed && this.proc === null) this.spawnProcess();
  }

  private deathCause(code: number | null, signal: NodeJS.Signals | null): RunError {
    if (OOM_PATTERN.test(this.stderrTail)) {
      return {
        kind: 'memory',
        message: `Ran out of memory (heap limit ${this.limits.memoryMb} MB); the sandbox process was restarted`,
      };
    }
    const lastLine = this.stderrTail.trim().split('\n').pop() ?? '';
    return {
      kind: 'crash',
      message: `The sandbox process died (${signal ?? `exit code ${code}`})${lastLine ? `: ${lastLine}` : ''}; it was restarted`,
    };
  }
}
