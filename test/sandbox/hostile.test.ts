// Broken or hostile snippets become outcomes of the right kind, and the sandbox keeps working.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, type RunErrorKind, type RunOutcome, type Sandbox } from '../../src/sandbox/index.js';

// Small limits keep the time cases fast.
const sandbox = createSandbox({ timeoutMs: 300, memoryMb: 16, concurrency: 1, watchdogMarginMs: 300 });
// Memory bombs get a small heap but plenty of time: on a loaded machine, V8's last-resort
// collections can take longer than 300 ms before it gives up, which would read as a timeout.
const roomy = createSandbox({ timeoutMs: 15_000, memoryMb: 16, concurrency: 1 });
afterAll(() => Promise.all([sandbox.close(), roomy.close()]));

const GOOD = 'function handler(webhook) { webhook.url = "https://hooks.acme-shop.io/ok"; return webhook; }';

function kindOf(o: RunOutcome): RunErrorKind | 'ok' {
  return o.ok ? 'ok' : o.error.kind;
}

/** Runs the bad code, checks the kind, then proves the sandbox still works. */
async function expectKind(code: string, kind: RunErrorKind, box: Sandbox = sandbox): Promise<RunOutcome & { ok: false }> {
  const outcome = await box.run(code, { payload: { n: 1 } });
  expect(kindOf(outcome), outcome.ok ? '' : outcome.error.message).toBe(kind);
  const after = await box.run(GOOD, { n: 2 });
  expect(after, JSON.stringify(after)).toMatchObject({ ok: true, result: { n: 2, url: 'https://hooks.acme-shop.io/ok' } });
  return outcome as RunOutcome & { ok: false };
}

