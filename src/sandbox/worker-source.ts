// The program of a sandbox process, kept as a string of plain CommonJS so that it runs the same
// from the .ts sources (vitest) and from the esbuild bundle: the host starts it with
// `node <flags> -e WORKER_SOURCE`, no file path needed.
//
// Why a child process and not a worker_threads Worker with resourceLimits: measured on Node 20,
// a Worker only survives memory bombs that grow slowly; one large allocation (an array or a Map
// growing past the limit, e.g. `new Array(5e7).fill(0)`) hits V8's FatalProcessOutOfMemory and
// aborts the WHOLE process, host included. ArrayBuffer memory is not counted by resourceLimits
// either. A child process dies alone, can always be SIGKILLed, and runs with a clean
// environment, TZ=UTC, no file system (permission model) and no code generation from strings
// even in its own realm (see processFlags in child.ts).
//
// Protocol (IPC, advanced serialization):
//   host → child  { type: 'job', id, code, inputs, urls?, timeoutMs, careful, mode }   inputs: JSON
//                 texts, each sent once per process and then referred to by number (see inputRefs in
//                 child.ts); urls[i], unless 0, replaces the url of input i (see input-text.ts)
//                 { type: 'cancel', id }   stop the job after the group in flight
//   child → host  { type: 'ready' }                                 once, after start-up
//                 { type: 'results', id, results: SampleResult[] }  after each group of samples
//                 { type: 'syntax', id, error }                      the code does not compile
//
// Every sample gets a fresh context. Two ways to run it:
//
// - Fast path (code that is a well-formed function body on its own, i.e. everything but code
//   that closes the runtime's wrapper early): a group of up to MAX_GROUP samples is prepared —
//   per sample a fresh context, the input installed, and the wrapped snippet evaluated to a
//   function (evaluating a function expression runs none of its code) — then ONE
//   runInContext(driver, { timeout: T + B }) calls them one after the other. The driver lives in
//   its own context that snippet code never reaches, and stops starting new samples once B ms
//   have passed, so each sample gets at least T ms; a sample that completes in more than T ms
//   is still reported as a timeout. This is the vm timeout, paid once per group: Node starts a
//   watchdog thread per timed runInContext call (~0.2 ms, a third of a sample's cost).
// - Slow path (code that breaks out of the wrapper, e.g. `}); ...; (function () {`, where
//   evaluating the script would run code): one timed runInContext per sample of the exact
//   runtime wrapper with the input inlined as a JSON literal; the value it ends with (or the
//   error it throws) is then classified by the prelude, in the same context, under the driver.
// A job's `mode` is 'run' (a snippet) or 'inspect' (a mapping module whose code ends with
// `return <mapping>;`: the prelude describes the mapping's shape instead of a request).
// `careful` jobs (reruns after a process died) use groups of one, so that the sample that kills
// the process is the one reported.

import { PRELUDE_SOURCE } from './prelude-source.js';
import { SNIPPET_FILENAME } from './types.js';

/**
 * The runtime runs `(function () { <code>\nreturn handler(<input>); })()`. On the fast path the
 * function receives the input as its argument and the suffix passes it on (`arguments[0]`): the
 * script compiles once per batch, and no name of the sandbox's is in the snippet's scope or on the
 * global object. The prefix shares the snippet's first line:
 * `columnOffset: -prefix.length` makes V8 report the coordinates of the code as pasted.
 */
export const FUNCTION_PREFIX = '(function () { ';
export const FUNCTION_SUFFIX = '\nreturn handler(arguments[0]); })';
/** The slow path evaluates the exact runtime wrapper, with the input as a JSON literal. */
export const RUNTIME_PREFIX = '(function () { ';
/** Samples per timed call on the fast path. */
export const MAX_GROUP = 16;

const DRIVER_SOURCE = String.raw`(function () {
'use strict';
var jobs = __dodo_jobs, out = __dodo_out, times = __dodo_times, budget = __dodo_budget;
var now = Date.now, start = now();
for (var i = 0; i < jobs.length; i += 2) {
  if (i > 0 && now() - start > budget) return;
  var t = now();
  // Called without a receiver: the snippet's realm gets nothing from the driver but the call.
  var run = jobs[i];
  var result = run(jobs[i + 1]);
  times[times.length] = now() - t;
  out[out.length] = result;
}
})()`;

