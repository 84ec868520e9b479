import { completionFunctionName, shq } from './bash.js';
import { getOptionFlags, getSubcommands, type CommandSpec, type CompletionSpec, type OptionSpec, type ValueSpec } from './describe-program.js';

/** Escapes text for the `[description]` of an _arguments spec. */
function explanation(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}

/** Escapes a word inside an _arguments `(a b c)` action or a `:message:` field. */
function word(text: string): string {
  return text.replace(/[\\\s()'":]/g, '\\$&');
}

/** `(ts|js)`, but a lone `json` bare: a trailing `(json)` would read as glob qualifiers. */
function globGroup(extensions: readonly string[]): string {
  return extensions.length === 1 ? (extensions[0] ?? '') : `(${extensions.join('|')})`;
}

/** The action of an _arguments spec; words and paths together go through _alternative. */
function action(value: ValueSpec): string {
  const words = value.words.length > 0 ? `(${value.words.map(word).join(' ')})` : '';
  const paths = value.paths === null ? ''
    : value.paths === 'dirs' ? '_files -/'
    : value.paths.extensions.length === 0 ? '_files'
    : `_files -g "*.${globGroup(value.paths.extensions)}"`;
  if (words && paths) return `_alternative ${shq(`values:${value.placeholder}:${words}`)} ${shq(`files:file:${paths}`)}`;
  // A single space: nothing to complete, but _arguments still shows the message.
  return words || paths || ' ';
}

function optionSpecs(option: OptionSpec): string[] {
  const flags = getOptionFlags(option);
  const value = option.value === null ? '' : `:${word(option.value.placeholder)}:${action(option.value)}`;
  // Repeatable (variadic) options may appear again; others exclude every spelling of themselves.
  const exclude = option.value?.variadic ? '*' : flags.length > 1 ? `(${flags.join(' ')})` : '';
  // Like commander: --target=es2020 or --target es2020; -tes2020 or -t es2020.
  const joined = (flag: string) => (option.value === null ? '' : flag.startsWith('--') ? '=' : '+');
  return flags.map((flag) => shq(`${exclude}${flag}${joined(flag)}[${explanation(option.description)}]${value}`));
}

function argumentSpecs(command: CommandSpec): string[] {
  return command.arguments.map((argument, index) => {
    const position = argument.value.variadic ? '*' : `${index + 1}`;
    return shq(`${position}${argument.required ? '' : ':'}:${word(argument.value.placeholder)}:${action(argument.value)}`);
  });
}

function functionName(binName: string, command: CommandSpec): string {
  return [completionFunctionName(binName), ...command.path].join('__').replace(/[^A-Za-z0-9_]/g, '_');
}

/** One function per command: leaves complete options and arguments, parents dispatch on the subcommand. */
function commandFunction(spec: CompletionSpec, command: CommandSpec, binName: string): string {
  const subcommands = getSubcommands(spec, command);
  const specs = [...command.options.flatMap(optionSpecs), ...argumentSpecs(command)];
  const name = functionName(binName, command);
  if (subcommands.length === 0) return `${name}() {\n  _arguments -S \\\n    ${specs.join(' \\\n    ')}\n}\n`;
  const described = subcommands.flatMap((c) => [c.path.at(-1) ?? '', ...c.aliases].map((n) => `        ${shq(`${word(n)}:${c.description}`)}`));
  const dispatch = subcommands.map((c) => `        ${[c.path.at(-1) ?? '', ...c.aliases].map(shq).join('|')}) ${functionName(binName, c)} && ret=0 ;;`);
  return `${name}() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  _arguments -C -S \\
    ${[...specs, `': :->command'`, `'*:: :->args'`].join(' \\\n    ')} && ret=0
  case $state in
    command)
      local -a commands=(
${described.join('\n')}
      )
      _describe -t commands ${shq(`${[binName, ...command.path].join(' ')} command`)} commands && ret=0 ;;
    args)
      curcontext=\${curcontext%:*:*}:${[binName, ...command.path].join('-')}-$line[1]:
      case $line[1] in
${dispatch.join('\n')}
      esac ;;
  esac
  return ret
}
`;
}

/** A static zsh completion script (no process per TAB), usable from fpath or sourced after compinit. */
export function formatZsh(spec: CompletionSpec, binName: string): string {
  const root = completionFunctionName(binName);
  return `#compdef ${binName}
# zsh completion for ${binName}. Install one of these ways, then open a new shell:
#   mkdir -p ~/.zfunc && ${binName} completion zsh > ~/.zfunc/_${binName}
#     and in ~/.zshrc, before compinit: fpath=(~/.zfunc $fpath)
#   ${binName} completion zsh >> ~/.zshrc   (after compinit)
# Generated from the CLI's own definition; regenerate after upgrading ${binName}.

${spec.commands.map((c) => commandFunction(spec, c, binName)).join('\n')}
# Autoloaded from fpath (the file _${binName} became that function): complete now. Sourced: register.
if [[ \$funcstack[1] == _${binName} ]]; then
  ${root} "$@"
else
  compdef ${root} ${binName}
fi
`;
}
