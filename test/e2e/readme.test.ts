// The README tells the truth: its quickstart commands run, and its example output is what the tool prints.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { REPO_ROOT } from '../support/fixtures.js';

const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');

/** The fenced blocks of `lang` in the `## title` section. */
function blocks(title: string, lang: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${title}\n`)) ?? '';
  return [...section.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]!);
}

const BIN = `"${process.execPath}" "${join(REPO_ROOT, 'bin', 'dodo-transform.js')}"`;

/**
 * One shell line as a command to run here: `npx dodo-transform` is this checkout's bin;
 * installing is skipped (the tool is already here), and so is `npm test` (it is this suite).
 */
function toCommand(line: string): string | undefined {
  const code = line.replace(/\s+#.*$/, '').trim();
  if (!code) return undefined;
  const parts = code.split(/\s*&&\s*/).filter((p) => !/^npm (ci|install|i|test)\b/.test(p));
  if (parts.length === 0) return undefined;
  return parts.map((p) => p.replace(/^npx dodo-transform\b/, BIN)).join(' && ');
}

describe('README', () => {
  it('every quickstart command runs in a fresh project', async () => {
    const lines = blocks('Quickstart', 'sh').flatMap((b) => b.split('\n'));
    const commands = lines.map(toCommand).filter((c): c is string => c !== undefined);
    expect(commands.length).toBeGreaterThanOrEqual(5);
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-readme-'));
    await writeFile(join(dir, 'package.json'), '{ "name": "my-shop", "private": true, "type": "module" }\n');
    for (const command of commands) {
      const run = spawnSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, timeout: 120_000 });
      expect({ command, code: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ command, code: 0, stderr: '' });
    }
  }, 300_000);

  it('the example snippet is what generate handler prints for the example mapping', async () => {
    const section = readme.split(/^## /m).find((s) => s.startsWith('A mapping and the snippet it compiles to\n'))!;
    const mapping = /`mappings\/segment\.ts`:\n\n```ts\n([\s\S]*?)^```$/m.exec(section)![1]!;
    const snippet = /```js\n([\s\S]*?)^```$/m.exec(section)![1]!;
    const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-readme-example-'));
    await writeFile(join(dir, 'package.json'), '{ "name": "example", "type": "module" }\n');
    await mkdir(join(dir, 'mappings'));
    await writeFile(join(dir, 'mappings', 'segment.ts'), mapping);
    const run = await runCli(['generate', 'handler', 'mappings/segment.ts'], { cwd: dir });
    expect(run.code).toBe(0);
    // Abridged: every README line that is not a "…" stand-in appears in the output, in order.
    const output = run.stdout.split('\n');
    let at = 0;
    for (const line of snippet.trimEnd().split('\n')) {
      if (line.includes('…') || line.trim() === '') continue;
      const found = output.indexOf(line, at);
      expect({ line, found: found >= 0 }).toEqual({ line, found: true });
      at = found + 1;
    }
  });

  it('the Commands table is one table', () => {
    const section = readme.split(/^## /m).find((s) => s.startsWith('Commands\n'))!;
    const table = section.slice(section.indexOf('| command |'));
    const rows = table.slice(0, table.search(/\n(?!\|)/)).split('\n');
    for (const command of ['generate handler', 'build', 'validate', 'preview', 'samples', 'check', 'copy', 'templates', 'init', 'import', 'completion']) {
      expect(rows.some((r) => r.startsWith(`| \`dodo-transform ${command}`))).toBe(true);
    }
  });
});
