import type { Command } from 'commander';
import { UserError } from '../../util/errors.js';
import { formatBash } from '../completion/bash.js';
import { describeProgram, type CompletionSpec } from '../completion/describe-program.js';
import { formatFish } from '../completion/fish.js';
import { formatZsh } from '../completion/zsh.js';
import type { CliIo } from '../io.js';
import { listTemplateNames as listTemplates } from '../../templates/list-templates.js';
import { EXIT_OK } from '../../findings/exit-codes.js';

export interface CompletionOptions {
  shell: string;
}

const FORMATTERS: Record<string, (spec: CompletionSpec, binName: string) => string> = {
  bash: formatBash,
  zsh: formatZsh,
  fish: formatFish,
};

/** Prints the completion script for one shell, built from `program` so it lists exactly what the CLI accepts. */
export async function completion(io: CliIo, options: CompletionOptions, program: Command): Promise<number> {
  const format = Object.hasOwn(FORMATTERS, options.shell) ? FORMATTERS[options.shell] : undefined;
  if (!format) throw new UserError(`unknown shell "${options.shell}"; completion supports ${Object.keys(FORMATTERS).join(', ')}`);
  io.stdout.write(format(describeProgram(program, { templates: listTemplates() }), program.name()));
  return EXIT_OK;
}
