import type { Argument, Command, Option } from 'commander';
import { EVENT_TYPES } from '../../runtime/events/event-types.js';
import { VARIANT_NAMES } from '../../samples/variants.js';

/** What completes an option's or argument's value. */
export type ValueKind = 'choices' | 'template' | 'event' | 'file' | 'dir' | 'free';

/** Paths to offer: none, folders only, or files ending in one of `extensions` (empty: any file) plus folders. */
export type PathFilter = null | 'dirs' | { extensions: readonly string[] };

export interface ValueSpec {
  kind: ValueKind;
  /** The name in the declaration: `version` of `--target <version>`, `files` of `[files...]`. */
  placeholder: string;
  /** Words to offer: the choices, template names or event types. */
  words: readonly string[];
  paths: PathFilter;
  /** `<type...>`: every following word up to the next option is a value. */
  variadic: boolean;
}

export interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** null: a flag that takes no value. */
  value: ValueSpec | null;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  value: ValueSpec;
}

export interface CommandSpec {
  /** Words from the program to this command: [] for the program, ['generate', 'handler'] for that one. */
  path: readonly string[];
  aliases: readonly string[];
  description: string;
  options: readonly OptionSpec[];
  arguments: readonly ArgumentSpec[];
}

export interface CompletionSpec {
  /** Depth first, the program itself first, each command before its subcommands. */
  commands: readonly CommandSpec[];
}

type Known = Pick<ValueSpec, 'kind' | 'paths'> & { words?: readonly string[] };

const SOURCES = { extensions: ['ts', 'js'] };
const ANY_FILE = { extensions: [] };

/**
 * What a value means where commander's declaration cannot say it (commander only knows choices).
 * Keyed by long option name; a new value-taking option that matches nothing here or in
 * BY_PLACEHOLDER completes as 'free', which test/completion/describe-program.test.ts rejects.
 */
const BY_OPTION: Record<string, Known> = {
  '--template': { kind: 'template', paths: null },
  '--payload': { kind: 'file', paths: { extensions: ['json'] } },
  '--variant': { kind: 'choices', paths: null, words: VARIANT_NAMES },
  // The config file names load-config.ts looks for.
  '--config': { kind: 'file', paths: { extensions: ['ts', 'mts', 'js', 'mjs'] } },
};

/** Keyed by command path: `copy <x>` takes a mapping file, a snippet file or a template name. */
const BY_COMMAND_ARGUMENT: Record<string, Known> = {
  copy: { kind: 'template', paths: SOURCES },
};

/** Keyed by the value's placeholder: `<file>`, `[files...]`, `<dir>`… */
const BY_PLACEHOLDER: Record<string, Known> = {
  file: { kind: 'file', paths: SOURCES },
  files: { kind: 'file', paths: SOURCES },
  path: { kind: 'file', paths: ANY_FILE },
  snippet: { kind: 'file', paths: { extensions: ['js'] } },
  dir: { kind: 'dir', paths: 'dirs' },
  type: { kind: 'event', paths: null },
  event: { kind: 'event', paths: null },
};

/** A table lookup that cannot return Object.prototype members (a `<constructor>` placeholder). */
function lookup(table: Record<string, Known>, key: string | undefined): Known | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

interface Hint { placeholder: string; variadic: boolean; choices: readonly string[] | undefined; fixed: Known | undefined }

function describeValue(hint: Hint, templates: readonly string[]): ValueSpec {
  const { choices, variadic, placeholder } = hint;
  const known = hint.fixed ?? lookup(BY_PLACEHOLDER, placeholder);
  // Commander rejects anything but its choices, so they are the whole answer.
  if (choices) return { kind: known?.kind === 'event' ? 'event' : 'choices', placeholder, words: choices, paths: null, variadic };
  if (!known) return { kind: 'free', placeholder, words: [], paths: null, variadic };
  const words = known.words ?? (known.kind === 'template' ? templates : known.kind === 'event' ? EVENT_TYPES : []);
  return { ...known, placeholder, words, variadic };
}

/** `-e, --event <type...>` → { placeholder: 'type', variadic: true }. */
function placeholderOf(option: Option): { placeholder: string; variadic: boolean } {
  const match = /[<[]([^>\]]*?)(?:\.\.\.)?[>\]]/.exec(option.flags);
  return { placeholder: match?.[1] ?? '', variadic: option.variadic };
}

function describeOption(option: Option, templates: readonly string[]): OptionSpec {
  const takesValue = option.required || option.optional;
  const fixed = lookup(BY_OPTION, option.long);
  return {
    ...(option.short !== undefined && { short: option.short }),
    ...(option.long !== undefined && { long: option.long }),
    description: option.description,
    value: takesValue ? describeValue({ ...placeholderOf(option), choices: option.argChoices, fixed }, templates) : null,
  };
}

function describeArgument(argument: Argument, fixed: Hint['fixed'], templates: readonly string[]): ArgumentSpec {
  return {
    name: argument.name(),
    description: argument.description,
    required: argument.required,
    value: describeValue({ placeholder: argument.name(), variadic: argument.variadic, choices: argument.argChoices, fixed }, templates),
  };
}

/**
 * Walks the program as commander holds it (visible commands and options, including the implicit
 * `help` command and `-h, --help`), so completions cannot drift from the CLI. Pure: template names
 * are passed in because listing them reads the templates folder.
 */
export function describeProgram(program: Command, context: { templates: readonly string[] }): CompletionSpec {
  const commands: CommandSpec[] = [];
  const visit = (command: Command, path: readonly string[], siblings: readonly string[]) => {
    const help = command.createHelp();
    const children = help.visibleCommands(command);
    // The implicit `help [command]` names a sibling command.
    const isHelp = path.length > 0 && command.name() === 'help' && !command.commands.length;
    commands.push({
      path,
      aliases: command.aliases(),
      description: command.description(),
      options: help.visibleOptions(command).map((o) => describeOption(o, context.templates)),
      arguments: command.registeredArguments.map((argument, index) => {
        const described = describeArgument(argument, index === 0 ? lookup(BY_COMMAND_ARGUMENT, path.join(' ')) : undefined, context.templates);
        return isHelp ? { ...described, value: { ...described.value, kind: 'choices', words: siblings, paths: null } } : described;
      }),
    });
    const names = children.map((c) => c.name()).filter((n) => n !== 'help');
    for (const child of children) visit(child, [...path, child.name()], names);
  };
  visit(program, [], []);
  return { commands };
}

/** The direct subcommands of `parent`, in declaration order. */
export function getSubcommands(spec: CompletionSpec, parent: CommandSpec): CommandSpec[] {
  const depth = parent.path.length;
  return spec.commands.filter((c) => c.path.length === depth + 1 && parent.path.every((w, i) => c.path[i] === w));
}

/** Every spelling of an option: ['-t', '--target']. */
export function getOptionFlags(option: OptionSpec): string[] {
  return [option.short, option.long].filter((f): f is string => f !== undefined);
}
