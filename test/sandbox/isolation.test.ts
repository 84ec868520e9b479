// The snippet sees a bare V8 context: no Node capabilities, no host objects, UTC.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, type RunOutcome } from '../../src/sandbox/index.js';

const sandbox = createSandbox({ timeoutMs: 2000 });
const dir = mkdtempSync(join(tmpdir(), 'dodo-sandbox-'));
const marker = join(dir, 'escaped.txt');
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const result = (o: RunOutcome): any => {
  if (!o.ok) throw new Error(`expected ok, got ${o.error.kind}: ${o.error.message}`);
  return o.result;
};
const errorOf = (o: RunOutcome) => (o.ok ? { kind: 'ok', message: JSON.stringify(o.result) } : o.error);

describe('sandbox: isolation', () => {
  it('has only the default V8 globals plus console', async () => {
    const code = 'function handler(w) { w.names = Object.getOwnPropertyNames(globalThis).filter(function (n) { return n.indexOf("__dodo") !== 0; }); return w; }';
    const names: string[] = result(await sandbox.run(code, {})).names;
    for (const expected of ['JSON', 'Math', 'Date', 'Object', 'Array', 'Promise', 'console']) expect(names).toContain(expected);
    for (const forbidden of ['process', 'require', 'module', 'exports', 'Buffer', 'fetch', 'setTimeout', 'setInterval',
      'setImmediate', 'queueMicrotask', 'structuredClone', 'URL', 'TextEncoder', 'atob', 'btoa', 'global', '__filename']) {
      expect(names).not.toContain(forbidden);
    }
  });

  it('cannot reach process, require or the file system', async () => {
    const escapes = [
      `require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`,
      `process.mainModule.require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`,
      'w.env = process.env',
      `this.constructor.constructor("return process")().mainModule.require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`,
      `(function () {}).constructor("return process")()`,
      `eval("process")`,
      `new Function("return this")().process.exit(1)`,
      `Object.getPrototypeOf(async function () {}).constructor("return process")()`,
    ];
    for (const line of escapes) {
      const o = await sandbox.run(`function handler(w) { ${line}; return w; }`, {});
      expect(errorOf(o).kind, line).toBe('throw');
      expect(errorOf(o).message, line).toMatch(/is not defined|Code generation from strings disallowed/);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('fails import() without ever settling it with a host object', async () => {
    const code = `function handler(w) {
  import("fs").then(function (fs) { fs.writeFileSync(${JSON.stringify(marker)}, "x"); }, function (e) {
    e.constructor.constructor("return process")().mainModule.require("fs").writeFileSync(${JSON.stringify(marker)}, "x");
  });
  return w;
}`;
    const o = await sandbox.run(code, {});
    expect(errorOf(o)).toMatchObject({ kind: 'throw', message: expect.stringMatching(/import\("fs"\) is not available/) });
    await sleep(200);
    expect(existsSync(marker)).toBe(false);
    expect((await sandbox.run('function handler(w) { return w; }', { after: true })).ok).toBe(true);
  });

  it('gets no usable host object from stack-trace formatting at the stack limit', async () => {
    // Formatting a stack runs Node's host-side callback; near the stack limit it can overflow and
    // throw a host-realm RangeError into the snippet. The sandbox process is hardened so that such
    // an object leads nowhere: no code generation, frozen intrinsics, no file system.
    const code = `function handler(w) {
  var host = null, depth = 0;
  function probe(d) {
    try { probe(d + 1); } catch (e) {}
    if (host) return;
    try { var err = new Error("y"); Error.captureStackTrace(err); err.stack; } catch (e) { if (!(e instanceof Object)) { host = e; depth = d; } }
  }
  probe(0);
  var report = { leaked: host !== null, reached: [] };
  if (host) {
    try { if (host.constructor.constructor("return process")()) report.reached.push("process"); } catch (e) {}
    try { var proto = Object.getPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(host))); proto.polluted = 1; if (proto.polluted === 1) report.reached.push("pollution"); } catch (e) {}
    try { Object.defineProperty(Object.getPrototypeOf(host), "then", { get: function () { return 1; } }); report.reached.push("defineProperty"); } catch (e) {}
  }
  w.report = report;
  return w;
}`;
    const o = await sandbox.run(code, {});
    expect(result(o).report.reached).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect((await sandbox.run('function handler(w) { return w; }', {})).ok).toBe(true);
  });

  it('exposes no sandbox function through caller chains or CallSites', async () => {
    const code = `function handler(w) {
  var seen = [];
  Error.prepareStackTrace = function (e, frames) {
    return frames.map(function (f) { var fn = f.getFunction(), self = f.getThis(); return (fn ? "fn" : "-") + (self && self !== globalThis ? "this" : "-"); });
  };
  w.frames = new Error("x").stack;
  var f = handler; while (f) { seen.push(typeof f); f = f.caller; }
  w.callers = seen.length;
  return w;
}`;
    const r = result(await sandbox.run(code, {}));
    // handler's own frame (sloppy) is visible; nothing below it is.
    expect(r.frames[0]).toBe('fn-');
    expect(r.frames.slice(2).every((s: string) => s === '--')).toBe(true);
    expect(r.callers).toBeLessThanOrEqual(2);
  });

  it('creates the input inside the context (not a host-realm object)', async () => {
    const code = `function handler(w) {
  w.checks = [w instanceof Object, w.constructor === Object, Object.getPrototypeOf(w) === Object.prototype,
    Array.isArray(w.list) && w.list instanceof Array, w.list.constructor === Array];
  return w;
}`;
    expect(result(await sandbox.run(code, { list: [1, 2] })).checks).toEqual([true, true, true, true, true]);
  });

  it('runs in UTC even when the host is in another time zone', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    const box = createSandbox({ concurrency: 1 });
    try {
      expect(new Date(0).getTimezoneOffset()).toBe(300); // the host really is in New York now
      const code = 'function handler(w) { var d = new Date(0); w.tz = [d.getHours(), d.getTimezoneOffset(), new Date(2025, 6, 1).getTimezoneOffset(), d.toString()]; return w; }';
      const [hours, offset, summerOffset, text] = result(await box.run(code, {})).tz;
      expect([hours, offset, summerOffset]).toEqual([0, 0, 0]);
      expect(text).toMatch(/GMT\+0000/);
    } finally {
      await box.close();
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('does not let one sample see another', async () => {
    const code = 'function handler(w) { w.seen = typeof globalThis.secret; globalThis.secret = w.i; return w; }';
    const outcomes = await sandbox.runMany(code, Array.from({ length: 10 }, (_, i) => ({ i })));
    expect(outcomes.map((o) => result(o).seen)).toEqual(Array(10).fill('undefined'));
  });
});