describe('sandbox: hostile and broken code', () => {
  it('stops an infinite loop (timeout)', async () => {
    const o = await expectKind('function handler(w) { while (true) {} }', 'timeout');
    expect(o.error.message).toMatch(/300 ms/);
    expect(o.durationMs).toBeGreaterThanOrEqual(250);
  });

  it('stops a promise loop that would outlive the run (timeout)', async () => {
    await expectKind('function handler(w) { Promise.resolve().then(function f() { return Promise.resolve().then(f); }); for (;;); }', 'timeout');
  });

  it('kills code the vm timeout cannot interrupt (hard watchdog)', async () => {
    // One native call scanning 4 GB of never-touched (zero-page) memory: seconds, no interrupt checks.
    const o = await expectKind('function handler(w) { new Uint8Array(2 ** 32 - 1).indexOf(1); return w; }', 'timeout');
    expect(o.error.message).toMatch(/restarted/);
  });

  it('survives a heap memory bomb (memory)', async () => {
    const o = await expectKind('function handler(w) { var a = []; for (;;) a.push({ n: a.length, s: "x" + a.length }); }', 'memory', roomy);
    expect(o.error.message).toMatch(/memory/i);
    expect(o.durationMs).toBeLessThan(10_000);
  });

  it('survives one huge allocation (memory)', async () => {
    await expectKind('function handler(w) { var m = new Map(); for (var i = 0; ; i++) m.set(i, i); }', 'memory', roomy);
  });

  it('survives an ArrayBuffer bomb, which the heap limit does not count (memory)', async () => {
    const o = await expectKind('function handler(w) { var a = []; for (;;) a.push(new Uint8Array(32 * 1024 * 1024).fill(1)); }', 'memory', roomy);
    expect(o.error.message).toMatch(/MB/);
    expect(o.durationMs).toBeLessThan(10_000);
  });

  it('reports a stack overflow (stack)', async () => {
    const o = await expectKind('function f(n) { return f(n + 1) + 1; }\nfunction handler(w) { return f(0); }', 'stack');
    expect(o.error.line).toBe(1);
    expect(o.error.stack).toContain('at f (snippet.js:1:');
  });

  it('reports thrown non-Errors (throw)', async () => {
    const messages: string[] = [];
    for (const value of ['"x"', '{ a: 1 }', 'null', 'undefined', '42']) {
      const o = await expectKind(`function handler(w) { throw ${value}; }`, 'throw');
      messages.push(o.error.message);
    }
    expect(messages).toEqual([
      'handler threw a non-Error value: "x"',
      'handler threw a non-Error value: {"a":1}',
      'handler threw a non-Error value: null',
      'handler threw a non-Error value: undefined',
      'handler threw a non-Error value: 42',
    ]);
  });

  it('survives a thrown Proxy and an Error with hostile getters (throw)', async () => {
    await expectKind('function handler(w) { throw new Proxy({}, { get: function () { for (;;); }, getPrototypeOf: function () { for (;;); } }); }', 'timeout');
    const o = await expectKind('function handler(w) { var e = new Error("m"); Object.defineProperty(e, "message", { get: function () { throw 1; } }); throw e; }', 'throw');
    expect(o.error.message).toMatch(/^Error: /);
  });

  it('reports syntax errors (syntax)', async () => {
    const o = await expectKind('function handler(w) {\n  return w.;\n}', 'syntax');
    expect(o.error).toMatchObject({ line: 2 });
  });

  it('reports a missing handler (no-handler)', async () => {
    await expectKind('function handle(w) { return w; }', 'no-handler');
    await expectKind('var handler = 5;', 'no-handler');
    await expectKind('', 'no-handler');
  });

  it('reports a returned Promise (promise)', async () => {
    await expectKind('async function handler(w) { return w; }', 'promise');
    await expectKind('function handler(w) { return { then: function (r) { r(w); } }; }', 'promise');
  });

  it('reports non-object results (invalid-result)', async () => {
    for (const value of ['5', '"text"', 'null', '[w]', 'true']) {
      await expectKind(`function handler(w) { return ${value}; }`, 'invalid-result');
    }
    const o = await expectKind('function handler(w) { w.url = "x"; }', 'invalid-result');
    expect(o.error.message).toMatch(/undefined/);
  });

  it('names what JSON cannot carry (invalid-result)', async () => {
    const cases: Array<[string, RegExp]> = [
      ['w.payload.amount = 10n;', /result\.payload\.amount is a BigInt/],
      ['w.payload.items = [1, function () {}];', /result\.payload\.items\[1\] is a function/],
      ['w.headers = { "x-id": Symbol("s") };', /result\.headers\["x-id"\] is a symbol/],
      ['w.payload.self = w.payload;', /circular/i],
      ['w.payload = { toJSON: function () { throw new Error("nope"); } };', /Serialising the result threw Error: nope/],
      ['w.toJSON = function () { return undefined; };', /does not serialise to a JSON object/],
      ['w.toJSON = function () { return [1]; };', /does not serialise to a JSON object/],
    ];
    for (const [body, message] of cases) {
      const o = await expectKind(`function handler(w) { ${body} return w; }`, 'invalid-result');
      expect(o.error.message).toMatch(message);
    }
  });

  it('reports a result too deep to serialise', async () => {
    const o = await sandbox.run('function handler(w) { var o = {}; for (var i = 0; i < 1e5; i++) o = { o: o }; w.payload = o; return w; }', {});
    expect(kindOf(o)).toBe('too-large');
    expect(o.ok ? '' : o.error.message).toMatch(/nested more than 64 levels deep/);
  });

  it('contains code that breaks out of the wrapper', async () => {
    // Closing the runtime's wrapper early is valid text for the runtime too; it must still be timed.
    await expectKind('}); for (;;) {} (function () {', 'timeout');
  });

  it('contains snippets that tamper with built-ins the sandbox uses', async () => {
    const code = `JSON.stringify = function () { return "forged"; };
Array.prototype.push = function () { throw new Error("no push"); };
Object.defineProperty(Object.prototype, "toJSON", { value: undefined, writable: true, configurable: true });
String.prototype.split = function () { for (;;); };
function handler(w) { console.log("still", "logged"); w.n = 3; return w; }`;
    const o = await sandbox.run(code, {});
    expect(o).toMatchObject({ ok: true, result: { n: 3 }, logs: [{ level: 'log', text: 'still logged' }] });
  });

  it('attributes failures inside a batch to the right samples', async () => {
    const code = `function handler(w) {
  if (w.i === 2) { for (;;); }
  if (w.i === 4) { var m = new Map(); for (var k = 0; ; k++) m.set(k, k); }
  if (w.i === 6) throw "six";
  return w;
}`;
    const box = createSandbox({ timeoutMs: 1500, memoryMb: 16, concurrency: 1 });
    let outcomes: RunOutcome[];
    try {
      outcomes = await box.runMany(code, Array.from({ length: 9 }, (_, i) => ({ i })));
    } finally {
      await box.close();
    }
    expect(outcomes.map(kindOf)).toEqual(['ok', 'ok', 'timeout', 'ok', 'memory', 'ok', 'throw', 'ok', 'ok']);
    expect(outcomes.filter((o) => o.ok).map((o) => (o.ok ? (o.result as { i: number }).i : -1))).toEqual([0, 1, 3, 5, 7, 8]);
  });

  it('never calls a FinalizationRegistry back: a throwing cleanup cannot crash a later sample', async () => {
    const code = 'function handler(w) { var r = new FinalizationRegistry(function () { throw new Error("late"); }); for (var i = 0; i < 2000; i++) r.register({ a: new Array(50) }, i); var junk = []; for (var j = 0; j < 50000; j++) junk.push({ j: j }); w.shape = [typeof r.register, r.unregister({})]; return w; }';
    const outcomes = await sandbox.runMany(code, Array.from({ length: 12 }, (_, i) => ({ i })));
    expect(outcomes.map(kindOf)).toEqual(Array.from({ length: 12 }, () => 'ok'));
    expect(outcomes[0]).toMatchObject({ ok: true, result: { shape: ['function', false] } });
  });

  it('a result whose then getter throws is the snippet\'s throw, at its line, not a crash', async () => {
    const o = await expectKind('function handler(w) {\n  Object.defineProperty(w, "then", { get: function () { throw new Error("late"); } });\n  return w;\n}', 'throw');
    expect(o.error).toMatchObject({ message: 'Error: late', line: 2 });
  });
});
