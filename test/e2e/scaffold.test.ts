import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/fixtures.js';

const tempDir = () => mkdtemp(join(tmpdir(), 'dodo-transform-init-'));

describe('templates, generate mapping and init (spawned)', () => {
  it('templates lists every template with its destination, events and credential', async () => {
    const run = await runCli(['templates', '--json']);
    expect(run.code).toBe(0);
    const list = JSON.parse(run.stdout) as { name: string; destination: string; events: string[]; credential: string }[];
    expect(list.map((t) => t.name)).toContain('customer-io');
    expect(list.find((t) => t.name === 'customer-io')).toMatchObject({ destination: 'Customer.io', credential: 'Site ID and API key' });
    for (const t of list) expect(t.events.length, t.name).toBeGreaterThan(0);
  });

  it('generate mapping writes an editable copy and refuses to overwrite without --force', async () => {
    const dir = await tempDir();
    const first = await runCli(['generate', 'mapping', '--template', 'slack'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(await readFile(join(dir, 'mappings', 'slack.ts'), 'utf8')).toBe(await readFile(join(REPO_ROOT, 'templates', 'slack.ts'), 'utf8'));
    await writeFile(join(dir, 'mappings', 'slack.ts'), '// mine\n');
    const again = await runCli(['generate', 'mapping', '--template', 'slack'], { cwd: dir });
    expect(again).toEqual({ code: 2, stdout: '', stderr: 'error: mappings/slack.ts already exists; pass --force to overwrite it, or --out to write elsewhere\n' });
    expect(await readFile(join(dir, 'mappings', 'slack.ts'), 'utf8')).toBe('// mine\n');
    expect((await runCli(['generate', 'mapping', '--template', 'slack', '--force'], { cwd: dir })).code).toBe(0);
  });

  it('init scaffolds a project that passes check immediately', async () => {
    const dir = await tempDir();
    const run = await runCli(['init', '--template', 'customer-io'], { cwd: dir });
    expect(run.code).toBe(0);
    for (const file of ['dodo-transform.config.ts', 'mappings/customer-io.ts', 'samples/payment.succeeded/example.json', 'tsconfig.json', 'handlers/customer-io.js']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toEqual({ build: 'dodo-transform build', check: 'dodo-transform check' });
    const check = await runCli(['check'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('mappings/customer-io.ts  → customer-io');
  });

  it('init keeps existing scripts and files: refuses without --force', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'shop', scripts: { build: 'vite build' } }));
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toEqual({ build: 'vite build', 'webhooks:build': 'dodo-transform build', check: 'dodo-transform check' });
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exist; pass --force to overwrite');
  });

  it("init never writes over a hand-written handlers/<template>.js or the project's own script names", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'shop', scripts: { build: 'tsc', 'webhooks:build': 'echo mine' } }));
    await mkdir(join(dir, 'handlers'));
    await writeFile(join(dir, 'handlers', 'segment.js'), '// my hand-written one\nfunction handler(webhook) { return webhook; }\n');
    const refused = await runCli(['init'], { cwd: dir });
    expect(refused).toMatchObject({ code: 2, stderr: 'error: handlers/segment.js already exists; pass --force to overwrite\n' });
    expect(await readFile(join(dir, 'handlers', 'segment.js'), 'utf8')).toMatch(/^\/\/ my hand-written one/);
    expect(existsSync(join(dir, 'mappings'))).toBe(false);
    await rm(join(dir, 'handlers'), { recursive: true });
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts).toEqual({ build: 'tsc', 'webhooks:build': 'echo mine', 'dodo-transform:build': 'dodo-transform build', check: 'dodo-transform check' });
  });
});
