// The script that runs first in every fresh context (in the context's own realm), before the
// snippet. It is plain JavaScript kept as a string: it is compiled once per sandbox process and
// run in each new context, so everything it creates belongs to that context and no host-realm
// object is ever handed to snippet code.
//
// It evaluates to `install(inputJson, url)`, which
//   - parses the input with the context's own JSON.parse (the webhook is a context object), and
//     sets its `url` to `url` when that is a string,
//   - installs the capturing `console`, a frozen clock and a seeded Math.random (so that a run is
//     reproducible and the compiled snippet and its reference see the same "now"),
//   - wraps eval and the Function constructors so that code generation from strings, which the
//     context refuses anyway, is recorded even when the snippet catches the error,
// and returns the entry points the worker hands to its driver, `[getLogs, run, inspect,
// classify, thrown, data]`. Nothing is defined on the global object: a snippet enumerating its
// globals sees the runtime's, plus console.
//
// `run(outer)` gets the compiled wrapper `(function (input) { return function () { <code> … } })`,
// binds the input, calls the snippet, classifies what came back and returns a JSON string
// envelope built inside the context: `{"ok":true,"logs":[...],"result":...}` or
// `{"ok":false,"logs":[...],"error":{kind,message,stack?}}`. Only that string leaves the context.
// `inspect(outer)` does the same for a mapping module: it describes the exported mapping's shape
// (events keys, url, otherEvents, destination) as plain data. `classify(value)` and
// `thrown(error)` serve the slow path, where the worker evaluates the exact runtime wrapper.
//
// Intrinsics are captured before the snippet runs, and the envelope is assembled by string
// concatenation (no arrays/objects that a snippet's prototype tampering could reach), so a
// snippet that patches JSON, Array.prototype or Object.prototype.toJSON can only garble its own
// result, never the sandbox's report.

/** Caps on what console capture keeps per sample. */
export const MAX_LOG_ENTRIES = 100;
export const MAX_LOG_TEXT = 2000;
/** Caps on what one run may send back: larger results are reported, not carried. */
export const MAX_RESULT_CHARS = 256 * 1024;
export const MAX_RESULT_DEPTH = 64;
export const MAX_MESSAGE_CHARS = 2000;
export const MAX_STACK_CHARS = 4000;
/** "Now" for a sample without a readable timestamp. */
export const DEFAULT_NOW = Date.UTC(2025, 7, 4, 5, 30, 0);