export const WORKER_SOURCE = String.raw`'use strict';
// Node caches the time zone: set it before anything touches Date (the host also spawns with TZ=UTC).
process.env.TZ = 'UTC';
const vm = require('node:vm');
const { types } = require('node:util');
const { performance } = require('node:perf_hooks');

const FUNCTION_PREFIX = ${JSON.stringify(FUNCTION_PREFIX)};
const FUNCTION_SUFFIX = ${JSON.stringify(FUNCTION_SUFFIX)};
const RUNTIME_PREFIX = ${JSON.stringify(RUNTIME_PREFIX)};
const FILENAME = ${JSON.stringify(SNIPPET_FILENAME)};
const MAX_GROUP = ${MAX_GROUP};
const prelude = new vm.Script(${JSON.stringify(PRELUDE_SOURCE)}, { filename: 'dodo-sandbox-prelude.js' });
const driver = new vm.Script(${JSON.stringify(DRIVER_SOURCE)}, { filename: 'dodo-sandbox-driver.js' });

// DONT_CONTEXTIFY (Node >= 20.18) gives an ordinary global object; otherwise a null-prototype
// sandbox object, so that this.constructor never resolves to a host-realm Object/Function.
const TEMPLATE = vm.constants && vm.constants.DONT_CONTEXTIFY !== undefined ? vm.constants.DONT_CONTEXTIFY : null;
// afterEvaluate: each context has its own microtask queue, drained only by a runInContext on
// that context and under its timeout. Promise jobs queued by a snippet on the fast path never
// run (the handler's return value is taken synchronously, as the runtime does).
const CONTEXT_OPTIONS = { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' };
function newContext() { return vm.createContext(TEMPLATE === null ? Object.create(null) : TEMPLATE, CONTEXT_OPTIONS); }
const driverContext = newContext();

// A few contexts made ahead while idle cut the latency of single runs (not the cost of batches).
const spare = [];
const SPARE_MAX = 4;
let busy = false, refillQueued = false;
function takeContext() { return spare.length > 0 ? spare.pop() : newContext(); }
function queueRefill() {
  if (refillQueued || spare.length >= SPARE_MAX) return;
  refillQueued = true;
  setImmediate(() => { refillQueued = false; if (busy) return; spare.push(newContext()); queueRefill(); });
}

// import() must never settle with a host object: without a callback Node rejects it with a
// host-realm TypeError (whose constructor chain leads to the host's Function). With this callback
// (needs --experimental-vm-modules) the promise stays pending in the dead context, and the run
// is reported as a failure naming the specifier. importSlot() tells which sample is running.
const IMPORT_HOOK = process.execArgv.includes('--experimental-vm-modules');
let importAttempts = null, importSlot = () => 0;
function importModuleDynamically(specifier) {
  const slot = importSlot();
  if (importAttempts !== null && importAttempts[slot] === undefined) importAttempts[slot] = typeof specifier === 'string' ? specifier : '?';
  throw 'import() is not available';
}

function splitLines(code) { return code.split(/\r\n|[\n\r\u2028\u2029]/); }

// The compiler's SyntaxError is a host object made before any snippet code ran: safe to read.
// Node decorates its stack with "snippet.js:LINE", the source line and a caret line.
function syntaxError(e, code, prefix) {
  const message = 'SyntaxError: ' + String(e && e.message);
  const lines = String(e && e.stack).split('\n');
  const m = /^snippet\.js:(\d+)$/.exec(lines[0] || '');
  const error = { kind: 'syntax', message };
  if (!m) return error;
  let line = Number(m[1]);
  let column;
  const caret = lines[2] || '';
  if (/^[ \t]*\^/.test(caret)) column = caret.indexOf('^') + 1;
  if (line === 1 && column !== undefined) column = Math.max(1, column - prefix.length);
  const userLines = splitLines(code);
  if (line > userLines.length) {
    // Reported in the wrapper's last line (e.g. "Unexpected end of input"): point at the end of the code.
    line = userLines.length;
    column = userLines[line - 1].length + 1;
  }
  error.line = line;
  if (column !== undefined) error.column = column;
  return error;
}

function scriptOptions(prefix) {
  const options = { filename: FILENAME, columnOffset: -prefix.length };
  if (IMPORT_HOOK) options.importModuleDynamically = importModuleDynamically;
  return options;
}

const scripts = new Map();
function compile(code) {
  let compiled = scripts.get(code);
  if (compiled !== undefined) return compiled;
  let selfContained = true;
  try { vm.compileFunction(code, [], { filename: FILENAME }); } catch (e) { selfContained = false; }
  try {
    if (selfContained) compiled = { fn: new vm.Script(FUNCTION_PREFIX + code + FUNCTION_SUFFIX, scriptOptions(FUNCTION_PREFIX)) };
    else {
      // Checked once with a placeholder input; each sample then compiles its own copy.
      new vm.Script(RUNTIME_PREFIX + code + '\nreturn handler(null); })()', scriptOptions(RUNTIME_PREFIX));
      compiled = { code };
    }
  } catch (e) {
    compiled = { syntax: syntaxError(e, code, selfContained ? FUNCTION_PREFIX : RUNTIME_PREFIX) };
  }
  if (scripts.size >= 8) scripts.delete(scripts.keys().next().value);
  scripts.set(code, compiled);
  return compiled;
}

// Whatever runInContext throws is only inspected without running snippet code: no Proxy, own
// data property only. The vm timeout error is a host Error with an own "code".
function isTimeout(e) {
  if (e === null || typeof e !== 'object' || types.isProxy(e)) return false;
  const d = Object.getOwnPropertyDescriptor(e, 'code');
  return d !== undefined && d.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

function timeoutResult(index, timeoutMs, getLogs, durationMs) {
  // getLogs is the prelude's closure returning a string it built: safe to call after the stop.
  return { index, error: { kind: 'timeout', message: 'Timed out after ' + timeoutMs + ' ms' }, logs: getLogs(), durationMs };
}

function crashResult(index, durationMs) {
  return { index, error: { kind: 'crash', message: 'The sandbox could not read the outcome of this run' }, durationMs };
}

// Fast path: runs inputs[from ..] in one timed call; returns the results of the samples it got to.
// api is the prelude's [getLogs, run, inspect, classify, thrown, data]; entry picks run, inspect or data.
function runGroup(fn, inputs, urls, from, count, timeoutMs, entry) {
  const jobs = [], logs = [];
  for (let i = 0; i < count; i++) {
    const context = takeContext();
    const api = prelude.runInContext(context)(inputs[from + i], urls === undefined ? 0 : urls[from + i]);
    logs.push(api[0]);
    // Evaluating the script only creates the wrapper function: no snippet code runs here.
    jobs.push(api[entry], fn.runInContext(context));
  }
  return drive(jobs, logs, from, timeoutMs);
}

// Calls jobs[i](jobs[i + 1]) for each pair in one timed call of the driver.
function drive(jobs, logs, from, timeoutMs) {
  const out = [], times = [];
  const budget = Math.max(1, Math.min(50, Math.floor(timeoutMs / 2)));
  driverContext.__dodo_jobs = jobs;
  driverContext.__dodo_out = out;
  driverContext.__dodo_times = times;
  driverContext.__dodo_budget = budget;
  importAttempts = [];
  importSlot = () => out.length;
  const t0 = performance.now();
  let thrown = false, timedOut = false;
  try {
    // vm refuses a timeout that is not a whole number (the slow path passes what is left of one).
    driver.runInContext(driverContext, { timeout: Math.ceil(timeoutMs) + budget });
  } catch (e) {
    thrown = true;
    timedOut = isTimeout(e);
  }
  const elapsed = performance.now() - t0;
  driverContext.__dodo_jobs = driverContext.__dodo_out = driverContext.__dodo_times = undefined;
  const results = [];
  let spent = 0;
  for (let k = 0; k < out.length; k++) {
    const durationMs = times[k];
    spent += durationMs;
    const index = from + k;
    if (durationMs > timeoutMs) results.push(timeoutResult(index, timeoutMs, logs[k], durationMs));
    else if (typeof out[k] !== 'string') results.push(crashResult(index, durationMs));
    else results.push({ index, envelope: out[k], durationMs, importAttempt: importAttempts[k] });
  }
  if (thrown) {
    const k = out.length;
    const durationMs = Math.max(0, elapsed - spent);
    results.push(timedOut ? timeoutResult(from + k, timeoutMs, logs[k], durationMs) : crashResult(from + k, durationMs));
  }
  importAttempts = null;
  return results;
}

// Slow path: the exact runtime wrapper, the input inlined (JSON text is a JavaScript literal),
// one timed evaluation per sample; what it ends with is classified by the prelude under the driver.
function runSingle(code, inputs, urls, index, timeoutMs, entry) {
  const context = takeContext();
  const url = urls === undefined ? 0 : urls[index];
  const api = prelude.runInContext(context)(inputs[index], url);
  const call = entry !== 1 ? '\n})()' : '\nreturn handler(' + withUrl(inputs[index], url) + '); })()';
  importAttempts = [];
  importSlot = () => 0;
  const t0 = performance.now();
  let value, error, thrown = false, timedOut = false;
  try {
    value = new vm.Script(RUNTIME_PREFIX + code + call, scriptOptions(RUNTIME_PREFIX)).runInContext(context, { timeout: timeoutMs });
  } catch (e) {
    thrown = true;
    timedOut = isTimeout(e);
    error = e;
  }
  const durationMs = performance.now() - t0;
  const importAttempt = importAttempts[0];
  importAttempts = null;
  if (timedOut) return timeoutResult(index, timeoutMs, api[0], durationMs);
  // The value (or error) belongs to the snippet: only the prelude, in its own context, looks at it.
  const [result] = drive([thrown ? api[4] : api[3], thrown ? error : value], [api[0]], index, Math.max(1, timeoutMs - durationMs));
  if (importAttempt !== undefined && result.envelope !== undefined) result.importAttempt = importAttempt;
  return result;
}

// The input's JSON text with its url replaced (the slow path inlines the text): what the
// prelude's install makes of the same two, as text. Host data only: parsed in this realm.
function withUrl(text, url) {
  if (typeof url !== 'string') return text;
  const value = JSON.parse(text);
  value.url = url;
  return JSON.stringify(value);
}

function send(message) {
  if (process.connected) process.send(message);
}

const cancelled = new Set();

function startJob(job) {
  busy = true;
  const compiled = compile(job.code);
  if (compiled.syntax !== undefined) {
    send({ type: 'syntax', id: job.id, error: compiled.syntax });
    busy = false;
    queueRefill();
    return;
  }
  const entry = job.mode === 'inspect' ? 2 : job.mode === 'data' ? 5 : 1;
  const total = job.inputs.length;
  const groupSize = job.careful ? 1 : MAX_GROUP;
  let next = 0;
  // One group per turn of the event loop, so each group's results are written to the pipe
  // before the next group starts (the host's watchdog measures progress by these messages),
  // and a cancel message from the host is seen between groups.
  const step = () => {
    if (next >= total || cancelled.has(job.id)) { cancelled.delete(job.id); busy = false; queueRefill(); return; }
    const results = compiled.fn !== undefined
      ? runGroup(compiled.fn, job.inputs, job.urls, next, Math.min(groupSize, total - next), job.timeoutMs, entry)
      : [runSingle(compiled.code, job.inputs, job.urls, next, job.timeoutMs, entry)];
    next += results.length;
    send({ type: 'results', id: job.id, results });
    setImmediate(step);
  };
  step();
}

// A rejected promise made by a snippet must not take the process down.
process.on('unhandledRejection', () => {});
// The host went away: nothing left to do.
process.on('disconnect', () => process.exit(0));
// Inputs the host sent once and now refers to by number (see inputRefs in child.ts). They stay
// JSON text in this realm: each context parses its own copy.
const keptInputs = new Map();
function resolveInputs(refs) {
  const texts = [];
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    if (ref === 0 && i === 0) { keptInputs.clear(); continue; }
    if (typeof ref === 'number') { texts.push(keptInputs.get(ref)); continue; }
    if (ref[0] > 0) keptInputs.set(ref[0], ref[1]);
    texts.push(ref[1]);
  }
  return texts;
}
process.on('message', (message) => {
  if (message && message.type === 'job') { message.inputs = resolveInputs(message.inputs); startJob(message); }
  else if (message && message.type === 'cancel') cancelled.add(message.id);
});
send({ type: 'ready' });
queueRefill();
`;
