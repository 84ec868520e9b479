// A declared destination: the card's URL is kept, placeholders are errors, the destination's checks
// run without a URL in the code, and the declaration survives into the committed snippet.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';
import { REPO_ROOT } from '../support/fixtures.js';

const project = tempProject;

const HEAD = "import { defineMapping } from 'dodo-transform';\n";
const slackMapping = (extra: string, text = 'event.data.payment_id') =>
  `${HEAD}export default defineMapping({\n  destination: 'slack',\n${extra}  events: {\n    'payment.succeeded': (event) => ({ payload: { text: ${text} } }),\n  },\n});\n`;
type Json = { findings: { code: string; file: string; line?: number; severity: string; message: string }[] };

describe('destination: in a mapping', () => {
  it('a placeholder url is one error at its line, in validate and check', async () => {
    const dir = await project({ 'mappings/alerts.ts': slackMapping("  url: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',\n") });
    const run = await runCli(['validate', 'mappings/alerts.ts', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const found = (JSON.parse(run.stdout) as Json).findings;
    expect(found.map((f) => `${f.code} ${f.file}:${f.line}`)).toEqual(['placeholder-url mappings/alerts.ts:4']);
    expect(found[0]!.message).toContain('the dashboard card supplies it');
  });

  it('a real-looking url where the card supplies one is card-url-overwritten', async () => {
    const dir = await project({ 'mappings/alerts.ts': slackMapping("  url: 'https://hooks.acme-shop.io/slack',\n") });
    const run = await runCli(['validate', 'mappings/alerts.ts', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as Json).findings.map((f) => `${f.code} ${f.line}`)).toEqual(['card-url-overwritten 4']);
  });

  it('without a url, the Slack schema checks the request all the same', async () => {
    const dir = await project({ 'mappings/alerts.ts': slackMapping('', "''") });
    const run = await runCli(['validate', 'mappings/alerts.ts', '--reporter', 'json', '-e', 'payment.succeeded'], { cwd: dir });
    const codes = new Set((JSON.parse(run.stdout) as Json).findings.map((f) => f.code));
    expect([...codes].some((c) => c.startsWith('slack.') || c === 'schema.invalid'), [...codes].join(', ')).toBe(true);
  });

  it('build writes the declaration into the snippet, and validate of that .js uses it', async () => {
    const dir = await project({
      'dodo-transform.config.ts': "export default { mappings: ['mappings/*.ts'], outDir: 'handlers' };\n",
      'mappings/alerts.ts': slackMapping(''),
    });
    const build = await runCli(['build'], { cwd: dir });
    expect(build.code, build.stderr).toBe(0);
    const snippet = await readFile(join(dir, 'handlers', 'alerts.js'), 'utf8');
    expect(snippet).toContain('// Destination: slack.');
    const ok = await runCli(['validate', 'handlers/alerts.js', '-e', 'payment.succeeded'], { cwd: dir });
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout + ok.stderr).toContain('→ slack');
    // The same snippet edited to send elsewhere: the header's destination makes it an error.
    await writeFile(join(dir, 'handlers', 'moved.js'), snippet.replace('function handler(webhook) {', "function handler(webhook) {\n  webhook.url = 'https://hooks.acme-shop.io/other';"));
    const moved = await runCli(['validate', 'handlers/moved.js', '-e', 'payment.succeeded', '--reporter', 'json'], { cwd: dir });
    expect(new Set((JSON.parse(moved.stdout) as Json).findings.map((f) => f.code))).toContain('card-url-overwritten');
  });

  it('an unknown destination is one error with a did-you-mean', async () => {
    const dir = await project({ 'mappings/alerts.ts': slackMapping('').replace("destination: 'slack'", "destination: 'slakc'") });
    const run = await runCli(['validate', 'mappings/alerts.ts', '--reporter', 'json'], { cwd: dir });
    const found = (JSON.parse(run.stdout) as Json).findings;
    expect(found.map((f) => `${f.code} ${f.line}`)).toEqual(['invalid-mapping 3']);
    expect(found[0]!.message).toContain('did you mean "slack"?');
  });
});

describe('hand-written snippets', () => {
  it('--destination runs the destination checks on a snippet that keeps the card\'s URL; a placeholder URL is an error', async () => {
    const dir = await project({
      'keep.js': "function handler(webhook) {\n  webhook.payload = { blocks: [{ type: 'sectionx' }] };\n  return webhook;\n}\n",
      'placeholder.js': "function handler(webhook) {\n  webhook.url = 'https://discord.com/api/webhooks/000000000000000000/XXXXXXXX';\n  webhook.payload = { content: 'hi' };\n  return webhook;\n}\n",
    });
    const keep = await runCli(['validate', 'keep.js', '--destination', 'slack', '-e', 'payment.succeeded', '--reporter', 'json'], { cwd: dir });
    expect((JSON.parse(keep.stdout) as Json).findings.map((f) => f.code)).toContain('slack.invalid-block-type');
    const without = await runCli(['validate', 'keep.js', '-e', 'payment.succeeded', '--reporter', 'json'], { cwd: dir });
    expect((JSON.parse(without.stdout) as Json).findings).toEqual([]);
    const placeholder = await runCli(['validate', 'placeholder.js', '-e', 'payment.succeeded'], { cwd: dir });
    expect(placeholder.code).toBe(1);
    expect(placeholder.stdout + placeholder.stderr).toMatch(/placeholder.*\[placeholder-url\]/);
  });
});

describe('templates', () => {
  it('the table says where each template\'s URL comes from', async () => {
    const run = await runCli(['templates']);
    expect(run.stdout).toMatch(/^slack +Slack; URL from the card;/m);
    expect(run.stdout).toMatch(/^segment +Segment; URL from the code;/m);
  });

  it('a reader that closes the pipe early ends the output without a stack trace', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'dodo-transform.js'), 'samples'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
