import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILTIN_SAMPLES, loadSampleFiles } from '../../src/samples/index.js';
import { parseJson } from '../../src/samples/json-error.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dodo-samples-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(relative: string, content: unknown): Promise<string> {
  const file = path.join(dir, relative);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

describe('loadSampleFiles', () => {
  it('names a number too large for JavaScript (1e400 would read as Infinity and be sent as null)', async () => {
    const text = JSON.stringify(BUILTIN_SAMPLES['payment.succeeded']).replace(/"total_amount":\d+/, '"total_amount":1e400');
    await put('payment.succeeded/huge.json', text);
    const { samples, problems } = await loadSampleFiles(dir);
    expect(samples).toEqual([]);
    expect(problems.map((p) => [p.jsonPath, p.message.split(' (')[0]])).toEqual([['$.data.total_amount', 'a number too large for JavaScript']]);
  });

  it('uses samples up to 32 MB in all, and names each file past that', async () => {
    const big = (name: string) => ({ ...BUILTIN_SAMPLES['payment.succeeded'], note: name.repeat(3.5 * 1024 * 1024 / name.length) });
    for (let i = 0; i < 10; i++) await put(`payment.succeeded/s${i}.json`, big(`s${i}`));
    const { samples, problems } = await loadSampleFiles(dir);
    expect(samples.length).toBe(9);
    expect(problems.map((p) => [path.basename(p.file), p.message.split(':')[0]])).toEqual([['s9.json', 'not used']]);
  });


  it('loads good files in sorted order', async () => {
    const refund = await put('refund.succeeded/b.json', BUILTIN_SAMPLES['refund.succeeded']);
    const first = await put('payment.succeeded/a.json', BUILTIN_SAMPLES['payment.succeeded']);
    const second = await put('payment.succeeded/b.json', BUILTIN_SAMPLES['payment.succeeded']);
    await put('payment.succeeded/notes.md', '# not a sample');
    const { samples, problems } = await loadSampleFiles(dir);
    expect(problems).toEqual([]);
    expect(samples.map((s) => [s.file, s.eventType])).toEqual([
      [first, 'payment.succeeded'],
      [second, 'payment.succeeded'],
      [refund, 'refund.succeeded'],
    ]);
    expect(samples[0]?.event).toEqual(BUILTIN_SAMPLES['payment.succeeded']);
  });

  it('returns nothing for a missing directory', async () => {
    expect(await loadSampleFiles(path.join(dir, 'nope'))).toEqual({ samples: [], problems: [] });
  });

  it('reports where a file stops being JSON', async () => {
    const file = await put('payment.failed/broken.json', '{\n  "type": "payment.failed",\n  "data": {,}\n}');
    const { samples, problems } = await loadSampleFiles(dir);
    expect(samples).toEqual([]);
    expect(problems).toEqual([
      { file, jsonPath: '$', message: 'not valid JSON at line 3, column 12: expected a double-quoted string, found ","' },
    ]);
  });

  it('reports wrong shapes by JSON path', async () => {
    const file = await put('payment.succeeded/shape.json', {
      type: 'payment.succeeded',
      timestamp: '4 August 2025',
      data: { payload_type: 'Subscription', customer: {} },
    });
    const { samples, problems } = await loadSampleFiles(dir);
    expect(samples).toEqual([]);
    expect(problems).toEqual([
      { file, jsonPath: '$.business_id', message: 'missing; expected a string' },
      {
        file,
        jsonPath: '$.timestamp',
        message: 'expected an ISO 8601 timestamp like "2025-08-04T05:30:45.182629Z", got "4 August 2025"',
      },
      { file, jsonPath: '$.data.payload_type', message: 'expected "Payment" for payment.succeeded events, got "Subscription"' },
    ]);
  });

  it('rejects a file that is not an object, and data that is not one', async () => {
    await put('dunning.started/array.json', [1, 2]);
    await put('dunning.started/no-data.json', { ...BUILTIN_SAMPLES['dunning.started'], data: 'x' });
    const { problems } = await loadSampleFiles(dir);
    expect(problems.map((p) => [path.basename(p.file), p.jsonPath, p.message])).toEqual([
      ['array.json', '$', 'expected an object, got an array'],
      ['no-data.json', '$.data', 'expected an object, got a string'],
    ]);
  });

  it('names an unknown event folder and suggests the right one', async () => {
    const folder = path.dirname(await put('payment.succeded/a.json', BUILTIN_SAMPLES['payment.succeeded']));
    await put('invoice.paid/a.json', {});
    const { samples, problems } = await loadSampleFiles(dir);
    expect(samples).toEqual([]);
    expect(problems).toEqual([
      { file: path.join(dir, 'invoice.paid'), jsonPath: '$', message: 'folder "invoice.paid" is not a Dodo event type; did you mean "payment.succeeded"?' },
      {
        file: folder,
        jsonPath: '$',
        message: 'folder "payment.succeded" is not a Dodo event type; did you mean "payment.succeeded"?',
      },
    ]);
  });

  it('reports a type that does not match its folder, or is unknown', async () => {
    const moved = await put('payment.succeeded/moved.json', BUILTIN_SAMPLES['payment.failed']);
    const typo = await put('payment.succeeded/typo.json', { ...BUILTIN_SAMPLES['payment.succeeded'], type: 'payment.succeded' });
    const { samples, problems } = await loadSampleFiles(dir);
    expect(samples).toEqual([]);
    expect(problems).toEqual([
      { file: moved, jsonPath: '$.type', message: 'type "payment.failed" does not match its folder "payment.succeeded"' },
      {
        file: typo,
        jsonPath: '$.type',
        message: '"payment.succeded" is not a Dodo event type; did you mean "payment.succeeded"?',
      },
    ]);
  });

  it('flags sample files outside an event folder and skips dotfiles', async () => {
    const stray = await put('payment.json', BUILTIN_SAMPLES['payment.succeeded']);
    await put('.DS_Store', 'binary');
    await put('.git/config.json', '{}');
    const { problems } = await loadSampleFiles(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(stray);
    expect(problems[0]?.message).toContain(path.join(dir, 'payment.succeeded', 'payment.json'));
  });

  it('reports a samples path that is a file instead of throwing', async () => {
    const file = await put('samples.json', '{}');
    const { samples, problems } = await loadSampleFiles(file);
    expect(samples).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/^cannot read the samples directory: ENOTDIR/);
  });

  it('keeps messages short when a value is huge', async () => {
    await put('dunning.started/long.json', { ...BUILTIN_SAMPLES['dunning.started'], type: 'x'.repeat(5000) });
    const { problems } = await loadSampleFiles(dir);
    expect(problems.map((p) => p.message)).toEqual([`"${'x'.repeat(57)}..." is not a Dodo event type`]);
  });

  it('accepts a byte-order mark and offsets in timestamps', async () => {
    const event = { ...BUILTIN_SAMPLES['license_key.created'], timestamp: '2025-08-04T11:00:45.182+05:30' };
    await put('license_key.created/bom.json', `\uFEFF${JSON.stringify(event)}`);
    const { samples, problems } = await loadSampleFiles(dir);
    expect(problems).toEqual([]);
    expect(samples).toHaveLength(1);
  });
});

describe('parseJson', () => {
  it.each([
    ['', 1, 1, 'expected a JSON value, found end of input'],
    ['{"a": 1,}', 1, 9, 'expected a double-quoted string, found "}"'],
    ['[1 2]', 1, 4, "expected ',' or ']', found \"2\""],
    ['{"a": tru}', 1, 7, 'expected a JSON value, found "t"'],
    ['{"a": "x\\q"}', 1, 10, 'expected a valid escape sequence, found "q"'],
    ['{}\n\nx', 3, 1, 'expected end of input after the JSON value, found "x"'],
    ['{"a":\n  "open', 2, 8, 'expected \'"\' closing the string, found end of input'],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(parseJson(text)).toEqual({ ok: false, error: { line, column, message } });
  });

  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, -2.5e3, "\\u00e9", true, null]}')).toEqual({ ok: true, value: { a: [1, -2500, 'é', true, null] } });
  });
});
