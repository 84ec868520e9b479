import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli } from '../support/cli.js';
import { FIXTURES, REPO_ROOT } from '../support/fixtures.js';

describe('dodo-transform (spawned)', () => {
  it('--help lists the commands and the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run).toMatchSnapshot();
  });

  it('generate handler --help shows an example', async () => {
    const run = await runCli(['generate', 'handler', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('$ dodo-transform generate handler --template segment');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('generate handler --template segment prints the embedded default', async () => {
    const run = await runCli(['generate', 'handler', '--template', 'segment']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    // The same bytes as the template's committed snippet (test/templates/all-templates.test.ts keeps it current).
    expect(run.stdout).toBe(await readFile(join(REPO_ROOT, 'test', '__snapshots__', 'templates', 'segment.js'), 'utf8'));
  });

  it('output does not depend on cwd, time zone or locale', async () => {
    const a = await runCli(['generate', 'handler', 'mappings/basic.ts'], { cwd: FIXTURES });
    const b = await runCli(['generate', 'handler', join(FIXTURES, 'mappings', 'basic.ts')], {
      cwd: join(FIXTURES, 'mappings', 'lib'),
      env: { TZ: 'Pacific/Kiritimati', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' },
    });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a type error: path:line:col, code frame, exit 1, nothing on stdout', async () => {
    const run = await runCli(['generate', 'handler', 'invalid/typo-event.ts'], { cwd: FIXTURES });
    expect(run).toMatchSnapshot();
  });

  it('an unknown template is a usage error with a suggestion (exit 2)', async () => {
    const run = await runCli(['generate', 'handler', '--template', 'segmnt']);
    expect(run.code).toBe(2);
    const available = (await readdir(join(REPO_ROOT, 'templates'))).map((f) => f.replace(/\.ts$/, '')).sort().join(', ');
    expect(run.stderr).toBe(`error: unknown template "segmnt"; did you mean "segment"? Available: ${available}\n`);
    const none = await runCli(['generate', 'handler', '--template', 'qqqq']);
    expect(none.stderr).toBe(`error: unknown template "qqqq". Available: ${available}\n`);
  });

  it('an invalid flag value is a usage error (exit 2)', async () => {
    const run = await runCli(['generate', 'handler', '--template', 'segment', '--target', 'es5']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'es5' is invalid");
  });

  it('a bad config lists every problem as path: message (exit 2)', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 'dodo-transform.config.ts'), "export default { mapings: 'x', target: 'es5', outDir: 3 };\n");
    const run = await runCli(['build'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.replace(dir, '<dir>')).toBe([
      'error: <dir>/dodo-transform.config.ts: invalid config',
      '  outDir: must be a path (a string)',
      '  target: must be one of es2015, es2016, es2017, es2018, es2019, es2020, es2021, es2022',
      '  mapings: unknown option; did you mean "mappings"?',
      '',
    ].join('\n'));
  });

  it('config mappings may use **/ patterns, but neither they nor samples may reach outside the project', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 'dodo-transform.config.ts'), "export default { mappings: ['mappings/**/*.ts'] };\n");
    const ok = await runCli(['build'], { cwd: dir });
    expect(ok.stderr).toMatch(/✓ handlers\/segment\.js/);
    expect(ok.code).toBe(0);
    await writeFile(join(dir, 'dodo-transform.config.ts'), "export default { mappings: ['mappings/*.ts', '../x/*.ts'], samples: '/etc' };\n");
    const run = await runCli(['check'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ {2}mappings\.1: must match files inside the project/);
    expect(run.stderr).toMatch(/ {2}samples: must be a folder inside the project/);
  });

  it('a config that throws while loading is named with the line it threw at', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 'dodo-transform.config.ts'), "const x: any = null;\n\nexport default { mappings: x.y };\n");
    const run = await runCli(['build'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/dodo-transform\.config\.ts:3:\d+: the config threw while loading: TypeError: Cannot read properties of null/);
  });

  it('a mapping whose bad value makes a built-in helper throw is told at its own line, naming the helper', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 'mappings', 'refund.ts'), [
      "import { defineMapping, formatMoney } from 'dodo-transform';",
      'export default defineMapping({',
      "  url: 'https://hooks.acme-shop.io/refunds',",
      "  events: { 'refund.succeeded': (event) => ({ payload: {",
      '    shown: formatMoney(event.data.amount!, event.data.currency!),',
      '  } }) },',
      '});',
      '',
    ].join('\n'));
    const run = await runCli(['validate', 'mappings/refund.ts', '--reporter', 'json'], { cwd: dir });
    const errors = (JSON.parse(run.stdout) as { findings: { code: string; file: string; line?: number; message: string }[] }).findings.filter((f) => f.code === 'runtime-error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect([f.file, f.line]).toEqual(['mappings/refund.ts', 5]);
      expect(f.message).toMatch(/thrown inside formatMoney, a dodo-transform helper, called here/);
    }
  });

  it('generate handler gives the same snippet from the project, a subfolder or outside it', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    const inside = await runCli(['generate', 'handler', 'mappings/segment.ts'], { cwd: dir });
    const below = await runCli(['generate', 'handler', 'segment.ts'], { cwd: join(dir, 'mappings') });
    const above = await runCli(['generate', 'handler', join(basename(dir), 'mappings', 'segment.ts')], { cwd: dirname(dir) });
    expect(inside.code).toBe(0);
    expect(inside.stdout).toMatch(/from mappings\/segment\.ts\./);
    expect(below.stdout).toBe(inside.stdout);
    expect(above.stdout).toBe(inside.stdout);
  });

  it('preview judges the request as validate does: amount / 100 on the JPY variant is wrong-decimals', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 's.js'), 'function handler(webhook) {\n  webhook.url = "https://api.segment.io/v1/track";\n  webhook.payload = { userId: "u", event: "Order Completed", properties: { revenue: webhook.payload.data.total_amount / 100 } };\n  return webhook;\n}\n');
    const jpy = await runCli(['preview', 's.js', '-e', 'payment.succeeded', '--variant', 'currency-jpy'], { cwd: dir });
    expect(jpy.code).toBe(1);
    expect(jpy.stderr).toMatch(/error {2}44\.99 is total_amount .* JPY has 0 decimals.*\[wrong-decimals\]/);
    const usd = await runCli(['preview', 's.js', '-e', 'payment.succeeded'], { cwd: dir });
    expect(usd.code).toBe(0);
  });

  it('preview --destination gives a .js snippet its card URL, and names a typo', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    await writeFile(join(dir, 's.js'), 'function handler(webhook) {\n  webhook.payload = { text: "Paid" };\n  return webhook;\n}\n');
    const run = await runCli(['preview', 's.js', '-e', 'payment.succeeded', '--destination', 'slack'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^POST https:\/\/hooks\.slack\.com\/services\//);
    const typo = await runCli(['preview', 's.js', '-e', 'payment.succeeded', '--destination', 'slak'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean "slack"\?/);
  });

  it('build writes every mapping to handlers/<name>.js', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    const run = await runCli(['build'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/✓ handlers\/segment\.js {2}2 events, \d+ characters\n✓ handlers\/slack\.js {2}1 event, \d+ characters\n/);
    expect(await readFile(join(dir, 'handlers', 'slack.js'), 'utf8')).toMatch(/^\/\/ Generated by dodo-transform .* from mappings\/slack\.ts\./);
  });

  it('a failed build leaves every previous snippet intact', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    expect((await runCli(['build'], { cwd: dir })).code).toBe(0);
    const before = await readFile(join(dir, 'handlers', 'segment.js'), 'utf8');
    await writeFile(join(dir, 'mappings', 'segment.ts'), (await readFile(join(dir, 'mappings', 'segment.ts'), 'utf8')).replace('Order Completed', 'Order Done'));
    await writeFile(join(dir, 'mappings', 'slack.ts'), "import { defineMapping } from 'dodo-transform';\nexport default defineMapping({ events: { 'payment.faild': () => ({ payload: {} }) } });\n");
    const run = await runCli(['build'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('build failed: no snippet was written');
    expect(await readFile(join(dir, 'handlers', 'segment.js'), 'utf8')).toBe(before);
  });

  it('generate handler --out writes the file and prints nothing on stdout', async () => {
    const dir = await copyFixture(join(FIXTURES, 'projects', 'basic'));
    const run = await runCli(['generate', 'handler', 'mappings/slack.ts', '--out', 'out/slack.js', '--minify', '--no-typecheck'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(join(dir, 'out', 'slack.js'))).toBe(true);
    // Two snippets need a folder: a file name is refused, not made into a folder.
    const two = await runCli(['generate', 'handler', 'mappings/slack.ts', 'mappings/segment.ts', '--out', 'two.js', '--no-typecheck'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/--out two\.js names a file, but 2 snippets were compiled/);
    expect(existsSync(join(dir, 'two.js'))).toBe(false);
  });

  it('colour follows NO_COLOR and FORCE_COLOR', async () => {
    const plain = await runCli(['generate', 'handler', 'invalid/typo-event.ts', '--no-typecheck'], { cwd: FIXTURES });
    const forced = await runCli(['generate', 'handler', 'invalid/typo-event.ts', '--no-typecheck'], { cwd: FIXTURES, env: { FORCE_COLOR: '1' } });
    expect(plain.stderr).not.toContain('\u001b[');
    expect(forced.stderr).toContain('\u001b[31merror');
  });
});
