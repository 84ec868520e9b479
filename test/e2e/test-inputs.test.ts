// What the user controls in a run: webhook.env, built-in samples and variants, payload files.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { FIXTURES } from '../support/fixtures.js';

const MAPPING = `import { defineMapping, skip } from 'dodo-transform';

export default defineMapping({
  url: 'https://api.acme-shop.io/v1/events',
  events: {
    'payment.succeeded': (event, webhook) => ({
      headers: { Authorization: \`Bearer \${webhook.env?.['API_TOKEN']}\` },
      payload: { id: event.data.payment_id },
    }),
    'refund.succeeded': (event, webhook) => {
      const token = webhook.env?.['API_TOKEN'];
      if (!token) return skip();
      return { headers: { Authorization: \`Bearer \${token}\` }, payload: { id: event.data.refund_id } };
    },
  },
});
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dodo-transform-inputs-'));
  await writeFile(join(dir, 'package.json'), '{ "name": "inputs", "type": "module" }\n');
  await mkdir(join(dir, 'mappings'));
  await writeFile(join(dir, 'mappings', 'api.ts'), MAPPING);
});

type Json = { findings: { code: string; severity: string; sample?: string; message: string }[]; summaries: { events: { event: string; runs: number; cancelled: number }[] }[] };

describe('webhook.env', () => {
  it('without env, "Bearer undefined" in a header is an error', async () => {
    const run = await runCli(['validate', 'mappings/api.ts', '-e', 'payment.succeeded', 'refund.succeeded', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Json;
    expect(new Set(report.findings.map((f) => `${f.code} ${f.severity}`))).toEqual(new Set(['undefined-in-request error']));
  });

  it('--env runs every sample with and without env; what breaks without it is env-missing', async () => {
    const run = await runCli(['validate', 'mappings/api.ts', '-e', 'payment.succeeded', 'refund.succeeded', '--env', 'API_TOKEN=tok_test', '--reporter', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Json;
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f).toMatchObject({ code: 'env-missing', severity: 'warning' });
      expect(f.sample).toMatch(/^builtin\/[a-z-]+ \(no env\)$/);
      expect(f.message).toContain('webhook.env.API_TOKEN');
      expect(f.message).toContain('the runtime may omit env');
    }
    // The guarded event is cancelled without env and runs with it: no finding, but tested.
    const refund = report.summaries[0]!.events.find((e) => e.event === 'refund.succeeded')!;
    expect(refund.runs).toBe(2 * refund.cancelled);
  });

  it('a snippet that never reads env gets no env-missing, and one that reads one of two variables names that one', async () => {
    // Broken whatever env holds (GET): that is its own error, not env-missing.
    const noEnv = `function handler(webhook) {\n  webhook.method = 'GET';\n  webhook.url = 'https://hooks.acme-shop.io/x';\n  webhook.headers = { 'X-Source': 'dodo' };\n  webhook.payload = { amount: String(webhook.payload.data.total_amount) };\n  return webhook;\n}\n`;
    const oneOfTwo = noEnv.replace("'X-Source': 'dodo'", "'X-Key': webhook.env.KEY_A.trim()");
    await writeFile(join(dir, 'no-env.js'), noEnv);
    await writeFile(join(dir, 'one-of-two.js'), oneOfTwo);
    const codes = async (file: string) => {
      const run = await runCli(['validate', file, '-e', 'payment.succeeded', '--env', 'KEY_A=alpha_123456', '--env', 'KEY_B=beta_123456', '--reporter', 'json'], { cwd: dir });
      return (JSON.parse(run.stdout) as Json).findings.filter((f) => f.code === 'env-missing');
    };
    expect(await codes('no-env.js')).toEqual([]);
    const [first] = await codes('one-of-two.js');
    expect(first?.message).toMatch(/^without webhook\.env\.KEY_A the request breaks/);
  });

  it('without env, an empty "Bearer " header is env-missing with plain-JS advice; an error the env run has too is not blamed on env', async () => {
    // GET with a body: an error whatever env holds; the empty token is what env changes.
    const snippet = `function handler(webhook) {\n  webhook.method = 'GET';\n  webhook.url = 'https://hooks.acme-shop.io/x';\n  webhook.headers = { Authorization: 'Bearer ' + ((webhook.env || {}).KEY_A || '') };\n  webhook.payload = { id: webhook.payload.data.payment_id };\n  return webhook;\n}\n`;
    await writeFile(join(dir, 'empty-bearer.js'), snippet);
    const run = await runCli(['validate', 'empty-bearer.js', '-e', 'payment.succeeded', '--env', 'KEY_A=alpha_123456', '--reporter', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as Json;
    const missing = report.findings.filter((f) => f.code === 'env-missing');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing[0]!.message).toMatch(/^without webhook\.env\.KEY_A the request breaks \(its Authorization header carries no credentials\)/);
    expect(missing[0]!.message).toContain('{ webhook.cancel = true; return webhook; }');
    expect(missing.some((f) => /GET/.test(f.message))).toBe(false);
    // The shared error makes every run fail, with env or without.
    const events = report.summaries[0]!.events[0] as unknown as { runs: number; failed: number };
    expect(events.failed).toBe(events.runs);
  });

  it('env in the config is used, and --env wins over it (preview, check)', async () => {
    const project = await mkdtemp(join(tmpdir(), 'dodo-transform-env-'));
    await writeFile(join(project, 'package.json'), '{ "name": "env", "type": "module" }\n');
    await mkdir(join(project, 'mappings'));
    await writeFile(join(project, 'mappings', 'api.ts'), MAPPING);
    await writeFile(join(project, 'dodo-transform.config.ts'), "import { defineConfig } from 'dodo-transform';\nexport default defineConfig({ env: { API_TOKEN: 'tok_config' } });\n");
    const fromConfig = await runCli(['preview', 'mappings/api.ts', '-e', 'payment.succeeded'], { cwd: project });
    expect(fromConfig.stdout).toContain('Authorization: Bearer tok_config');
    expect(fromConfig.stderr).toContain('[env-missing]');
    expect(fromConfig.code).toBe(0);
    const fromFlag = await runCli(['preview', 'mappings/api.ts', '-e', 'payment.succeeded', '--env', 'API_TOKEN=tok_flag'], { cwd: project });
    expect(fromFlag.stdout).toContain('Authorization: Bearer tok_flag');
    expect((await runCli(['build'], { cwd: project })).code).toBe(0);
    const check = await runCli(['check', '--reporter', 'json'], { cwd: project });
    expect(check.code).toBe(0);
    expect(new Set((JSON.parse(check.stdout) as Json).findings.map((f) => f.code))).toEqual(new Set(['env-missing']));
    const bad = await runCli(['validate', 'mappings/api.ts', '--env', 'no-equals-sign'], { cwd: project });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('KEY=VALUE');
  });
});

describe('built-in samples', () => {
  it('samples lists every event type with its variants', async () => {
    const run = await runCli(['samples']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^payment\.succeeded\s+base, nullable-absent, currency-jpy, currency-kwd/m);
    expect(run.stdout).toMatch(/^dispute\.opened\s+.*dispute-amount-number/m);
    expect(run.stdout).toContain('48 event types');
  });

  it('samples show prints one as JSON; builtin/<variant> and <variant> both work', async () => {
    const base = await runCli(['samples', 'show', 'payment.succeeded']);
    expect(base.code).toBe(0);
    expect(JSON.parse(base.stdout)).toMatchObject({ type: 'payment.succeeded', data: { currency: 'USD' } });
    const jpy = await runCli(['samples', 'show', 'payment.succeeded', '--variant', 'builtin/currency-jpy']);
    expect(JSON.parse(jpy.stdout)).toMatchObject({ data: { currency: 'JPY' } });
    expect((await runCli(['samples', 'show', 'payment.succeeded', '--variant', 'currency-jpy'])).stdout).toBe(jpy.stdout);
  });

  it('unknown events and variants get a "did you mean" (exit 2)', async () => {
    const event = await runCli(['samples', 'show', 'payment.succeded']);
    expect(event.code).toBe(2);
    expect(event.stderr).toContain('did you mean "payment.succeeded"?');
    const variant = await runCli(['samples', 'show', 'payment.succeeded', '--variant', 'currency-jpx']);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toContain('did you mean "currency-jpy"?');
    const preview = await runCli(['preview', 'mappings/api.ts', '-e', 'payment.succeeded', '--variant', 'builtin/nulable-absent'], { cwd: dir });
    expect(preview.code).toBe(2);
    expect(preview.stderr).toContain('did you mean "nullable-absent"?');
  });

  it('preview --variant runs that variant', async () => {
    const run = await runCli(['preview', 'mappings/api.ts', '-e', 'refund.succeeded', '--variant', 'builtin/currency-kwd', '--env', 'API_TOKEN=t'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"id": "');
    const basic = await runCli(['preview', 'mappings/basic.ts', '-e', 'payment.succeeded', '--variant', 'currency-jpy'], { cwd: FIXTURES });
    expect(basic.stdout).toContain('"currency": "JPY"');
  });
});

describe('preview --payload', () => {
  const preview = async (name: string, content: string) => {
    await writeFile(join(dir, name), content);
    return runCli(['preview', 'mappings/api.ts', '--payload', name], { cwd: dir });
  };

  it('a wrong shape names the file and the JSON path of each problem', async () => {
    const run = await preview('shape.json', JSON.stringify({ type: 'payment.succeeded', business_id: 'b', timestamp: 'yesterday', data: { payload_type: 'Refund' } }));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('shape.json');
    expect(run.stderr).toContain('$.timestamp: expected an ISO 8601 timestamp');
    expect(run.stderr).toContain('$.data.payload_type: expected "Payment"');
    expect(run.stderr).not.toMatch(/TypeError|internal error/);
  });

  it('an unknown event type gets a "did you mean"; null, arrays and bad JSON are plain errors', async () => {
    const typo = await preview('typo.json', JSON.stringify({ type: 'payment.succeded' }));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('$.type');
    expect(typo.stderr).toContain('did you mean "payment.succeeded"?');
    for (const [name, text] of [['null.json', 'null'], ['array.json', '[1]'], ['broken.json', '{"type": ']]) {
      const run = await preview(name!, text!);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^error: ${name!.replace('.', '\\.')}: `));
      expect(run.stderr).not.toMatch(/TypeError|internal error/);
    }
  });
});
