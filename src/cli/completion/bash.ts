import { getOptionFlags, getSubcommands, type CommandSpec, type CompletionSpec, type PathFilter, type ValueSpec } from './describe-program.js';

/** POSIX single quoting, shared with zsh.ts. */
export function shq(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** `dodo-transform` → `_dodo_transform`: a valid shell function name. */
export function completionFunctionName(binName: string): string {
  return `_${binName.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The `paths` variable of the script: '' none, '/' folders, '*' any file, 'ts js' these extensions. */
function pathsWord(paths: PathFilter): string {
  if (paths === null) return '';
  if (paths === 'dirs') return '/';
  return paths.extensions.length === 0 ? '*' : paths.extensions.join(' ');
}

function assignments(value: ValueSpec): string {
  return `words=${shq(value.words.join(' '))} paths=${shq(pathsWord(value.paths))}`;
}

/** case branches, patterns with the same body grouped: `'a'|'b') body ;;`. */
function caseBranches(entries: readonly (readonly [pattern: string, body: string])[]): string[] {
  const byBody = new Map<string, string[]>();
  for (const [pattern, body] of entries) byBody.set(body, [...(byBody.get(body) ?? []), shq(pattern)]);
  return [...byBody].map(([body, patterns]) => `    ${patterns.join('|')}) ${body} ;;`);
}

function commandBranches(spec: CompletionSpec): string[] {
  return caseBranches(spec.commands.map((command) => {
    const subs = getSubcommands(spec, command).flatMap((c) => [c.path.at(-1) ?? '', ...c.aliases]);
    const opts = command.options.flatMap(getOptionFlags);
    return [command.path.join(' '), `subs=${shq(subs.join(' '))} opts=${shq(opts.join(' '))}`] as const;
  }));
}

/** Maps every spelling of a command path (aliases included) to its canonical path. */
function resolveBranches(spec: CompletionSpec): string[] {
  const spellings = (command: CommandSpec): string[][] => {
    if (command.path.length === 0) return [[]];
    const parent = spec.commands.find((c) => c.path.length === command.path.length - 1 && c.path.every((w, i) => command.path[i] === w));
    const names = [command.path.at(-1) ?? '', ...command.aliases];
    return (parent ? spellings(parent) : [[]]).flatMap((prefix) => names.map((name) => [...prefix, name]));
  };
  return caseBranches(spec.commands.slice(1).flatMap((command) =>
    spellings(command).map((words) => [words.join(' '), `sub=${shq(command.path.join(' '))}`] as const)));
}

function optionBranches(spec: CompletionSpec): string[] {
  return caseBranches(spec.commands.flatMap((command) => command.options.flatMap((option) => {
    if (option.value === null) return [];
    const body = `arity=${option.value.variadic ? 'n' : '1'} ${assignments(option.value)}`;
    return getOptionFlags(option).map((flag) => [`${command.path.join(' ')} ${flag}`, body] as const);
  })));
}

function argumentBranches(spec: CompletionSpec): string[] {
  return spec.commands.filter((c) => c.arguments.length > 0).map((command) => {
    const tests = command.arguments.map((argument, index) =>
      `(( $2 ${argument.value.variadic ? '>=' : '=='} ${index} )) && ${assignments(argument.value)}`);
    return `    ${shq(command.path.join(' '))}) ${tests.join('; ')} ;;`;
  });
}

/**
 * A static bash completion script: every command, option and value is embedded, so TAB runs
 * no process (spawning node costs ~0.1 s per key press). Works in bash 3.2 (macOS) and later,
 * with or without the bash-completion package.
 */
export function formatBash(spec: CompletionSpec, binName: string): string {
  const fn = completionFunctionName(binName);
  return `# bash completion for ${binName}. Install one of these ways, then open a new shell:
#   ${binName} completion bash >> ~/.bashrc
#   ${binName} completion bash > ~/.local/share/bash-completion/completions/${binName}
# Generated from the CLI's own definition; regenerate after upgrading ${binName}.

# Sets subs (subcommands) and opts (options) of the command path $1.
${fn}_command() {
  subs= opts=
  case $1 in
${commandBranches(spec).join('\n')}
  esac
}

# Sets sub to the canonical command path when $1 (a path plus one more word) names a command.
${fn}_resolve() {
  case $1 in
${resolveBranches(spec).join('\n')}
    *) return 1 ;;
  esac
}

# For option $2 of command $1, sets arity (0 a flag, 1 one value, n values up to the next option),
# words (the values to offer) and paths ('' none, / folders, * any file, "ts js" files with these extensions).
${fn}_option() {
  arity=0 words= paths=
  case "$1 $2" in
${optionBranches(spec).join('\n')}
  esac
}

# Sets words and paths for positional argument number $2 (from 0) of command $1.
${fn}_argument() {
  words= paths=
  case $1 in
${argumentBranches(spec).join('\n')}
  esac
}

# Adds to COMPREPLY the words in $1 and the paths described by $2 that start with $cur.
${fn}_reply() {
  local line ext
  while IFS= read -r line; do [[ -n $line ]] && COMPREPLY+=("$line"); done < <(
    [[ -n $1 ]] && compgen -W "$1" -- "$cur"
    case $2 in
      '') ;;
      /) compgen -d -- "$cur" ;;
      '*') compgen -f -- "$cur" ;;
      # One -X pattern per extension: @(ts|js) would need extglob, which plain bash leaves off.
      *) compgen -d -- "$cur"; for ext in $2; do compgen -f -X "!*.$ext" -- "$cur"; done ;;
    esac
  )
}

${fn}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} path= n=0 want= wopt= i w sub subs opts arity words paths prefix=
  COMPREPLY=()
  # Walk the words before the cursor: the command path, how many positional arguments,
  # and whether an option is still waiting for its value.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=\${COMP_WORDS[i]}
    [[ $w == = ]] && continue # bash splits --target=es2020 at the = (COMP_WORDBREAKS)
    if [[ $want == 1 ]] || [[ $want == n && $w != -* ]]; then
      [[ $want == 1 ]] && want=
      continue
    fi
    want=
    if [[ $w == -* ]]; then
      ${fn}_option "$path" "\${w%%=*}"
      [[ $arity != 0 && $w != *=* ]] && want=$arity wopt=$w
    elif (( n == 0 )) && ${fn}_resolve "\${path:+$path }$w"; then
      path=$sub
    else
      n=$((n + 1))
    fi
  done

  [[ $cur == = ]] && cur=
  if [[ $cur == --*=* ]]; then # --target=es20 in one word when = is not a word break
    prefix=\${cur%%=*}= wopt=\${cur%%=*} cur=\${cur#*=} want=1
  fi
  if [[ $want == 1 ]] || [[ $want == n && $cur != -* ]]; then
    ${fn}_option "$path" "$wopt"
    ${fn}_reply "$words" "$paths"
    [[ -n $prefix ]] && COMPREPLY=("\${COMPREPLY[@]/#/$prefix}")
    return 0
  fi
  ${fn}_command "$path"
  if [[ $cur == -* ]]; then
    ${fn}_reply "$opts" ''
    return 0
  fi
  (( n == 0 )) && ${fn}_reply "$subs" ''
  ${fn}_argument "$path" "$n"
  ${fn}_reply "$words" "$paths"
  return 0
}

complete -o filenames -o bashdefault -F ${fn} ${binName}
`;
}
