// Inputs travel to a sandbox process once and are then referred to by number; prepared inputs are
// serialised once. Neither may change what any run sees.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox, preparedInput, type RunOutcome } from '../../src/sandbox/index.js';
import { withInputUrl } from '../../src/sandbox/input-text.js';

const ECHO = 'function handler(w) { w.payload = { id: w.payload.id, size: w.payload.blob.length }; return w; }';
const ECHO_AGAIN = 'function handler(w) { w.payload = { again: w.payload.id }; return w; }';

const sandbox = createSandbox({ concurrency: 2 });
// An eighth of 16 MB is what this one keeps: a few of the large inputs below pass it.
const small = createSandbox({ concurrency: 1, memoryMb: 16, timeoutMs: 2000 });
afterAll(async () => { await sandbox.close(); await small.close(); });

const input = (id: number, size: number) => ({ url: 'https://hooks.acme-shop.io/in', payload: { id, blob: String.fromCharCode(97 + (id % 26)).repeat(size) } });
const payloads = (outcomes: RunOutcome[]) => outcomes.map((o) => (o.ok ? (o.result as { payload: unknown }).payload : o.error.kind));

describe('sandbox inputs', () => {
  it('gives every run its own input when the same inputs come again, in another order and repeated', async () => {
    const inputs = Array.from({ length: 150 }, (_, i) => input(i, 10 + i));
    expect(payloads(await sandbox.runMany(ECHO, inputs))).toEqual(inputs.map((x) => ({ id: x.payload.id, size: x.payload.blob.length })));
    const shuffled = [...inputs].reverse().concat(inputs.slice(0, 20), inputs.slice(0, 20));
    expect(payloads(await sandbox.runMany(ECHO_AGAIN, shuffled))).toEqual(shuffled.map((x) => ({ again: x.payload.id })));
  });

  it('sends inputs again once a process has dropped what it kept (more than it keeps, one input larger than it keeps)', async () => {
    const large = Array.from({ length: 24 }, (_, i) => input(i, 200_000));
    const huge = input(99, 700_000);
    for (let round = 0; round < 2; round++) {
      const all = [...large, huge, ...large.slice(0, 3)];
      expect(payloads(await small.runMany(ECHO, all))).toEqual(all.map((x) => ({ id: x.payload.id, size: x.payload.blob.length })));
    }
  });

  it('sends the inputs to the new process after one died', async () => {
    const inputs = Array.from({ length: 10 }, (_, i) => input(i, 50));
    await small.runMany(ECHO, inputs);
    const bomb = await small.run('function handler(w) { var a = []; for (;;) a.push(new Array(1e5).fill(a.length)); }', inputs[0]!);
    expect(bomb.ok ? 'ok' : bomb.error.kind).toBe('memory');
    expect(payloads(await small.runMany(ECHO_AGAIN, inputs))).toEqual(inputs.map((x) => ({ again: x.payload.id })));
  });

  it('runs a prepared input as it was when prepared', async () => {
    const value = input(7, 3);
    const token = preparedInput(value);
    value.payload.id = 8;
    value.payload.blob = 'changed later';
    expect(payloads(await sandbox.runMany(ECHO, [token, value]))).toEqual([{ id: 7, size: 3 }, { id: 8, size: 13 }]);
    expect(Object.isFrozen(token)).toBe(true);
    expect(() => preparedInput({ n: 1n } as object)).toThrow(TypeError);
  });

  it('runs an input with its url replaced exactly as the whole object with that url, on both paths', async () => {
    const base = { method: 'POST', url: 'https://hooks.acme-shop.io/base', eventType: 'payment.succeeded', payload: { id: 1, blob: 'x' } };
    const url = 'https://hooks.slack.com/services/T000/B000/XXXX';
    const token = withInputUrl(preparedInput(base), url);
    const keys = 'function handler(w) { w.payload = { keys: Object.keys(w).join(), url: w.url, text: JSON.stringify(w) }; return w; }';
    // Code that closes the runtime's wrapper early runs on the slow path, which inlines the input.
    const slow = 'return { url: "x", payload: {} }; }); (function () { function handler(w) { w.payload = { keys: Object.keys(w).join(), url: w.url, text: JSON.stringify(w) }; return w; }';
    for (const code of [keys, slow]) {
      const [withUrl, whole] = payloads(await sandbox.runMany(code, [token, { ...base, url }]));
      expect(withUrl).toEqual(whole);
      expect(withUrl).toMatchObject({ keys: 'method,url,eventType,payload', url });
    }
  });

  it('refuses a url for what is not a prepared input with a url of its own', () => {
    expect(() => withInputUrl({ url: 'https://hooks.acme-shop.io/a' }, 'https://hooks.acme-shop.io/b')).toThrow(TypeError);
    expect(() => withInputUrl(preparedInput({ payload: {} }), 'https://hooks.acme-shop.io/b')).toThrow(/no url/);
    expect(() => withInputUrl(withInputUrl(preparedInput({ url: 'a' }), 'b'), 'c')).toThrow(TypeError);
  });
});