export const PRELUDE_SOURCE = String.raw`(function () {
'use strict';
var G = globalThis;
var defineProperty = Object.defineProperty;
var apply = Reflect.apply;
var stringify = JSON.stringify;
var parse = JSON.parse;
var isArray = Array.isArray;
var ErrorC = Error, RangeErrorC = RangeError, TypeErrorC = TypeError, ReferenceErrorC = ReferenceError;
var PromiseC = Promise, StringC = String, MapC = Map, SetC = Set;
var mapGet = Map.prototype.get, mapSet = Map.prototype.set;
var setHas = Set.prototype.has, setAdd = Set.prototype.add;
var symToString = Symbol.prototype.toString;
var strSlice = String.prototype.slice, strSplit = String.prototype.split, strIndexOf = String.prototype.indexOf;
var FRAME = /^\s+at /;
var reTest = RegExp.prototype.test;
var IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
var MAX_LOGS = ${MAX_LOG_ENTRIES}, MAX_TEXT = ${MAX_LOG_TEXT};
var MAX_RESULT = ${MAX_RESULT_CHARS}, MAX_DEPTH = ${MAX_RESULT_DEPTH}, MAX_MESSAGE = ${MAX_MESSAGE_CHARS}, MAX_STACK = ${MAX_STACK_CHARS};
var DEFAULT_NOW = ${DEFAULT_NOW};
var ownKeys = Object.keys, getPrototypeOf = Object.getPrototypeOf, construct = Reflect.construct;
var DateC = Date, dateParse = Date.parse, MathC = Math, FunctionC = Function, evalF = eval;
var strCharCode = String.prototype.charCodeAt;

var logsText = '', logCount = 0, dropped = 0;

// Property reads that may hit a snippet's throwing getter.
function prop(o, key) {
  try { return o[key]; } catch (e) { return undefined; }
}

function safeString(v) {
  try { return StringC(v); } catch (e) { return '[unprintable]'; }
}

// console.* argument formatting: strings as-is, everything else JSON-ish.
function fmt(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'undefined': return 'undefined';
    case 'number': case 'boolean': return '' + v;
    case 'bigint': return safeString(v) + 'n';
    case 'symbol': return apply(symToString, v, []);
    case 'function': var fname = prop(v, 'name'); return fname ? '[Function: ' + safeString(fname) + ']' : '[Function (anonymous)]';
  }
  if (v === null) return 'null';
  try {
    if (v instanceof ErrorC) return safeString(prop(v, 'name')) + ': ' + safeString(prop(v, 'message'));
    var seen = new SetC();
    var text = stringify(v, function (key, value) {
      // Repeated objects (cycles included) print as [Circular] rather than failing the whole line.
      if (typeof value === 'bigint') return safeString(value) + 'n';
      if (typeof value === 'function') return '[Function]';
      if (typeof value === 'symbol') return apply(symToString, value, []);
      if (value === undefined) return key === '' ? 'undefined' : undefined;
      if (value !== null && typeof value === 'object') {
        if (apply(setHas, seen, [value])) return '[Circular]';
        apply(setAdd, seen, [value]);
      }
      return value;
    });
    return text === undefined ? safeString(v) : text;
  } catch (e) {
    return safeString(v);
  }
}

function record(level, args) {
  if (logCount >= MAX_LOGS) { dropped++; return; }
  var text = '';
  for (var i = 0; i < args.length && text.length <= MAX_TEXT; i++) text += (i ? ' ' : '') + fmt(args[i]);
  if (text.length > MAX_TEXT) text = apply(strSlice, text, [0, MAX_TEXT]) + '... [truncated]';
  logsText += (logCount ? ',' : '') + '{"level":"' + level + '","text":' + stringify(text) + '}';
  logCount++;
}

function getLogs() {
  if (!dropped) return '[' + logsText + ']';
  var note = '{"level":"warn","text":' + stringify('... ' + dropped + ' more console call(s) not recorded (limit ' + MAX_LOGS + ')') + '}';
  return '[' + logsText + (logCount ? ',' : '') + note + ']';
}

var consoleObject = {
  log: function log() { record('log', arguments); },
  info: function info() { record('info', arguments); },
  warn: function warn() { record('warn', arguments); },
  error: function error() { record('error', arguments); },
  debug: function debug() { record('debug', arguments); }
};

// Keeps the frames that belong to the snippet: cuts at the first frame of the sandbox itself.
function snippetStack(e) {
  var stack = prop(e, 'stack');
  if (typeof stack !== 'string') return undefined;
  var lines = apply(strSplit, stack, ['\n']), out = '', started = false;
  for (var i = 0; i < lines.length; i++) {
    var l = lines[i];
    if (i > 0 && apply(reTest, FRAME, [l])) {
      // A built-in's frames come first when it threw (new Date(x).toISOString()): skipped; the
      // snippet's frames are kept up to the first frame that is not the snippet's.
      if (apply(strIndexOf, l, ['snippet.js:']) === -1) { if (started) break; continue; }
      started = true;
    }
    out += (i ? '\n' : '') + l;
  }
  return out;
}

function cap(text, max) {
  return text.length > max ? apply(strSlice, text, [0, max]) + '... [truncated]' : text;
}

function fail(kind, message, stack) {
  var err = '{"kind":"' + kind + '","message":' + stringify(cap(safeString(message), MAX_MESSAGE));
  if (typeof stack === 'string') err += ',"stack":' + stringify(cap(stack, MAX_STACK));
  return '{"ok":false,"logs":' + getLogs() + escapesJson() + ',"error":' + err + '}}';
}

function isStackOverflow(e) {
  try { return e instanceof RangeErrorC && prop(e, 'message') === 'Maximum call stack size exceeded'; } catch (x) { return false; }
}

function describeThrow(e) {
  if (isStackOverflow(e)) return fail('stack', 'RangeError: Maximum call stack size exceeded (too much recursion)', snippetStack(e));
  var isError = false;
  try { isError = e instanceof ErrorC; } catch (x) { /* a hostile Proxy: treat as a non-Error */ }
  if (isError) {
    var name = safeString(prop(e, 'name')), message = safeString(prop(e, 'message'));
    if (e instanceof ReferenceErrorC && message === 'handler is not defined')
      return fail('no-handler', 'No function named "handler" is declared: the runtime calls handler(webhook)');
    if (e instanceof TypeErrorC && message === 'handler is not a function')
      return fail('no-handler', '"handler" is declared but is not a function');
    return fail('throw', name + ': ' + message, snippetStack(e));
  }
  var what = typeof e === 'string' ? stringify(e) : fmt(e);
  return fail('throw', 'handler threw a non-Error value: ' + what);
}

function typeName(v) {
  if (v === null) return 'null';
  if (isArray(v)) return 'an array';
  var t = typeof v;
  return t === 'undefined' ? 'undefined' : (t === 'object' ? 'an object' : 'a ' + t);
}

function keyPath(base, key, holderIsArray) {
  if (holderIsArray) return base + '[' + key + ']';
  return apply(reTest, IDENT, [key]) ? base + '.' + key : base + '[' + stringify(key) + ']';
}

// JSON.stringify with a replacer that names the first value JSON cannot carry faithfully
// (BigInt throws in JSON.stringify; functions and symbols would vanish silently), and stops at a
// nesting depth no request needs, before the paths it keeps grow with the depth.
var badValue = null, largeAt = '';
var TOO_DEEP = {}, TOO_LARGE = {};
function serialise(value) {
  var paths = new MapC(), depths = new MapC(), chars = 0;
  return stringify(value, function (key, v) {
    // Counted as it goes, so a 12 MB string is refused before the whole JSON text is built.
    chars += key.length + 4;
    if (typeof v === 'string') chars += v.length;
    var holderPath = apply(mapGet, paths, [this]);
    var path = holderPath === undefined ? 'result' : keyPath(holderPath, key, isArray(this));
    // Where the limit was passed: the large string itself, or an element of the large array.
    if (chars > MAX_RESULT) { largeAt = path.length > 200 ? apply(strSlice, path, [0, 200]) + '…' : path; throw TOO_LARGE; }
    var t = typeof v;
    if (t === 'bigint' || t === 'function' || t === 'symbol') {
      if (badValue === null) badValue = path + ' is ' + (t === 'bigint' ? 'a BigInt' : 'a ' + t) + ', which JSON cannot represent';
      return undefined;
    }
    if (v !== null && t === 'object') {
      // A tracking proxy is serialised as the object it wraps: the same keys and values (writes
      // went through to it), without a trap per key and a new proxy per nested object.
      var raw = apply(mapGet, targets, [v]);
      if (raw !== undefined) v = raw;
      var depth = holderPath === undefined ? 0 : apply(mapGet, depths, [this]) + 1;
      if (depth > MAX_DEPTH) { badValue = path + ' is nested more than ' + MAX_DEPTH + ' levels deep; no destination reads a request like that'; throw TOO_DEEP; }
      apply(mapSet, paths, [v, path]);
      apply(mapSet, depths, [v, depth]);
    }
    return v;
  });
}

function escapesJson() {
  return (escapes === '' ? '' : ',"escapes":[' + escapes + ']') + (reads === '' ? '' : ',"reads":[' + reads + ']');
}

// --- Reads of fields the event does not have: the payload is seen through Proxies that record a
// read of an absent key (with where in the snippet it happened), then behave exactly as the plain
// object would. The host decides which of those fields no event of that type ever carries.
var reads = '', readCount = 0, MAX_READS = 20;
var NOT_FIELDS = { toJSON: 1, then: 1, inspect: 1, asymmetricMatch: 1, nodeType: 1, '$$typeof': 1 };
var FRAME_AT = /snippet\.js:(\d+):(\d+)/;
var reExec = RegExp.prototype.exec;
var ProxyC = Proxy, reflectGet = Reflect.get;
var proxies = new MapC();
// Each tracking proxy and the object it wraps (see serialise).
var targets = new MapC();

function recordRead(path) {
  if (readCount >= MAX_READS || apply(strIndexOf, reads, ['"' + path + '"']) !== -1) return;
  readCount++;
  var at = null;
  try { at = apply(reExec, FRAME_AT, [safeString(new ErrorC().stack)]); } catch (e) { /* no position */ }
  reads += (reads === '' ? '' : ',') + '{"path":' + stringify(path) + (at ? ',"line":' + at[1] + ',"column":' + at[2] : '') + '}';
}

function track(value, path) {
  if (value === null || typeof value !== 'object') return value;
  var known = apply(mapGet, proxies, [value]);
  if (known !== undefined) return known;
  var array = isArray(value);
  var proxy = new ProxyC(value, {
    get: function (target, key, receiver) {
      var v = reflectGet(target, key, receiver);
      if (typeof key !== 'string') return v;
      if (!(key in target)) {
        if (!NOT_FIELDS[key] && !(array && apply(reTest, /^\d+$/, [key]))) recordRead(path + '.' + key);
        return v;
      }
      return track(v, array ? path + '[]' : path + '.' + key);
    }
  });
  apply(mapSet, proxies, [value, proxy]);
  // A proxy stored back into the payload (w.payload.self = w.payload) is itself, not wrapped again.
  apply(mapSet, proxies, [proxy, proxy]);
  apply(mapSet, targets, [proxy, value]);
  return proxy;
}

function classifyResult(value) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    // The runtime reads then as well: a getter that throws there is the snippet's error, not a crash.
    var then;
    try { then = value.then; } catch (e) { return describeThrow(e); }
    if (value instanceof PromiseC || typeof then === 'function')
      return fail('promise', 'handler returned a Promise: the runtime calls handler synchronously and does not await it (remove async/await)');
  }
  if (value === null || typeof value !== 'object')
    return fail('invalid-result', 'handler must return the webhook object, but it returned ' + typeName(value) + (value === undefined ? ' (missing "return webhook"?)' : ''));
  if (isArray(value)) return fail('invalid-result', 'handler must return the webhook object, but it returned an array');
  var text;
  try {
    text = serialise(value);
  } catch (e) {
    if (e === TOO_DEEP) return fail('too-large', badValue);
    if (e === TOO_LARGE) return fail('too-large', 'The result is more than ' + MAX_RESULT + ' characters of JSON, the most validation reads (no destination accepts a request this large); it passed that at ' + largeAt);
    if (isStackOverflow(e)) return fail('stack', 'RangeError: Maximum call stack size exceeded while serialising the result (too deeply nested?)', snippetStack(e));
    var isError = e instanceof ErrorC;
    var msg = isError ? safeString(prop(e, 'name')) + ': ' + safeString(prop(e, 'message')) : fmt(e);
    if (e instanceof TypeErrorC && apply(reTest, /circular/i, [msg])) return fail('invalid-result', 'The result is not JSON-serialisable: ' + msg);
    return fail('invalid-result', 'Serialising the result threw ' + msg, isError ? snippetStack(e) : undefined);
  }
  if (badValue !== null) return fail('invalid-result', badValue);
  if (typeof text !== 'string' || text[0] !== '{') return fail('invalid-result', 'The result does not serialise to a JSON object (a toJSON method replaced it)');
  if (text.length > MAX_RESULT) return fail('too-large', 'The result is ' + text.length + ' characters of JSON; validation reads at most ' + MAX_RESULT + ' (no destination accepts a request this large)');
  return '{"ok":true,"logs":' + getLogs() + escapesJson() + ',"result":' + text + '}';
}

// Only reachable if the snippet sabotaged the built-ins this file relies on.
var SABOTAGED = '{"ok":false,"logs":[],"error":{"kind":"crash","message":"The sandbox could not report this run: the snippet tampered with built-ins it relies on"}}';

function guarded(body) {
  try { return body(); } catch (x) { return SABOTAGED; }
}

var input;

function run(outer) {
  return guarded(function () {
    var value;
    try {
      value = apply(outer, undefined, [input]);
    } catch (e) {
      return describeThrow(e);
    }
    return classifyResult(value);
  });
}

function classify(value) {
  return guarded(function () { return classifyResult(value); });
}

function thrown(error) {
  return guarded(function () { return describeThrow(error); });
}

// --- Inspecting a mapping module: its shape as plain data. Every read may run a getter or a
// Proxy trap of the mapping's; each is caught and described, never passed on.
function readProp(o, key) {
  try { return { value: o[key] }; } catch (e) { return { error: describeError(e) }; }
}

function describeError(e) {
  var isError = false;
  try { isError = e instanceof ErrorC; } catch (x) { /* a hostile Proxy */ }
  var text = isError ? safeString(prop(e, 'name')) + ': ' + safeString(prop(e, 'message')) : 'a non-Error value: ' + fmt(e);
  return cap(text, MAX_MESSAGE);
}

function kindOf(v) {
  if (v === null) return 'null';
  try { if (isArray(v)) return 'array'; } catch (e) { return 'revoked proxy'; }
  return typeof v;
}

function describeValue(read) {
  if (read.error !== undefined) return { error: read.error };
  var v = read.value, d = { type: kindOf(v) };
  if (typeof v === 'string') d.value = cap(v, MAX_MESSAGE);
  else if (typeof v === 'number' || typeof v === 'boolean') d.value = v;
  return d;
}

function describeMapping(value) {
  var d = { type: kindOf(value) };
  if (d.type !== 'object' && d.type !== 'function') return d;
  var names = ['url', 'otherEvents', 'destination'];
  for (var i = 0; i < names.length; i++) {
    var r = readProp(value, names[i]);
    if (r.error !== undefined || r.value !== undefined) d[names[i]] = describeValue(r);
  }
  var ev = readProp(value, 'events');
  var events = describeValue(ev);
  if (events.type === 'object') {
    var keys;
    try { keys = ownKeys(ev.value); } catch (e) { events.error = describeError(e); keys = []; }
    var list = [];
    for (var k = 0; k < keys.length && k < 500; k++) {
      var key = safeString(keys[k]);
      var entry = describeValue(readProp(ev.value, key));
      entry.key = cap(key, 200);
      list[list.length] = entry;
    }
    events.keys = list;
    if (keys.length > 500) events.more = keys.length - 500;
  }
  d.events = events;
  return d;
}

function inspect(outer) {
  return guarded(function () {
    var value;
    try {
      value = apply(outer, undefined, [input]);
    } catch (e) {
      return fail('throw', describeError(e), snippetStack(e));
    }
    var text = stringify(describeMapping(value));
    return '{"ok":true,"logs":' + getLogs() + escapesJson() + ',"result":' + text + '}';
  });
}

// Evaluates a module that ends in "return <value>;" and carries the value as JSON data,
// { value } (for a config file: data only, nothing callable survives).
function data(outer) {
  return guarded(function () {
    var value;
    try {
      value = apply(outer, undefined, [input]);
    } catch (e) {
      return fail('throw', describeError(e), snippetStack(e));
    }
    var text;
    try {
      text = serialise({ value: value });
    } catch (e) {
      if (e === TOO_DEEP) return fail('too-large', badValue);
      if (e === TOO_LARGE) return fail('too-large', 'the value is more than ' + MAX_RESULT + ' characters of JSON');
      return fail('invalid-result', 'the value cannot be read as JSON: ' + describeError(e));
    }
    if (badValue !== null) return fail('invalid-result', badValue);
    if (typeof text !== 'string' || text.length > MAX_RESULT) return fail('invalid-result', 'the value is not JSON data of at most ' + MAX_RESULT + ' characters');
    return '{"ok":true,"logs":' + getLogs() + escapesJson() + ',"result":' + text + '}';
  });
}

// --- Code generation from strings: the context refuses it (codeGeneration.strings is false);
// these wrappers record the attempt first, so that a snippet catching the EvalError is still
// reported. The wrappers take the place of the constructors everywhere a snippet can find them.
var escapes = '';
function noteEscape(what) {
  var quoted = stringify(what);
  if (apply(strIndexOf, escapes, [quoted]) === -1) escapes += (escapes === '' ? '' : ',') + quoted;
}

function guardConstructor(C, label) {
  var guard = function () {
    noteEscape(label);
    return construct(C, arguments);
  };
  defineProperty(guard, 'name', { value: prop(C, 'name') });
  defineProperty(guard, 'length', { value: 1 });
  defineProperty(guard, 'prototype', { value: C.prototype });
  defineProperty(C.prototype, 'constructor', { value: guard, writable: true, configurable: true });
  return guard;
}

function guardCodeGeneration() {
  defineProperty(G, 'Function', { value: guardConstructor(FunctionC, 'the Function constructor'), writable: true, configurable: true });
  guardConstructor(getPrototypeOf(function* () {}).constructor, 'the GeneratorFunction constructor');
  guardConstructor(getPrototypeOf(async function () {}).constructor, 'the AsyncFunction constructor');
  guardConstructor(getPrototypeOf(async function* () {}).constructor, 'the AsyncGeneratorFunction constructor');
  var guardedEval = function (source) {
    if (typeof source === 'string') noteEscape('eval');
    return evalF(source);
  };
  defineProperty(guardedEval, 'name', { value: 'eval' });
  defineProperty(G, 'eval', { value: guardedEval, writable: true, configurable: true });
}

// --- A clock that starts at the event's timestamp and moves one millisecond per reading (so a
// loop waiting for time to pass still ends), and a seeded Math.random: the same sample gives the
// same result on every run, in the snippet and in its reference alike.
function freezeTime(start) {
  var now = start - 1;
  function tick() { now += 1; return now; }
  var FrozenDate = function Date(a, b, c, d, e, f, g) {
    if (new.target === undefined) return new DateC(tick()).toString();
    var args = arguments.length === 0 ? [tick()] : arguments;
    return construct(DateC, args, new.target);
  };
  defineProperty(FrozenDate, 'length', { value: 7 });
  defineProperty(FrozenDate, 'prototype', { value: DateC.prototype });
  defineProperty(DateC.prototype, 'constructor', { value: FrozenDate, writable: true, configurable: true });
  FrozenDate.UTC = DateC.UTC;
  FrozenDate.parse = DateC.parse;
  FrozenDate.now = function now() { return tick(); };
  defineProperty(G, 'Date', { value: FrozenDate, writable: true, configurable: true });
  var seed = 0x2f6b1d3;
  MathC.random = function random() {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    var t = MathC.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + MathC.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- FinalizationRegistry callbacks run when V8 collects garbage: after the sample's timed call,
// between later samples, where a throw or a loop would be blamed on whichever sample was running.
// The registry keeps its shape, and never calls back (a context lives for one sample anyway).
function inertFinalizers() {
  var Inert = function FinalizationRegistry(cleanup) {
    if (new.target === undefined) throw new TypeErrorC("Constructor FinalizationRegistry requires 'new'");
    if (typeof cleanup !== 'function') throw new TypeErrorC('FinalizationRegistry: cleanup must be callable');
  };
  Inert.prototype.register = function register() {};
  Inert.prototype.unregister = function unregister() { return false; };
  defineProperty(G, 'FinalizationRegistry', { value: Inert, writable: true, configurable: true });
}

function nowOf(value) {
  var payload = value !== null && typeof value === 'object' ? value.payload : undefined;
  var stamp = payload !== null && typeof payload === 'object' ? payload.timestamp : undefined;
  var t = typeof stamp === 'string' ? dateParse(stamp) : NaN;
  return t === t ? t : DEFAULT_NOW;
}

return function install(inputJson, url) {
  input = parse(inputJson);
  // A URL sent beside a shared text (input-text.ts): set in place, so the keys keep the text's order.
  if (typeof url === 'string' && input !== null && typeof input === 'object') input.url = url;
  // Read before the payload is tracked: the sandbox's own read of the timestamp is not the snippet's.
  var start = nowOf(input);
  if (input !== null && typeof input === 'object' && input.payload !== null && typeof input.payload === 'object') input.payload = track(input.payload, 'payload');
  freezeTime(start);
  guardCodeGeneration();
  inertFinalizers();
  defineProperty(G, 'console', { value: consoleObject, writable: true, configurable: true });
  return [getLogs, run, inspect, classify, thrown, data];
};
})()`;
