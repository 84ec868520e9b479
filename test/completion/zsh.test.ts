import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getSubcommands } from '../../src/cli/completion/describe-program.js';
import { formatZsh } from '../../src/cli/completion/zsh.js';
import { createTestSpec, hasExecutable } from './program.js';

const spec = createTestSpec();
const script = formatZsh(spec, 'dodo-transform');
/** The body of one generated function, `_dodo_transform__generate__handler() { … }`. */
const body = (name: string) => {
  const start = script.indexOf(`\n${name}() {\n`);
  if (start < 0) throw new Error(`no function ${name}`);
  return script.slice(start, script.indexOf('\n}\n', start));
};
const fn = (path: readonly string[]) => ['_dodo_transform', ...path].join('__').replace(/-/g, '_');

describe('formatZsh', () => {
  it('starts with #compdef and says how to install it', () => {
    expect(script.split('\n')[0]).toBe('#compdef dodo-transform');
    expect(script).toContain('#   mkdir -p ~/.zfunc && dodo-transform completion zsh > ~/.zfunc/_dodo-transform');
    expect(script).toContain('compdef _dodo_transform dodo-transform');
  });

  it('has one function per command with each of its options, and _describe for subcommands', () => {
    for (const command of spec.commands) {
      const text = body(fn(command.path));
      expect(text, fn(command.path)).toContain('_arguments');
      for (const option of command.options) {
        const joiner = option.value === null ? '' : '=';
        if (option.long) expect(text, `${command.path.join(' ')} ${option.long}`).toContain(`${option.long}${joiner}[`);
      }
      for (const sub of getSubcommands(spec, command)) expect(text).toContain(`'${sub.path.at(-1)}:`);
      if (getSubcommands(spec, command).length > 0) expect(text).toContain('_describe -t commands');
    }
  });

  it('completes values: choices, templates, events, and filtered files', () => {
    expect(body(fn(['generate', 'handler']))).toContain("'(-t --target)--target=[ECMAScript version to lower to (default: es2020)]:version:(es2015 es2016 es2017 es2018 es2019 es2020 es2021 es2022)'");
    expect(body(fn(['generate', 'handler']))).toMatch(/--template=\[[^\]]*\]:name:\(autosend [^)]*segment/);
    expect(body(fn(['validate']))).toMatch(/'\*--event=\[only these event types\]:type:\(payment\.succeeded /);
    expect(body(fn(['validate']))).toContain(`'*:files:_files -g "*.(ts|js)"'`);
    // A lone extension stays bare: `*.(json)` would be read as glob qualifiers.
    expect(body(fn(['preview']))).toContain(`:file:_files -g "*.json"'`);
    expect(body(fn(['copy']))).toMatch(/'1:input:_alternative '\\''values:input:\(autosend .*'\\'' '\\''files:file:_files -g "\*\.\(ts\|js\)"'\\'''/);
  });

  it.skipIf(!hasExecutable('zsh'))('is valid zsh (zsh -n; skipped when zsh is not on PATH)', () => {
    const run = spawnSync('zsh', ['-n'], { input: script, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
