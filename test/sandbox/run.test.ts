// Normal runs: the transformation's result, console capture, batches, positions, limits.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, type RunOutcome } from '../../src/sandbox/index.js';
import { TYPICAL_INPUT, TYPICAL_SNIPPET } from '../../src/sandbox/bench-fixture.js';

const sandbox = createSandbox();
afterAll(() => sandbox.close());

function ok(outcome: RunOutcome): { result: any; logs: RunOutcome['logs'] } {
  if (!outcome.ok) throw new Error(`expected ok, got ${outcome.error.kind}: ${outcome.error.message}`);
  return { result: outcome.result, logs: outcome.logs };
}

describe('sandbox: normal runs', () => {
  it('transforms url and payload like the runtime', async () => {
    const { result } = ok(await sandbox.run(TYPICAL_SNIPPET, TYPICAL_INPUT));
    expect(result.url).toBe('https://api.segment.io/v1/track');
    expect(result.method).toBe('POST');
    expect(result.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(result.payload).toMatchObject({
      userId: 'cus_8VbC6JDZzPEqfBPUdpj0K',
      event: 'Order Completed',
      properties: { order_id: 'pay_2IjeQm4hqU6RA4Z4kwDee', revenue: 129.99, currency: 'USD', country: 'US' },
    });
    // Fields the snippet did not touch come back as they went in.
    expect(result.eventType).toBe('payment.succeeded');
  });

  it('cancels events the snippet does not handle', async () => {
    const input = { ...TYPICAL_INPUT, eventType: 'dispute.opened' };
    expect(ok(await sandbox.run(TYPICAL_SNIPPET, input)).result.cancel).toBe(true);
  });

  it('runs code as a function body: top-level return and var are allowed', async () => {
    const code = 'var seen = 1;\nfunction handler(w) { w.seen = seen; return w; }\nreturn handler({ early: true });';
    // The snippet returns before the wrapper's own `return handler(input)`.
    expect(ok(await sandbox.run(code, { a: 1 })).result).toEqual({ seen: 1, early: true });
  });

  it('runs code that closes the runtime\'s wrapper early, and reads what it ends with', async () => {
    // The runtime evaluates `(function () { <code> return handler(input); })()`: this code ends
    // the first function and starts another, so the script's value is the second one's.
    const code = 'return 0; }); (function () { function handler(w) { w.payload = { seen: w.payload.n + 1 }; return w; }';
    expect(ok(await sandbox.run(code, { payload: { n: 1 } })).result).toEqual({ payload: { seen: 2 } });
  });

  it('records the snippet\'s reads of absent fields, not the sandbox\'s own read of the timestamp', async () => {
    const quiet = await sandbox.run('function handler(w) { return w; }', { payload: { type: 'payment.succeeded' } });
    expect([quiet.ok, quiet.reads]).toEqual([true, undefined]);
    const reading = await sandbox.run('function handler(w) { w.t = w.payload.timestamp; return w; }', { payload: { type: 'payment.succeeded' } });
    expect(reading.reads).toEqual([{ path: 'payload.timestamp', line: 1, column: 39 }]);
  });

  it('serialises the tracked payload as it is after the snippet: changes made through it, nested parts, reuse and a toJSON of its own', async () => {
    const code = 'function handler(w) { var d = w.payload.data; d.seen = true; d.customer.name = "B"; w.payload.copy = d.customer; w.payload.list = [d, d.customer]; d.json = { toJSON: function () { return "J"; } }; w.cancel = true; return w; }';
    const payload = { type: 'payment.succeeded', data: { customer: { name: 'A', email: 'a@b.io' }, items: [{ n: 1 }] } };
    const { result } = ok(await sandbox.run(code, { payload }));
    const customer = { name: 'B', email: 'a@b.io' };
    const data = { customer, items: [{ n: 1 }], seen: true, json: 'J' };
    expect(result).toEqual({ cancel: true, payload: { type: 'payment.succeeded', data, copy: customer, list: [data, customer] } });
    expect(payload.data.customer.name).toBe('A');
  });

  it('gives the snippet no name of the sandbox\'s: the input reaches handler without a visible binding', async () => {
    const code = 'var t = typeof __dodo_input__;\nfunction handler(w) { w.t = t; w.own = Object.getOwnPropertyNames(globalThis).filter(function (n) { return /dodo/i.test(n); }); return w; }';
    expect(ok(await sandbox.run(code, { a: 1 })).result).toEqual({ a: 1, t: 'undefined', own: [] });
  });

  it('does not change the input object the caller passed', async () => {
    const input = { payload: { n: 1 } };
    ok(await sandbox.run('function handler(w) { w.payload.n = 2; return w; }', input));
    expect(input.payload.n).toBe(1);
  });

  it('gives each sample a fresh context', async () => {
    const code = 'var before = ({}).polluted === true;\nObject.prototype.polluted = true;\nglobalThis.count = (globalThis.count || 0) + 1;\nfunction handler(w) { w.count = count; w.before = before; return w; }';
    const outcomes = await sandbox.runMany(code, [{}, {}, {}]);
    expect(outcomes.map((o) => ok(o).result)).toEqual([1, 2, 3].map(() => ({ count: 1, before: false })));
  });

  it('keeps input order in runMany, with failures in place', async () => {
    const code = 'function handler(w) { if (w.i % 3 === 1) throw new Error("bad " + w.i); w.doubled = w.i * 2; return w; }';
    const inputs = Array.from({ length: 50 }, (_, i) => ({ i }));
    const outcomes = await sandbox.runMany(code, inputs);
    expect(outcomes).toHaveLength(50);
    outcomes.forEach((o, i) => {
      if (i % 3 === 1) expect(o.ok ? 'ok' : o.error.message).toBe(`Error: bad ${i}`);
      else expect(ok(o).result.doubled).toBe(i * 2);
    });
  });

  it('handles an empty batch and many concurrent calls', async () => {
    expect(await sandbox.runMany('function handler(w) { return w; }', [])).toEqual([]);
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => sandbox.run('function handler(w) { return w; }', { i })));
    expect(all.map((o) => ok(o).result.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('rejects inputs that are not JSON objects', async () => {
    await expect(sandbox.run('function handler(w) { return w; }', { n: 1n } as object)).rejects.toThrow(TypeError);
    await expect(sandbox.runMany('function handler(w) { return w; }', [null as unknown as object])).rejects.toThrow(/not an object/);
  });

  it('reports a duration per sample', async () => {
    // The snippet's clock is frozen (one tick per reading): work, not Date.now(), takes the time.
    const o = await sandbox.run('function handler(w) { for (var i = 0, x = 0; i < 3e7; i++) x += i; w.x = x; return w; }', {});
    expect(o.ok).toBe(true);
    expect(o.durationMs).toBeGreaterThanOrEqual(2);
    expect(o.durationMs).toBeLessThan(1000);
  });
});

describe('sandbox: console capture', () => {
  it('records each level with safely formatted arguments', async () => {
    const code = `function handler(w) {
  console.log("plain", 1, true, null, undefined);
  console.info({ a: 1, b: [1, 2] });
  console.warn(new TypeError("careful"));
  console.error(10n, Symbol("s"), function named() {});
  var cyc = { name: "c" }; cyc.self = cyc;
  console.debug(cyc, { big: 2n });
  return w;
}`;
    const { logs } = ok(await sandbox.run(code, {}));
    expect(logs).toEqual([
      { level: 'log', text: 'plain 1 true null undefined' },
      { level: 'info', text: '{"a":1,"b":[1,2]}' },
      { level: 'warn', text: 'TypeError: careful' },
      { level: 'error', text: '10n Symbol(s) [Function: named]' },
      { level: 'debug', text: '{"name":"c","self":"[Circular]"} {"big":"2n"}' },
    ]);
  });

  it('caps the number and size of entries', async () => {
    const code = 'function handler(w) { for (var i = 0; i < 150; i++) console.log("line " + i); console.log("x".repeat(5000)); return w; }';
    const { logs } = ok(await sandbox.run(code, {}));
    expect(logs).toHaveLength(101);
    expect(logs[99]).toEqual({ level: 'log', text: 'line 99' });
    expect(logs[100]!.level).toBe('warn');
    expect(logs[100]!.text).toMatch(/51 more console call\(s\) not recorded/);
    const long = ok(await sandbox.run('function handler(w) { console.log("x".repeat(5000)); return w; }', {})).logs[0]!;
    expect(long.text.length).toBeLessThan(2100);
    expect(long.text.endsWith('[truncated]')).toBe(true);
  });

  it('keeps the logs of a run that fails', async () => {
    const o = await sandbox.run('function handler(w) { console.log("before"); throw new Error("boom"); }', {});
    expect(o.ok).toBe(false);
    expect(o.logs).toEqual([{ level: 'log', text: 'before' }]);
  });

  it('keeps the logs of a run that times out', async () => {
    const fast = createSandbox({ timeoutMs: 100, concurrency: 1 });
    try {
      const o = await fast.run('function handler(w) { console.log("started"); for (;;); }', {});
      expect(o.ok ? 'ok' : o.error.kind).toBe('timeout');
      expect(o.logs).toEqual([{ level: 'log', text: 'started' }]);
    } finally {
      await fast.close();
    }
  });
});

describe('sandbox: positions', () => {
  it('reports syntax errors at the line and column of the pasted code', async () => {
    const o = await sandbox.run('function handler(w) {\n  return w +* 1;\n}', {});
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.error).toMatchObject({ kind: 'syntax', line: 2, column: 13 });
    expect(o.error.message).toMatch(/^SyntaxError: /);
  });

  it('places a throw inside a built-in at the snippet line that called it, with no frame of the sandbox', async () => {
    const o = await sandbox.run('function handler(w) {\n  var t = new Date(w.payload.missing).toISOString();\n  return w;\n}', { payload: {} });
    expect(o.ok ? null : o.error).toMatchObject({ kind: 'throw', message: 'RangeError: Invalid time value', line: 2, column: 39 });
    expect(o.ok ? '' : o.error.stack).not.toMatch(/dodo-sandbox|\[eval\]|node:/);
  });

  it('accounts for the wrapper on the first line', async () => {
    const o = await sandbox.run('let a = 1 1;\nfunction handler(w) { return w; }', {});
    expect(o.ok ? null : o.error).toMatchObject({ kind: 'syntax', line: 1, column: 11 });
  });

  it('treats import/export as syntax errors (the code is a function body)', async () => {
    for (const code of ['import fs from "fs";\nfunction handler(w) { return w; }', 'export function handler(w) { return w; }']) {
      const o = await sandbox.run(code, {});
      expect(o.ok ? null : o.error).toMatchObject({ kind: 'syntax', line: 1, column: 1 });
    }
  });

  it('points an unclosed block at the end of the code', async () => {
    const o = await sandbox.run('function handler(w) {\n  return w;', {});
    expect(o.ok ? null : o.error).toMatchObject({ kind: 'syntax', line: 2 });
  });

  it('reports where a runtime error was thrown, with a snippet-side stack', async () => {
    const o = await sandbox.run('function handler(w) {\n  var x = null;\n  return x.y;\n}', {});
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.error).toMatchObject({ kind: 'throw', line: 3, column: 12 });
    expect(o.error.message).toBe("TypeError: Cannot read properties of null (reading 'y')");
    expect(o.error.stack).toContain('at handler (snippet.js:3:12)');
    // Nothing of the sandbox's own machinery in the stack.
    expect(o.error.stack).not.toMatch(/prelude|node:|\[eval\]/);
  });

  it('reports columns on the first line without the wrapper offset', async () => {
    const o = await sandbox.run('function handler(w) { return w.a.b; }', {});
    expect(o.ok ? null : o.error).toMatchObject({ kind: 'throw', line: 1, column: 34 });
  });
});

describe('sandbox: options', () => {
  it('makes the time limit configurable', async () => {
    const code = 'function handler(w) { for (var i = 0, x = 0; i < 2e8; i++) x += i; w.x = x; return w; }';
    const strict = createSandbox({ timeoutMs: 50, concurrency: 1 });
    try {
      const o = await strict.run(code, {});
      expect(o.ok ? 'ok' : o.error.kind).toBe('timeout');
      expect(o.ok ? '' : o.error.message).toMatch(/50 ms/);
      // An endless loop is stopped long before the default limit of 1000 ms.
      const loop = await strict.run('function handler(w) { for (;;); }', {});
      expect(loop.ok ? 'ok' : loop.error.kind).toBe('timeout');
      expect(loop.durationMs).toBeLessThan(800);
    } finally {
      await strict.close();
    }
    expect((await sandbox.run(code, {})).ok).toBe(true);
  });

  it('rejects invalid options', () => {
    expect(() => createSandbox({ timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createSandbox({ memoryMb: -1 })).toThrow(RangeError);
    expect(() => createSandbox({ memoryMb: 8 })).toThrow(/at least 16/);
  });

  it('settles runs after close as crash, and refuses new ones', async () => {
    const s = createSandbox({ concurrency: 1 });
    const pending = s.run('function handler(w) { for (;;); }', {});
    await new Promise((r) => setTimeout(r, 150));
    await s.close();
    const o = await pending;
    expect(o.ok ? 'ok' : o.error.kind).toBe('crash');
    await expect(s.run('function handler(w) { return w; }', {})).rejects.toThrow(/closed/);
  });
});
