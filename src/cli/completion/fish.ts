import { completionFunctionName } from './bash.js';
import { getSubcommands, type CommandSpec, type CompletionSpec, type OptionSpec, type ValueSpec } from './describe-program.js';

/** Fish single quoting: only \ and ' are special inside. */
function fq(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

/**
 * The -a list for a value: fish expands it like a command line, so fixed words and a
 * (command substitution) for paths can share one string.
 */
function valueList(value: ValueSpec, helper: string): string {
  const parts = [...value.words];
  if (value.paths === 'dirs') parts.push('(__fish_complete_directories)');
  else if (value.paths !== null) parts.push(`(${[`${helper}_paths`, ...value.paths.extensions].join(' ')})`);
  return parts.join(' ');
}

function condition(spec: CompletionSpec, command: CommandSpec, helper: string): string {
  if (command.path.length === 0) return '__fish_use_subcommand';
  // A command with subcommands owns the line only while no subcommand follows it.
  const exact = getSubcommands(spec, command).length > 0 ? ' -x' : '';
  return `${helper}_using${exact} ${command.path.join(' ')}`;
}

function optionLine(base: string, option: OptionSpec, helper: string): string {
  const names = [
    ...(option.short ? ['-s', option.short.slice(1)] : []),
    ...(option.long ? ['-l', option.long.slice(2)] : []),
  ];
  const list = option.value === null ? '' : valueList(option.value, helper);
  // -x: the option takes a value and, unless the list offers some, no file names.
  const value = option.value === null ? [] : list ? ['-x', '-a', fq(list)] : ['-x'];
  return [base, ...names, ...value, '-d', fq(option.description)].join(' ');
}

function commandLines(spec: CompletionSpec, command: CommandSpec, binName: string, helper: string): string[] {
  const base = `complete -c ${binName} -n ${fq(condition(spec, command, helper))}`;
  const subcommands = getSubcommands(spec, command).flatMap((c) =>
    [c.path.at(-1) ?? '', ...c.aliases].map((name) => `${base} -a ${fq(name)} -d ${fq(c.description)}`));
  const options = command.options.map((o) => optionLine(base, o, helper));
  const args = command.arguments.flatMap((a) => {
    const list = valueList(a.value, helper);
    return list ? [`${base} -a ${fq(list)} -d ${fq(a.description || a.name)}`] : [];
  });
  return [`# ${[binName, ...command.path].join(' ')}`, ...subcommands, ...options, ...args, ''];
}

/** A static fish completion script: every word embedded, no process per TAB. */
export function formatFish(spec: CompletionSpec, binName: string): string {
  const helper = `_${completionFunctionName(binName)}`;
  return `# fish completion for ${binName}. Install, then open a new shell:
#   ${binName} completion fish > ~/.config/fish/completions/${binName}.fish
# Generated from the CLI's own definition; regenerate after upgrading ${binName}.

# True when the words typed so far, options left out, start with the command path in $argv;
# with -x, when they are exactly that path.
function ${helper}_using
    argparse x/exact -- $argv; or return
    set -l words
    set -l tokens (commandline -opc)
    set -e tokens[1]
    for token in $tokens
        string match -q -- '-*' $token; or set -a words $token
    end
    set -l n (count $argv)
    test (count $words) -ge $n; or return
    set -q _flag_exact; and test (count $words) -ne $n; and return 1
    test "$words[1..$n]" = "$argv"
end

# Folders, and files ending in one of the extensions in $argv (any file without arguments).
function ${helper}_paths
    set -l token (commandline -ct)
    for path in $token*
        if test -d $path
            echo $path/
        else if test (count $argv) -eq 0; or string match -q -r -- '\\.('(string join '|' $argv)')$' $path
            echo $path
        end
    end
end

# No file names unless an argument or option takes a path.
complete -c ${binName} -f

${spec.commands.flatMap((c) => commandLines(spec, c, binName, helper)).join('\n')}`;
}
