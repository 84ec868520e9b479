import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures.js';

const tscBinary = join(dirname(createRequire(join(REPO_ROOT, 'package.json')).resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`)), 'lib', 'tsc');

/** A project that depends on dodo-transform the way npm installs it (a folder in node_modules). */
async function consumer(source: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-consumer-'));
  await mkdir(join(dir, 'node_modules'));
  await symlink(REPO_ROOT, join(dir, 'node_modules', 'dodo-transform'), 'dir');
  await writeFile(join(dir, 'package.json'), '{"name":"consumer","type":"module"}');
  await writeFile(join(dir, 'index.ts'), source);
  return dir;
}

async function typecheck(dir: string): Promise<string> {
  try {
    await promisify(execFile)(tscBinary, ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', '', 'index.ts'], { cwd: dir });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('the published types, as a consumer project sees them', () => {
  it('type-checks the public API and the builders subpath', async () => {
    const dir = await consumer(`import { compile, defineMapping, toMajorUnits, type DodoEvent } from 'dodo-transform';
import { slackMessage } from 'dodo-transform/destinations';
export const mapping = defineMapping({ events: { 'payment.succeeded': (e: DodoEvent<'payment.succeeded'>) => ({ payload: slackMessage({ text: String(toMajorUnits(e.data.total_amount, e.data.currency)) }) }) } });
export const run = () => compile({ root: '.', mappings: [] });
`);
    expect(await typecheck(dir)).toBe('');
  });

  it('still reports a consumer mistake (the types are real, not any)', async () => {
    const dir = await consumer(`import { defineMapping } from 'dodo-transform';
export default defineMapping({ events: { 'payment.succeeded': (e) => ({ payload: e.data.customer.emial }) } });
`);
    expect(await typecheck(dir)).toContain("Property 'emial' does not exist");
  });
});
