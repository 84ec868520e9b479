import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { importSnippet } from '../../src/cli/commands/import-snippet.js';
import { convertSnippet } from '../../src/import/convert-snippet.js';
import { UserError } from '../../src/util/errors.js';
import { FIXTURES } from '../support/fixtures.js';

/** A CliIo that captures what the command prints. */
function createIo(cwd: string): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    env: {},
    stdout: { write: (text: string) => { out += text; } },
    stderr: { write: (text: string) => { err += text; } },
    out: () => out,
    err: () => err,
  };
}

let project: string;
let seed: string;

beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), 'dodo-transform-import-'));
  await writeFile(join(project, 'package.json'), '{ "name": "shop" }\n');
  await mkdir(join(project, 'legacy'));
  seed = await readFile(join(FIXTURES, 'seeds', 'segment-payment.js'), 'utf8');
  await writeFile(join(project, 'legacy', 'segment.js'), seed);
});

afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

describe('dodo-transform import', () => {
  it('writes mappings/<name>.ts under the project root and suggests the next command', async () => {
    const io = createIo(project);
    expect(await importSnippet(io, { file: 'legacy/segment.js' })).toBe(0);
    const written = await readFile(join(project, 'mappings', 'segment.ts'), 'utf8');
    expect(written).toBe(convertSnippet(seed, { fileName: 'segment.js' }).source);
    expect(io.out()).toBe('');
    expect(io.err()).toBe('wrote mappings/segment.ts\nnext: run `dodo-transform generate handler mappings/segment.ts` to see its type errors\n');
  });

  it('from a subfolder, still writes under the project root (the folder with package.json)', async () => {
    const io = createIo(join(project, 'legacy'));
    expect(await importSnippet(io, { file: 'segment.js' })).toBe(0);
    expect(existsSync(join(project, 'mappings', 'segment.ts'))).toBe(true);
    expect(io.err()).toContain(`wrote ${join(project, 'mappings', 'segment.ts')}\n`);
  });

  it('refuses to overwrite an existing file without --force, and overwrites it with --force', async () => {
    const target = join(project, 'mappings', 'segment.ts');
    await mkdir(join(project, 'mappings'));
    await writeFile(target, '// mine\n');
    const io = createIo(project);
    const refused = importSnippet(io, { file: 'legacy/segment.js' });
    await expect(refused).rejects.toThrow(UserError);
    await expect(refused).rejects.toThrow('mappings/segment.ts already exists; pass --force to overwrite it, or --out to write elsewhere');
    expect(await readFile(target, 'utf8')).toBe('// mine\n');
    expect(await importSnippet(io, { file: 'legacy/segment.js', force: true })).toBe(0);
    expect(await readFile(target, 'utf8')).toContain("'payment.succeeded': (event) => {");
  });

  it('--out - prints the module on stdout and writes nothing', async () => {
    const io = createIo(project);
    expect(await importSnippet(io, { file: 'legacy/segment.js', out: '-' })).toBe(0);
    expect(io.out()).toBe(convertSnippet(seed, { fileName: 'segment.js' }).source);
    expect(io.err()).toBe('save it as a .ts file, then: run `dodo-transform generate handler mappings/segment.ts` to see its type errors\n');
    expect(existsSync(join(project, 'mappings'))).toBe(false);
  });

  it('--out <file> writes there, relative to the working directory', async () => {
    const io = createIo(project);
    expect(await importSnippet(io, { file: 'legacy/segment.js', out: 'src/webhooks/segment-mapping.ts' })).toBe(0);
    expect(existsSync(join(project, 'src', 'webhooks', 'segment-mapping.ts'))).toBe(true);
    expect(io.err()).toContain('wrote src/webhooks/segment-mapping.ts\n');
  });

  it('prints one line per note on stderr, and exits 1 when some code could not be converted', async () => {
    await writeFile(join(project, 'legacy', 'partial.js'), `function handler(webhook) {
  if (webhook.eventType === 'subscription.created') webhook.payload = {};
  if (webhook.eventType === 'payment.succeeded') {
    webhook.payload = { id: webhook.payload.data.payment_id };
    webhook.payload.at = webhook.payload.timestamp;
  }
  return webhook;
}`);
    const io = createIo(project);
    expect(await importSnippet(io, { file: 'legacy/partial.js' })).toBe(1);
    const lines = io.err().split('\n');
    expect(lines[0]).toMatch(/^legacy\/partial\.js:2: "subscription\.created" is not a Dodo event type/);
    expect(lines[1]).toBe('legacy/partial.js:5: could not convert payment.succeeded: it reads webhook.payload after assigning it (a mapping only sees the webhook as it arrived)');
    expect(lines[2]).toBe('wrote mappings/partial.ts');
    expect(existsSync(join(project, 'mappings', 'partial.ts'))).toBe(true);
  });

  it('a snippet that cannot be read is a usage error', async () => {
    const missing = importSnippet(createIo(project), { file: 'legacy/missing.js' });
    await expect(missing).rejects.toBeInstanceOf(UserError);
    await expect(missing).rejects.toThrow(/^legacy\/missing\.js: no such file$/);
  });
});
