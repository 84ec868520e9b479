import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, type Command } from 'commander';
import { listTemplateNames as listTemplates } from '../../src/templates/list-templates.js';
import { describeProgram, type CompletionSpec } from '../../src/cli/completion/describe-program.js';
import type { CliIo } from '../../src/cli/io.js';
import { createProgram } from '../../src/cli/main.js';

/** An io that swallows output, for building the program only. */
export function createFakeIo(): CliIo & { out: string[] } {
  const out: string[] = [];
  return { cwd: process.cwd(), env: {}, out, stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => true } };
}

/**
 * The real program, plus the commands this feature relies on when src/cli/main.ts does not
 * declare them (yet): `completion` as proposed for main.ts, and `copy <input>`.
 */
export function createTestProgram(): Command {
  const program = createProgram(createFakeIo(), () => {});
  const has = (name: string) => program.commands.some((c) => c.name() === name);
  if (!has('completion')) {
    program.command('completion')
      .description('print a shell completion script (bash, zsh or fish)')
      .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']));
  }
  if (!has('copy')) program.command('copy').argument('<input>', 'a mapping, a snippet or a template name');
  return program;
}

export function createTestSpec(program = createTestProgram()): CompletionSpec {
  return describeProgram(program, { templates: listTemplates() });
}

/** Every command of a commander program, depth first, with its path. */
export function walkCommands(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  return [{ path, command }, ...command.commands.flatMap((c) => walkCommands(c, [...path, c.name()]))];
}

export function hasExecutable(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A folder with one file of each kind the completions filter on. */
export function createPathFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dodo-transform-completion-'));
  for (const file of ['a.ts', 'b.js', 'c.json', 'notes.txt']) writeFileSync(join(dir, file), '');
  mkdirSync(join(dir, 'lib'));
  return dir;
}
