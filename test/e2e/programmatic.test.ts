// The package's validate() and checkProject(): the same results as the commands, as data.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, validate } from '../../src/index.js';
import { copyFixture, runCli } from '../support/cli.js';
import { FIXTURES } from '../support/fixtures.js';

describe('programmatic use', () => {
  it('validate() reports a hand-written snippet like the validate command', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 'bad.js'), 'function handler(webhook) { return webhook.payload.nope.deeper; }\n');
    const report = await validate(['bad.js'], { cwd: dir, events: ['payment.succeeded'] });
    expect(report.summaries).toEqual([expect.objectContaining({ file: 'bad.js' })]);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((f) => f.code))).toEqual(new Set(['runtime-error']));
    const cli = await runCli(['validate', 'bad.js', '-e', 'payment.succeeded', '--reporter', 'json'], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout).findings).toEqual(report.findings);
  });

  it('validate() rejects an unusable argument with the file in the message', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await expect(validate(['mappings'], { cwd: dir })).rejects.toThrow(/mappings: is a directory/);
  });

  it('checkProject() finds what check finds', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    const before = await checkProject({ cwd: dir });
    expect(before.findings.map((f) => `${f.code} ${f.file}`).sort()).toEqual(['missing-snippet handlers/segment.js', 'missing-snippet handlers/slack.js']);
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    expect((await checkProject({ cwd: dir })).findings).toEqual([]);
  });
});
