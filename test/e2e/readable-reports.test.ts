// Reports a person can read: findings, then the table of what ran, then one summary line.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from '../support/cli.js';
import { FIXTURES } from '../support/fixtures.js';

describe('validate and check reports', () => {
  it('findings first, the handled events only, then "N snippets, … in X s" last', async () => {
    const run = await runCli(['validate', 'mappings/basic.ts', 'seeds/customer-io-payment.js', '-e', 'payment.succeeded', 'refund.failed'], { cwd: FIXTURES });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^2 snippets, \d+ errors?(, \d+ warnings?)? in \d+\.\d s$/);
    const firstFinding = lines.findIndex((l) => l.includes('[customerio.invalid-action]'));
    const firstTable = lines.findIndex((l) => l.startsWith('mappings/basic.ts'));
    expect(firstFinding).toBeGreaterThanOrEqual(0);
    expect(firstFinding).toBeLessThan(firstTable);
    // basic.ts cancels refund.failed on every sample: not a row, one line says so.
    const basicTable = lines.slice(firstTable, lines.findIndex((l, i) => i > firstTable && l.startsWith('seeds/')));
    expect(basicTable.join('\n')).not.toMatch(/^\s+refund\.failed/m);
    expect(basicTable.join('\n')).toContain('1 other event cancelled on every sample (--all shows them)');
    const all = await runCli(['validate', 'mappings/basic.ts', '-e', 'payment.succeeded', 'refund.failed', '--all'], { cwd: FIXTURES });
    expect(all.stdout).toMatch(/^\s+refund\.failed\s+7\s+0\s+0\s+0\s+7$/m);
    expect(all.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 snippet, no problems in \d+\.\d s$/);
  });

  it('paths are relative to the cwd, in the table too', async () => {
    const run = await runCli(['validate', 'basic.ts', '-e', 'payment.succeeded'], { cwd: join(FIXTURES, 'mappings') });
    expect(run.stdout).toMatch(/^basic\.ts {2}→ segment$/m);
  });

  it('check says the snippets are fresh; --reporter github prints a summary on success', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const pretty = await runCli(['check'], { cwd: dir });
    expect(pretty.code).toBe(0);
    expect(pretty.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 snippets fresh, no problems in \d+\.\d s$/);
    const github = await runCli(['check', '--reporter', 'github'], { cwd: dir });
    expect(github).toMatchObject({ code: 0, stdout: '' });
    expect(github.stderr).toMatch(/^2 snippets fresh, no problems in \d+\.\d s\n$/);
  });

  it('bad-sample findings show the JSON path of the problem', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-bad-sample-'));
    await mkdir(join(dir, 'samples', 'payment.succeeded'), { recursive: true });
    await writeFile(join(dir, 'package.json'), '{ "name": "s", "type": "module" }\n');
    await writeFile(join(dir, 'samples', 'payment.succeeded', 'x.json'), JSON.stringify({ business_id: 'b', type: 'payment.succeeded', timestamp: 'now', data: { payload_type: 'Payment' } }));
    const run = await runCli(['validate', join(FIXTURES, 'mappings', 'basic.ts'), '-e', 'payment.succeeded', '--no-typecheck'], { cwd: dir });
    expect(run.stdout).toMatch(/samples\/payment\.succeeded\/x\.json {2}error {2}\$\.timestamp: expected an ISO 8601 timestamp.*\[bad-sample\]/);
  });
});

describe('usage', () => {
  it('-e with a typo gets a "did you mean", not the 48 names', async () => {
    for (const command of [['validate', 'mappings/basic.ts'], ['preview', 'mappings/basic.ts']]) {
      const run = await runCli([...command, '-e', 'payment.succeded'], { cwd: FIXTURES });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('did you mean "payment.succeeded"?');
      expect(run.stderr).not.toContain('subscription.renewed');
    }
  });

  it('--help of validate and preview points to `dodo-transform samples` instead of listing every event', async () => {
    for (const command of ['validate', 'preview']) {
      const run = await runCli([command, '--help']);
      expect(run.stdout).toContain('dodo-transform samples');
      expect(run.stdout).not.toContain('subscription.renewed');
    }
  });

  it('template names work where a file does: validate slack, preview slack', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-template-'));
    const validate = await runCli(['validate', 'slack', '-e', 'payment.succeeded'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/templates\/slack\.ts {2}→ slack/);
    expect(validate.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 snippet, no problems/);
    const preview = await runCli(['preview', 'slack', '-e', 'payment.succeeded'], { cwd: dir });
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^POST https:\/\/hooks\.slack\.com\/services\//);
    const typo = await runCli(['validate', 'slak'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "slack"?');
  });
});

describe('build', () => {
  it('removes the snippets it generated for deleted mappings, keeps hand-written ones, says so', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    await writeFile(join(dir, 'handlers', 'legacy.js'), 'function handler(webhook) { return webhook; }\n');
    await rm(join(dir, 'mappings', 'slack.ts'));
    const build = await runCli(['build'], { cwd: dir });
    expect(build.code).toBe(0);
    expect(build.stderr).toMatch(/removed handlers\/slack\.js/);
    expect(existsSync(join(dir, 'handlers', 'slack.js'))).toBe(false);
    expect(await readFile(join(dir, 'handlers', 'legacy.js'), 'utf8')).toContain('function handler');
    const check = await runCli(['check'], { cwd: dir });
    expect(check.code).toBe(0);
  });
});

describe('templates --json', () => {
  it('carries each template\'s whole summary', async () => {
    const run = await runCli(['templates', '--json']);
    const list = JSON.parse(run.stdout) as { name: string; summary: string; urlFrom: string }[];
    const slack = list.find((t) => t.name === 'slack')!;
    expect(slack.summary).toContain('Block Kit alerts');
    expect(slack.summary).toContain('it stays on the card, out of the code');
    expect(slack.urlFrom).toBe('card');
    expect(list.find((t) => t.name === 'segment')!.urlFrom).toBe('code');
    for (const t of list) expect(t.summary).toMatch(/[.)]$/);
  });

  it('a snippet that cancels every sample says nothing was checked and how to give it a sample', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-cancel-'));
    await writeFile(join(dir, 'gated.js'), 'function handler(webhook) {\n  if (!webhook.payload.data.metadata || !webhook.payload.data.metadata.click_id) { webhook.cancel = true; return webhook; }\n  webhook.url = "https://hooks.acme-shop.io/x";\n  return webhook;\n}\n');
    const run = await runCli(['validate', 'gated.js', '-e', 'payment.succeeded'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing was checked; if the snippet waits for webhook.env, give it with --env KEY=VALUE (or env in the config); if it waits for a field the built-in samples lack (a metadata key), add a sample that has it: samples/<event-type>/<name>.json');
  });
});

