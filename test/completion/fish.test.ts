import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFish } from '../../src/cli/completion/fish.js';
import { TARGETS } from '../../src/compile/targets.js';
import { createPathFixture, createTestSpec, hasExecutable } from './program.js';

const spec = createTestSpec();
const script = formatFish(spec, 'dodo-transform');
const lines = script.split('\n');
const hasFish = hasExecutable('fish');

function writeScript(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'dodo-transform-fish-')), 'dodo-transform.fish');
  writeFileSync(file, script);
  return file;
}

describe('formatFish', () => {
  it('says how to install it and turns off file names by default', () => {
    expect(lines[1]).toBe('#   dodo-transform completion fish > ~/.config/fish/completions/dodo-transform.fish');
    expect(lines).toContain('complete -c dodo-transform -f');
  });

  it('has a line for every subcommand and every option, under the right condition', () => {
    for (const command of spec.commands) {
      const parent = command.path.slice(0, -1);
      if (command.path.length > 0) {
        const condition = parent.length === 0 ? '__fish_use_subcommand' : `__dodo_transform_using -x ${parent.join(' ')}`;
        expect(script, command.path.join(' ')).toContain(`complete -c dodo-transform -n '${condition}' -a '${command.path.at(-1)}' -d `);
      }
      for (const option of command.options) {
        const names = [option.short && `-s ${option.short.slice(1)}`, option.long && `-l ${option.long.slice(2)}`].filter(Boolean).join(' ');
        expect(lines.some((l) => l.includes(names) && (command.path.length === 0 || l.includes(` ${command.path.join(' ')}' `))), `${command.path.join(' ')} ${names}`).toBe(true);
      }
    }
  });

  it('offers values: choices, events and paths', () => {
    expect(script).toContain(`-s t -l target -x -a '${TARGETS.join(' ')}'`);
    expect(script).toMatch(/-n '__dodo_transform_using validate' -s e -l event -x -a 'payment\.succeeded /);
    expect(script).toContain(`-n '__dodo_transform_using preview' -s p -l payload -x -a '(__dodo_transform_paths json)'`);
    expect(script).toMatch(/-n '__dodo_transform_using copy' -a 'autosend .* \(__dodo_transform_paths ts js\)'/);
  });

  it.skipIf(!hasFish)('is valid fish (fish -n; skipped when fish is not on PATH)', () => {
    // A file, not stdin: fish 3.6 cannot read a script from node's stdin socket.
    const run = spawnSync('fish', ['-n', writeScript()], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.skipIf(!hasFish)('completes in fish (skipped when fish is not on PATH)', () => {
    const dir = createPathFixture();
    const file = writeScript();
    const complete = (line: string) => {
      const run = spawnSync('fish', ['--no-config', '-c', `source ${file}; complete -C '${line}'`], { cwd: dir, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return run.stdout.split('\n').filter(Boolean).map((l) => l.split('\t')[0]).sort();
    };
    expect(complete('dodo-transform gen')).toEqual(['generate']);
    expect(complete('dodo-transform generate handler --tar')).toEqual(['--target']);
    expect(complete('dodo-transform generate handler --target es20')).toEqual([...TARGETS]);
    expect(complete('dodo-transform generate handler --template seg')).toEqual(['segment']);
    expect(complete('dodo-transform validate x.ts --event payment.suc')).toEqual(['payment.succeeded']);
    expect(complete('dodo-transform validate ')).toEqual(['a.ts', 'b.js', 'lib/']);
    expect(complete('dodo-transform preview a.ts --payload ')).toEqual(['c.json', 'lib/']);
  });
});
