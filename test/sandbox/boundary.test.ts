// What crosses from the sandbox to the host: capped plain data, whatever the code does.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, type RunOutcome } from '../../src/sandbox/index.js';
import { MAX_RESULT_CHARS } from '../../src/sandbox/prelude-source.js';

const sandbox = createSandbox({ timeoutMs: 500 });
afterAll(() => sandbox.close());

const kindOf = (o: RunOutcome) => (o.ok ? 'ok' : o.error.kind);
const resultOf = (o: RunOutcome): any => {
  if (!o.ok) throw new Error(`expected ok, got ${o.error.kind}: ${o.error.message}`);
  return o.result;
};

describe('sandbox boundary: sizes', () => {
  it('refuses a result over the size cap without sending it', async () => {
    const o = await sandbox.run('function handler(w) { w.url = "https://x.io/" + "a".repeat(12e6); return w; }', {});
    expect(kindOf(o)).toBe('too-large');
    expect(o.size ?? 0).toBeLessThan(10_000);
    expect(o.ok ? '' : o.error.message).toMatch(/passed that at result\.url$/);
  });

  it('names where a too-large result passed the cap: the element of a long array', async () => {
    const o = await sandbox.run('function handler(w) { w.payload = { rows: [] }; for (var i = 0; i < 50000; i++) w.payload.rows.push({ n: i, note: "row" }); return w; }', {});
    expect(kindOf(o)).toBe('too-large');
    expect(o.ok ? '' : o.error.message).toMatch(/passed that at result\.payload\.rows\[\d+\](\.note)?$/);
  });

  it('passes a result just under the cap', async () => {
    const o = await sandbox.run(`function handler(w) { w.payload = "a".repeat(${MAX_RESULT_CHARS - 1000}); return w; }`, {});
    expect(kindOf(o)).toBe('ok');
  });

  it('caps thrown messages and stacks', async () => {
    const o = await sandbox.run('function handler(w) { throw new Error("x".repeat(1e6)); }', {});
    expect(kindOf(o)).toBe('throw');
    expect(o.ok ? 0 : o.error.message.length).toBeLessThan(2100);
    expect(o.ok ? 0 : (o.error.stack ?? '').length).toBeLessThan(4100);
  });
});

describe('sandbox boundary: the run budget', () => {
  it('stops running a snippet after stopAfter samples hit the time limit', async () => {
    const started = Date.now();
    const outcomes = await sandbox.runMany('function handler(w) { for (;;); }', Array.from({ length: 60 }, (_, i) => ({ i })), { stopAfter: 3 });
    const kinds = outcomes.map(kindOf);
    expect(kinds.filter((k) => k === 'timeout').length).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((k) => k === 'timeout').length).toBeLessThanOrEqual(4);
    expect(kinds.filter((k) => k === 'skipped').length).toBe(60 - kinds.filter((k) => k === 'timeout').length);
    expect(Date.now() - started).toBeLessThan(8000);
    // The pool is usable afterwards.
    expect(kindOf(await sandbox.run('function handler(w) { return w; }', {}))).toBe('ok');
  });

  it('stops once the results reach maxOutputChars in all', async () => {
    const outcomes = await sandbox.runMany('function handler(w) { w.payload = "a".repeat(10000); return w; }', Array.from({ length: 40 }, (_, i) => ({ i })), { maxOutputChars: 50_000 });
    const ok = outcomes.filter((o) => o.ok).length;
    expect(ok).toBeGreaterThanOrEqual(5);
    expect(ok).toBeLessThan(40);
    expect(outcomes.filter((o) => kindOf(o) === 'skipped').length).toBe(40 - ok);
  });
});

describe('sandbox boundary: what a snippet can see', () => {
  it('defines nothing of its own on the global object', async () => {
    const code = 'function handler(w) { var g = Object.getOwnPropertyNames(globalThis); w.dodo = g.filter(function (n) { return /dodo/i.test(n); }); w.has = "__dodo_input__" in globalThis || "__dodo_run__" in globalThis; return w; }';
    expect(resultOf(await sandbox.run(code, {}))).toMatchObject({ dodo: [], has: false });
  });

  it('gives the same clock and random numbers on every run, and a clock that moves', async () => {
    const code = 'function handler(w) { var a = Date.now(), b = Date.now(); w.t = [a, b, new Date().toISOString()]; w.r = [Math.random(), Math.random()]; return w; }';
    const input = { payload: { timestamp: '2025-08-04T05:30:00.000Z' } };
    const first = resultOf(await sandbox.run(code, input));
    const second = resultOf(await sandbox.run(code, input));
    expect(first.t).toEqual(second.t);
    expect(first.r).toEqual(second.r);
    expect(first.t[0]).toBe(Date.parse('2025-08-04T05:30:00.000Z'));
    expect(first.t[1]).toBe(first.t[0] + 1);
    expect(first.r[0]).not.toBe(first.r[1]);
    expect(resultOf(await sandbox.run('function handler(w) { w.ok = new Date(0).getTime() === 0 && new Date() instanceof Date && typeof Date() === "string"; return w; }', {})).ok).toBe(true);
  });

  it('records code generation from strings even when the snippet catches the error', async () => {
    const code = 'function handler(w) { try { eval("1"); } catch (e) {} try { (function () {}).constructor("return 1")(); } catch (e) {} return w; }';
    const o = await sandbox.run(code, {});
    expect(kindOf(o)).toBe('ok');
    expect(o.escapes).toEqual(['eval', 'the Function constructor']);
    expect((await sandbox.run('function handler(w) { w.v = eval(5); return w; }', {})).escapes).toBeUndefined();
  });
});

describe('sandbox boundary: inspect and data modes', () => {
  it('describes a mapping as plain data, reads that throw included', async () => {
    const code = 'var m = { url: 10n, events: { a: function () {}, get b() { throw new Error("no") }, c: 3 } };\nreturn m;';
    const [o] = await sandbox.runMany(code, [{}], { mode: 'inspect' });
    expect(resultOf(o!)).toEqual({
      type: 'object',
      url: { type: 'bigint' },
      events: { type: 'object', keys: [{ key: 'a', type: 'function' }, { key: 'b', error: 'Error: no' }, { key: 'c', type: 'number', value: 3 }] },
    });
  });

  it('describes a revoked Proxy without failing', async () => {
    const [o] = await sandbox.runMany('var p = Proxy.revocable({}, {}); p.revoke();\nreturn p.proxy;', [{}], { mode: 'inspect' });
    expect(resultOf(o!)).toEqual({ type: 'revoked proxy' });
  });

  it('reports a module that throws or loops at its top level', async () => {
    const [threw] = await sandbox.runMany('throw new Proxy({}, {});\nreturn 1;', [{}], { mode: 'inspect' });
    expect(kindOf(threw!)).toBe('throw');
    const [looped] = await sandbox.runMany('for (;;);\nreturn 1;', [{}], { mode: 'inspect' });
    expect(kindOf(looped!)).toBe('timeout');
  });

  it('carries a value as JSON data, and nothing callable', async () => {
    const [o] = await sandbox.runMany('return { a: [1, "x"], b: { c: true } };', [{}], { mode: 'data' });
    expect(resultOf(o!)).toEqual({ value: { a: [1, 'x'], b: { c: true } } });
    const [f] = await sandbox.runMany('return { f: function () {} };', [{}], { mode: 'data' });
    expect(kindOf(f!)).toBe('invalid-result');
  });
});
