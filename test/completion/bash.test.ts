import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listTemplateNames as listTemplates } from '../../src/templates/list-templates.js';
import { formatBash } from '../../src/cli/completion/bash.js';
import { getOptionFlags, getSubcommands } from '../../src/cli/completion/describe-program.js';
import { TARGETS } from '../../src/compile/targets.js';
import { createPathFixture, createTestSpec } from './program.js';

const spec = createTestSpec();
const script = formatBash(spec, 'dodo-transform');

/** Sources the script, fills COMP_WORDS/COMP_CWORD as bash would for the words typed, prints COMPREPLY. */
const DRIVER = `
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"; COMP_POINT=\${#COMP_LINE}
_dodo_transform || exit 9
(( \${#COMPREPLY[@]} )) && printf '%s\\n' "\${COMPREPLY[@]}"
exit 0`;

let dir = '';
let scriptFile = '';
beforeAll(() => {
  dir = createPathFixture();
  // Outside the fixture, so it is not one of the files offered.
  scriptFile = join(mkdtempSync(join(tmpdir(), 'dodo-transform-bash-')), 'completion.bash');
  writeFileSync(scriptFile, script);
});

/** What TAB offers after `line` (the last word is the one being completed), sorted. */
function complete(line: string[]): string[] {
  const run = spawnSync('bash', ['--norc', '--noprofile', '-c', DRIVER, 'bash', scriptFile, 'dodo-transform', ...line], { cwd: dir, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout.split('\n').filter(Boolean).sort();
}
const sorted = (words: readonly string[]) => [...words].sort();

describe('formatBash', () => {
  it('is valid bash (bash -n)', () => {
    const run = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('registers the function and says how to install it', () => {
    expect(script).toMatch(/^# bash completion for dodo-transform\./);
    expect(script).toContain('#   dodo-transform completion bash >> ~/.bashrc');
    expect(script.trimEnd().split('\n').at(-1)).toBe('complete -o filenames -o bashdefault -F _dodo_transform dodo-transform');
  });

  it.each([
    [['gen'], ['generate']],
    [['generate', 'handler', '--tar'], ['--target']],
    [['generate', 'handler', '--target', 'es20'], TARGETS],
    [['generate', 'handler', '-t', 'es2021', '--template', 'seg'], ['segment']],
    [['validate', 'x.ts', '--event', 'payment.suc'], ['payment.succeeded']],
    // --event takes several types: the next word is another one.
    [['validate', 'x.ts', '--event', 'payment.succeeded', 'refund.'], ['refund.failed', 'refund.succeeded']],
    [['validate', 'x.ts', '--event', 'payment.succeeded', '--rep'], ['--reporter']],
    [['preview', 'a.ts', '-e', 'dispute.w'], ['dispute.won']],
    [['check', '--reporter', ''], ['github', 'html', 'json', 'pretty']],
    [['completion', ''], ['bash', 'fish', 'zsh']],
    [['help', 'gen'], ['generate']],
    [['copy', 'seg'], ['segment']],
  ] as const)('%j offers %j', (line, expected) => {
    expect(complete([...line])).toEqual(sorted(expected));
  });

  it('completes --target=es20 whether or not bash splits the word at =', () => {
    expect(complete(['generate', 'handler', '--target', '=', 'es20'])).toEqual(sorted(TARGETS));
    expect(complete(['generate', 'handler', '--target=es20'])).toEqual(sorted(TARGETS.map((t) => `--target=${t}`)));
  });

  it('offers the subcommands and every option of every command', () => {
    for (const command of spec.commands) {
      const subcommands = getSubcommands(spec, command).map((c) => c.path.at(-1) ?? '');
      if (subcommands.length > 0) expect(complete([...command.path, '']), command.path.join(' ')).toEqual(sorted(subcommands));
    }
    expect(complete(['generate', ''])).toEqual(expect.arrayContaining(['handler', 'help']));
    for (const command of spec.commands) {
      expect(complete([...command.path, '-']), command.path.join(' ')).toEqual(sorted(command.options.flatMap(getOptionFlags)));
    }
  });

  it('offers .ts and .js files and folders for mappings and snippets', () => {
    expect(complete(['validate', ''])).toEqual(['a.ts', 'b.js', 'lib']);
    expect(complete(['generate', 'handler', 'a.ts', ''])).toEqual(['a.ts', 'b.js', 'lib']);
    expect(complete(['copy', ''])).toEqual(sorted([...listTemplates(), 'a.ts', 'b.js', 'lib']));
  });

  it('offers what each path option holds', () => {
    expect(complete(['preview', 'a.ts', '--payload', ''])).toEqual(['c.json', 'lib']);
    expect(complete(['build', '--out-dir', ''])).toEqual(['lib']);
    expect(complete(['generate', 'handler', '--out', ''])).toEqual(['a.ts', 'b.js', 'c.json', 'lib', 'notes.txt']);
  });

  it('offers nothing for a value it cannot know, and nothing after a one-argument command', () => {
    expect(complete(['validate', 'a.ts', '--timeout', ''])).toEqual([]);
    expect(complete(['completion', 'bash', ''])).toEqual([]);
  });
});
