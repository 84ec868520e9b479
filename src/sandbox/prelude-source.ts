// The script that runs first in every fresh context (in the context's own realm), before the
// snippet. It is plain JavaScript kept as a string: it is compiled once per sandbox process and
// run in each new context, so everything it creates belongs to that context and no host-realm
// object is ever handed to snippet code.
//
// It evaluates to `install(inputJson)`, which
//   - parses the input with the context's own JSON.parse (the webhook is a context object),
//   - installs the capturing `console`,
//   - defines `__dodo_input__` and `__dodo_run__` (non-writable, non-configurable, hidden),
// and returns `[getLogs, run]`: `getLogs()` is called only when the snippet did not finish
// (timeout), to still report what it logged; `run` is `__dodo_run__`, for the sandbox's driver.
//
// `__dodo_run__(fn)` calls the wrapped snippet, classifies what came back and returns a JSON
// string envelope built inside the context: `{"ok":true,"logs":[...],"result":...}` or
// `{"ok":false,"logs":[...],"error":{kind,message,stack?}}`. Only that string leaves the context.
//
// Intrinsics are captured before the snippet runs, and the envelope is assembled by string
// concatenation (no arrays/objects that a snippet's prototype tampering could reach), so a
// snippet that patches JSON, Array.prototype or Object.prototype.toJSON can only garble its own
// result, never the sandbox's report.

/** Caps on what console capture keeps per sample. */
export const MAX_LOG_ENTRIES = 100;
export const MAX_LOG_TEXT = 2000;

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
  for (var i = 0; i < args.length; i++) text += (i ? ' ' : '') + fmt(args[i]);
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
  var lines = apply(strSplit, stack, ['\n']), out = '';
  for (var i = 0; i < lines.length; i++) {
    var l = lines[i];
    if (i > 0 && apply(reTest, FRAME, [l]) && apply(strIndexOf, l, ['snippet.js:']) === -1) break;
    out += (i ? '\n' : '') + l;
  }
  return out;
}

function fail(kind, message, stack) {
  var err = '{"kind":"' + kind + '","message":' + stringify(safeString(message));
  if (typeof stack === 'string') err += ',"stack":' + stringify(stack);
  return '{"ok":false,"logs":' + getLogs() + ',"error":' + err + '}}';
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
// (BigInt throws in JSON.stringify; functions and symbols would vanish silently).
var badValue = null;
function serialise(value) {
  var paths = new MapC();
  return stringify(value, function (key, v) {
    var holderPath = apply(mapGet, paths, [this]);
    var path = holderPath === undefined ? 'result' : keyPath(holderPath, key, isArray(this));
    var t = typeof v;
    if (t === 'bigint' || t === 'function' || t === 'symbol') {
      if (badValue === null) badValue = path + ' is ' + (t === 'bigint' ? 'a BigInt' : 'a ' + t) + ', which JSON cannot represent';
      return undefined;
    }
    if (v !== null && t === 'object') apply(mapSet, paths, [v, path]);
    return v;
  });
}

function classifyResult(value) {
  if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
    if (value instanceof PromiseC || typeof value.then === 'function')
      return fail('promise', 'handler returned a Promise: the runtime calls handler synchronously and does not await it (remove async/await)');
  }
  if (value === null || typeof value !== 'object')
    return fail('invalid-result', 'handler must return the webhook object, but it returned ' + typeName(value) + (value === undefined ? ' (missing "return webhook"?)' : ''));
  if (isArray(value)) return fail('invalid-result', 'handler must return the webhook object, but it returned an array');
  var text;
  try {
    text = serialise(value);
  } catch (e) {
    if (isStackOverflow(e)) return fail('stack', 'RangeError: Maximum call stack size exceeded while serialising the result (too deeply nested?)', snippetStack(e));
    var isError = e instanceof ErrorC;
    var msg = isError ? safeString(prop(e, 'name')) + ': ' + safeString(prop(e, 'message')) : fmt(e);
    if (e instanceof TypeErrorC && apply(reTest, /circular/i, [msg])) return fail('invalid-result', 'The result is not JSON-serialisable: ' + msg);
    return fail('invalid-result', 'Serialising the result threw ' + msg, isError ? snippetStack(e) : undefined);
  }
  if (badValue !== null) return fail('invalid-result', badValue);
  if (typeof text !== 'string' || text[0] !== '{') return fail('invalid-result', 'The result does not serialise to a JSON object (a toJSON method replaced it)');
  return '{"ok":true,"logs":' + getLogs() + ',"result":' + text + '}';
}

function run(fn) {
  try {
    var value;
    try {
      value = apply(fn, undefined, []);
    } catch (e) {
      return describeThrow(e);
    }
    return classifyResult(value);
  } catch (x) {
    // Only reachable if the snippet sabotaged the built-ins this file relies on.
    return '{"ok":false,"logs":[],"error":{"kind":"crash","message":"The sandbox could not report this run: the snippet tampered with built-ins it relies on"}}';
  }
}

return function install(inputJson) {
  defineProperty(G, '__dodo_input__', { value: parse(inputJson) });
  defineProperty(G, '__dodo_run__', { value: run });
  defineProperty(G, 'console', { value: consoleObject, writable: true, configurable: true });
  return [getLogs, run];
};
})()`;
