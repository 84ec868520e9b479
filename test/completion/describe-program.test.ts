import { describe, expect, it } from 'vitest';
import { listTemplateNames as listTemplates } from '../../src/templates/list-templates.js';
import { getSubcommands, type CommandSpec } from '../../src/cli/completion/describe-program.js';
import { TARGETS } from '../../src/compile/targets.js';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import { createTestProgram, createTestSpec, walkCommands } from './program.js';

/** Value-taking options whose values cannot be completed, on purpose. Anything else 'free' needs a hint. */
const FREE_VALUES = ['--env', '--timeout', '--destination'];

const program = createTestProgram();
const spec = createTestSpec(program);
const find = (path: string) => {
  const command = spec.commands.find((c) => c.path.join(' ') === path);
  if (!command) throw new Error(`no command "${path}" in the spec`);
  return command;
};
const option = (command: CommandSpec, long: string) => {
  const found = command.options.find((o) => o.long === long);
  if (!found) throw new Error(`${command.path.join(' ')}: no option ${long}`);
  return found;
};

describe('describeProgram', () => {
  it('lists every command commander knows, in order, plus the implicit help commands', () => {
    const declared = walkCommands(program).map((c) => c.path.join(' '));
    const described = spec.commands.map((c) => c.path.join(' ')).filter((p) => !/(^| )help$/.test(p));
    expect(described).toEqual(declared);
    expect(getSubcommands(spec, find('')).map((c) => c.path.join(' '))).toContain('help');
  });

  it('lists every option of every command with the same flags and whether it takes a value', () => {
    for (const { path, command } of walkCommands(program)) {
      const described = find(path.join(' ')).options;
      for (const declared of command.options) {
        const match = described.find((o) => o.long === declared.long && o.short === declared.short);
        expect(match, `${path.join(' ')} ${declared.flags}`).toBeDefined();
        expect(match?.value !== null, `${path.join(' ')} ${declared.flags} takes a value`).toBe(declared.required || declared.optional);
        expect(match?.value?.variadic ?? false).toBe(declared.variadic);
      }
      // Only the built-in --help is added.
      expect(described.map((o) => o.long)).toEqual([...command.options.map((o) => o.long), '--help']);
    }
  });

  it('describes every positional argument', () => {
    for (const { path, command } of walkCommands(program)) {
      const described = find(path.join(' ')).arguments;
      expect(described.map((a) => [a.name, a.required, a.value.variadic])).toEqual(
        command.registeredArguments.map((a) => [a.name(), a.required, a.variadic]));
    }
  });

  it('knows what every value is, except the ones meant to be free', () => {
    const free = spec.commands.flatMap((c) => [
      ...c.options.filter((o) => o.value?.kind === 'free').map((o) => o.long ?? o.short ?? ''),
      ...c.arguments.filter((a) => a.value.kind === 'free').map((a) => `${c.path.join(' ')} <${a.name}>`),
    ]);
    expect([...new Set(free)]).toEqual(FREE_VALUES);
  });

  it('takes choices from commander: --target, --reporter, completion <shell>', () => {
    expect(option(find('generate handler'), '--target').value).toMatchObject({ kind: 'choices', words: TARGETS, paths: null });
    expect(option(find('validate'), '--reporter').value).toMatchObject({ kind: 'choices', words: ['pretty', 'json', 'github', 'html'] });
    expect(find('completion').arguments[0]?.value).toMatchObject({ kind: 'choices', words: ['bash', 'zsh', 'fish'] });
  });

  it('completes --event with every event type; validate takes several', () => {
    expect(option(find('validate'), '--event').value).toMatchObject({ kind: 'event', words: EVENT_TYPES, variadic: true });
    expect(option(find('preview'), '--event').value).toMatchObject({ kind: 'event', words: EVENT_TYPES, variadic: false });
  });

  it('completes template names for --template, and templates or .ts/.js files for copy', () => {
    const templates = listTemplates();
    expect(templates).toContain('segment');
    expect(option(find('generate handler'), '--template').value).toMatchObject({ kind: 'template', words: templates, paths: null });
    expect(find('copy').arguments[0]?.value).toMatchObject({ kind: 'template', words: templates, paths: { extensions: ['ts', 'js'] } });
  });

  it('completes paths by what they hold', () => {
    expect(find('validate').arguments[0]?.value).toMatchObject({ kind: 'file', paths: { extensions: ['ts', 'js'] }, variadic: true });
    expect(option(find('preview'), '--payload').value?.paths).toEqual({ extensions: ['json'] });
    expect(option(find('build'), '--out-dir').value).toMatchObject({ kind: 'dir', paths: 'dirs' });
    expect(option(find('generate handler'), '--out').value?.paths).toEqual({ extensions: [] });
    expect(option(find('build'), '--minify').value).toBeNull();
  });

  it('completes `help <command>` with the sibling commands', () => {
    const names = getSubcommands(spec, find('')).map((c) => c.path.join(' ')).filter((n) => n !== 'help');
    expect(find('help').arguments[0]?.value.words).toEqual(names);
    expect(find('generate help').arguments[0]?.value.words).toContain('handler');
    expect(find('generate help').arguments[0]?.value.words).not.toContain('help');
  });
});
