import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { watch } from '../../src/cli/commands/watch.js';
import type { CliIo } from '../../src/cli/io.js';
import { resolveConfig } from '../../src/config/resolve-config.js';
import type { CycleResult } from '../../src/cli/watch/watch-session.js';
import { checkProject } from '../../src/project/check-project.js';
import { copyFixture } from '../support/cli.js';
import { FIXTURES } from '../support/fixtures.js';

function fakeIo(cwd: string): CliIo & { err: () => string } {
  let err = '';
  return { cwd, env: {}, stdout: { write: () => true }, stderr: { write: (t: string) => { err += t; return true; } }, err: () => err };
}

/** Starts watch mode in-process; resolves each cycle result in turn. */
function startWatch(mode: 'build' | 'check', dir: string) {
  const io = fakeIo(dir);
  const controller = new AbortController();
  const cycles: CycleResult[] = [];
  const waiters: ((r: CycleResult) => void)[] = [];
  const done = watch(io, {
    mode, signal: controller.signal, loadConfig: () => resolveConfig({ cwd: dir }),
    onCycle: (r) => { cycles.push(r); waiters.shift()?.(r); },
  });
  const next = () => new Promise<CycleResult>((resolve) => waiters.push(resolve));
  return { io, next, first: next(), stop: async () => { controller.abort(); return done; }, cycles };
}

/** A copy of the basic project with its snippets built, as check mode expects them committed. */
async function builtProject(): Promise<string> {
  const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
  const b = startWatch('build', dir);
  await b.first;
  await b.stop();
  return dir;
}

async function editMapping(dir: string, name: string, from: string, to: string): Promise<void> {
  const file = join(dir, 'mappings', name);
  await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
}

describe('watch mode', () => {
  it('build --watch rebuilds only the mapping that changed and survives an error mid-edit', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    const w = startWatch('build', dir);
    const first = await w.first;
    expect(first.compiled).toEqual(['mappings/segment.ts', 'mappings/slack.ts']);
    expect(first.written.sort()).toEqual(['handlers/segment.js', 'handlers/slack.js']);

    const slack = join(dir, 'mappings', 'slack.ts');
    const original = await readFile(slack, 'utf8');
    let next = w.next();
    await writeFile(slack, original.replace('failed`', 'failed!`'));
    const second = await next;
    expect(second.compiled).toEqual(['mappings/slack.ts']);
    expect(await readFile(join(dir, 'handlers', 'slack.js'), 'utf8')).toContain('failed!`');

    next = w.next();
    await writeFile(slack, original.replace("'payment.failed'", "'payment.faild'"));
    const broken = await next;
    expect(broken.findings.map((f) => f.code)).toEqual(['unknown-event']);
    expect(await readFile(join(dir, 'handlers', 'slack.js'), 'utf8')).toContain('failed!`');

    next = w.next();
    await writeFile(slack, original);
    expect((await next).findings).toEqual([]);
    expect(await w.stop()).toBe(0);
    expect(w.io.err()).toContain('stopped watching');
  });

  it('build --watch says so when no mapping is left, and sees the mappings again when they come back', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    const w = startWatch('build', dir);
    await w.first;
    let next = w.next();
    await rename(join(dir, 'mappings'), join(dir, 'moved'));
    const empty = await next;
    expect(empty.compiled).toEqual([]);
    expect(w.io.err()).toContain('error: no mapping files match "mappings/*.ts"; waiting for one');
    next = w.next();
    await rename(join(dir, 'moved'), join(dir, 'mappings'));
    const back = await next;
    expect(back.compiled.sort()).toEqual(['mappings/segment.ts', 'mappings/slack.ts']);
    next = w.next();
    await editMapping(dir, 'slack.ts', 'failed`', 'failed again`');
    expect((await next).compiled).toEqual(['mappings/slack.ts']);
    expect(await readFile(join(dir, 'handlers', 'slack.js'), 'utf8')).toContain('failed again`');
    expect(await w.stop()).toBe(0);
  });

  it('check --watch re-checks after a change and reports a stale snippet', async () => {
    const dir = await builtProject();
    const w = startWatch('check', dir);
    expect((await w.first).findings).toEqual([]);
    const next = w.next();
    await editMapping(dir, 'segment.ts', "'Order Completed'", "'Order Placed'");
    const result = await next;
    expect(result.compiled).toEqual(['mappings/segment.ts']);
    expect(result.findings.map((f) => `${f.code} ${f.file}`)).toEqual(['stale-snippet handlers/segment.js']);
    expect(await w.stop()).toBe(0);
  });

  it('check --watch reports a type error of the edited mapping (the type check runs beside the samples)', async () => {
    const dir = await builtProject();
    const w = startWatch('check', dir);
    expect((await w.first).findings).toEqual([]);
    const next = w.next();
    await editMapping(dir, 'slack.ts', 'event.data.payment_id', 'event.data.no_such_field');
    const result = await next;
    expect(result.compiled).toEqual(['mappings/slack.ts']);
    const codes = result.findings.filter((f) => f.file === 'mappings/slack.ts').map((f) => f.code);
    expect(codes).toContain('type-error');
    expect(result.findings.find((f) => f.code === 'type-error')!.message).toContain('no_such_field');
    expect(await w.stop()).toBe(0);
  });

  it('check --watch fails a broken hand-written snippet in outDir exactly as check does', async () => {
    const dir = await builtProject();
    await writeFile(join(dir, 'handlers', 'legacy.js'), 'function handler(webhook) { return webhook.payload.nope.deeper; }\n');
    const once = await checkProject({ config: await resolveConfig({ cwd: dir }), mappings: [join(dir, 'mappings', 'segment.ts'), join(dir, 'mappings', 'slack.ts')] });
    const expected = once.report.findings.map((f) => `${f.code} ${f.file} ${f.event ?? ''} ${f.sample ?? ''}`);
    expect(expected.length).toBeGreaterThan(10);
    expect(new Set(once.report.findings.map((f) => f.file))).toEqual(new Set(['handlers/legacy.js']));
    const w = startWatch('check', dir);
    const first = await w.first;
    expect(first.findings.map((f) => `${f.code} ${f.file} ${f.event ?? ''} ${f.sample ?? ''}`).sort()).toEqual([...expected].sort());
    // Ctrl-C ends a watch session with 0 whatever the last run found.
    expect(await w.stop()).toBe(0);
  });
});
