// --reporter html on the command line: the file, the terminal output beside it, and one-line errors.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from '../support/cli.js';
import { FIXTURES } from '../support/fixtures.js';

describe('validate --reporter html', () => {
  it('writes the report and still prints the pretty table on the terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-html-'));
    const run = await runCli(['validate', 'slack', '--event', 'payment.succeeded', '--reporter', 'html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('payment.succeeded');
    expect(run.stdout).toMatch(/1 snippet, no problems/);
    expect(run.stderr).toBe('wrote the HTML report to dodo-transform-report.html\n');
    const html = await readFile(join(dir, 'dodo-transform-report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('templates/slack.ts');
    // Written by rename: no temporary file is left beside it.
    expect(await readdir(dir)).toEqual(['dodo-transform-report.html']);
  });

  it('combines with --reporter json: stdout stays the JSON report, without the kept results', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-html-'));
    const run = await runCli(['validate', 'discord', '-e', 'payment.succeeded', '--reporter', 'json,html', '--out', 'r.html'], { cwd: dir });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { summaries: Record<string, unknown>[] };
    expect(Object.keys(json.summaries[0]!)).toEqual(['file', 'destinations', 'events']);
    expect(await readFile(join(dir, 'r.html'), 'utf8')).toContain('dc-embed');
  });

  it('check writes it too, beside the github annotations, with the stale snippet as a finding', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const slack = join(dir, 'handlers', 'slack.js');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(slack, `${await readFile(slack, 'utf8')}\n// edited\n`);
    const run = await runCli(['check', '--reporter', 'github', '--reporter', 'html'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('title=dodo-transform stale-snippet');
    expect(run.stderr).toContain('wrote the HTML report to dodo-transform-report.html\n');
    const html = await readFile(join(dir, 'dodo-transform-report.html'), 'utf8');
    expect(html).toContain('stale-snippet');
    expect(html).toContain('data-file="mappings/slack.ts"');
    expect(html).toContain('class="card pass"');
  });

  it('says in one line when the file cannot be written, and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dodo-html-'));
    await mkdir(join(dir, 'out'));
    const missing = await runCli(['validate', 'slack', '-e', 'payment.succeeded', '--reporter', 'html', '--out', 'nope/r.html'], { cwd: dir });
    expect({ code: missing.code, stderr: missing.stderr }).toEqual({ code: 2, stderr: 'error: cannot write the HTML report to nope/r.html: the folder nope does not exist\n' });
    const folder = await runCli(['validate', 'slack', '-e', 'payment.succeeded', '--reporter', 'html', '--out', 'out'], { cwd: dir });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/^error: cannot write the HTML report to out: it is a directory[^\n]*\n$/);
    expect(await readdir(dir)).toEqual(['out']);
    expect(await readdir(join(dir, 'out'))).toEqual([]);
    // A file of the project's is never replaced by the report; an earlier .html report is.
    await writeFile(join(dir, 'keep.js'), 'function handler(webhook) { return webhook; }\n');
    const source = await runCli(['validate', 'keep.js', '-e', 'payment.succeeded', '--reporter', 'html', '--out', 'keep.js'], { cwd: dir });
    expect(source.code).toBe(2);
    expect(source.stderr).toMatch(/^error: cannot write the HTML report to keep\.js: that file exists and is not an \.html file/);
    expect(await readFile(join(dir, 'keep.js'), 'utf8')).toBe('function handler(webhook) { return webhook; }\n');
    await writeFile(join(dir, 'old.html'), 'old');
    expect((await runCli(['validate', 'slack', '-e', 'payment.succeeded', '--reporter', 'html', '--out', 'old.html'], { cwd: dir })).code).toBe(0);
    expect(await readFile(join(dir, 'old.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('rejects --out without html, two terminal reporters, and unknown names', async () => {
    const out = await runCli(['validate', 'slack', '--out', 'r.html']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--out names the HTML report\'s file: add --reporter html');
    const two = await runCli(['check', '--reporter', 'json', '--reporter', 'github']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('choose one terminal reporter, not json and github');
    const typo = await runCli(['validate', 'slack', '--reporter', 'htm']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "html"?');
  });
});
