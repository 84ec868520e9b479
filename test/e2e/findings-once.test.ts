// One cause, one finding: syntax errors, PATCH, missing Node globals; credentials in mappings;
// helper modules matched by the mappings glob.
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from '../support/cli.js';

const project = tempProject;

/** The `path:line:col  severity  message [code]` lines of a pretty report. */
const findingLines = (text: string) => text.split('\n').filter((l) => /\s(error|warning)\s.*\[[\w.-]+\]$/.test(l));
/** Errors and warnings the summary line counts ("3 snippets, 2 errors, 1 warning in 1.2 s", or "2 errors" for a compile). */
const summary = (text: string) => {
  const line = text.split('\n').filter((l) => /\b\d[\d,]* (errors?|warnings?)\b/.test(l) && !/\[[\w.-]+\]$/.test(l)).pop() ?? '';
  return [undefined, /(\d+) errors?/.exec(line)?.[1], /(\d+) warnings?/.exec(line)?.[1]];
};

const HEAD = "import { defineMapping } from 'dodo-transform';\n";

describe('findings said once', () => {
  it('a syntax error is one finding, not a bundle error and TypeScript codes', async () => {
    const dir = await project({ 'mappings/broken.ts': `${HEAD}const x = ;\nexport default defineMapping({\n  events: {\n    'payment.succeeded': (event) => ({ payload: { a: (1 } }),\n  },\n});\n` });
    const run = await runCli(['validate', 'mappings/broken.ts'], { cwd: dir });
    expect(run.code).toBe(1);
    const lines = findingLines(run.stdout + run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[bundle-error]');
    expect(run.stdout + run.stderr).toMatch(/\b1 error\b/);
  });

  it('PATCH is one warning, not one more per sample', async () => {
    const dir = await project({ 'mappings/patch.ts': `${HEAD}export default defineMapping({\n  url: 'https://api.acme-shop.io/x',\n  events: {\n    'payment.succeeded': (event) => ({ method: 'PATCH', payload: { id: event.data.payment_id } }),\n  },\n});\n` });
    const run = await runCli(['validate', 'mappings/patch.ts'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = findingLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('[patch-method]');
    expect(run.stdout).not.toContain('[invalid-method]');
    expect(run.stdout).toMatch(/1 warning/);
  });

  it('"npm i @types/node" never stands beside the finding that the runtime has no such global', async () => {
    const dir = await project({ 'mappings/globals.ts': `${HEAD}export default defineMapping({\n  url: 'https://api.acme-shop.io/x',\n  events: {\n    'payment.succeeded': (event) => ({ payload: { id: event.data.payment_id, k: String(process.env.X), r: typeof require } }),\n  },\n});\n` });
    const run = await runCli(['validate', 'mappings/globals.ts'], { cwd: dir });
    expect(run.code).toBe(1);
    const text = run.stdout + run.stderr;
    expect(text).not.toMatch(/TS2591|TS2580|TS2584|@types\/node/);
    expect(text).toContain('[unavailable-global]');
    // Nor a ReferenceError on every sample for what the static finding already says.
    expect(text).not.toContain('process is not defined');
    const lines = findingLines(text);
    const counted = summary(text);
    expect(Number(counted?.[1] ?? 0) + Number(counted?.[2] ?? 0)).toBe(lines.length);
  });

  it('summary counts equal the findings printed (grouped per sample)', async () => {
    const dir = await project({ 'mappings/bad.ts': `${HEAD}export default defineMapping({\n  url: 'https://api.acme-shop.io/x',\n  events: {\n    'payment.succeeded': (event) => ({ headers: { a: \`\${(event.data.metadata ?? {})['nope']}\` }, payload: {} }),\n  },\n});\n` });
    const run = await runCli(['validate', 'mappings/bad.ts', '-e', 'payment.succeeded'], { cwd: dir });
    const lines = findingLines(run.stdout);
    expect(lines).toHaveLength(1);
    expect(run.stdout).toMatch(/\b1 error\b/);
    const github = await runCli(['validate', 'mappings/bad.ts', '-e', 'payment.succeeded', '--reporter', 'github'], { cwd: dir });
    expect(github.stdout.trim().split('\n')).toHaveLength(1);
    expect(github.stderr).toMatch(/\b1 error\b/);
  });
});

describe('credential-literal in mappings', () => {
  const SLACK = 'https://hooks.slack.com/services/T04ABCD1234/B05EFGH5678/' + 'aZ3kP9qL2mX7vB4nR8tY1wE6';
  const mapping = `${HEAD}export default defineMapping({\n  events: {\n    'payment.succeeded': (event) => ({\n      url: '${SLACK}',\n      payload: { text: event.data.payment_id },\n    }),\n  },\n});\n`;

  it('is a warning at the TypeScript line in generate handler, build, validate and check', async () => {
    const dir = await project({ 'mappings/slack.ts': mapping });
    const generate = await runCli(['generate', 'handler', 'mappings/slack.ts'], { cwd: dir });
    expect(generate.code).toBe(0);
    expect(generate.stderr).toMatch(/mappings\/slack\.ts:5:\d+ {2}warning {2}this string looks like a Slack webhook URL.*\[credential-literal\]/);
    const build = await runCli(['build'], { cwd: dir });
    expect(build.code).toBe(0);
    expect(build.stderr).toMatch(/mappings\/slack\.ts:5:\d+ {2}warning .*\[credential-literal\]/);
    for (const args of [['validate', 'mappings/slack.ts', '-e', 'payment.succeeded'], ['check']]) {
      const run = await runCli([...args, '--reporter', 'json'], { cwd: dir });
      const report = JSON.parse(run.stdout) as { findings: { code: string; file: string; line?: number }[] };
      expect(report.findings.filter((f) => f.code === 'credential-literal').map((f) => `${f.file}:${f.line}`)).toContain('mappings/slack.ts:5');
    }
  });

  it('placeholders and the tool\'s own modules are not credentials', async () => {
    const dir = await project({ 'mappings/slack.ts': mapping.replace(SLACK, 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX') });
    const run = await runCli(['generate', 'handler', 'mappings/slack.ts'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});

describe('helper modules matched by the mappings glob', () => {
  it('say that a mapping needs a default export and where helpers belong', async () => {
    const dir = await project({ 'mappings/format.ts': 'export function fmt(x: number): string { return String(x); }\n' });
    const run = await runCli(['build'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('mappings/format.ts');
    expect(run.stderr).toContain('export default defineMapping');
    expect(run.stderr).toContain('mappings/lib/');
    expect(run.stderr).not.toContain('No matching export');
  });
});
