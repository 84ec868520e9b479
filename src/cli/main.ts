import { suggestEventType } from '../util/suggest-event.js';
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { TARGETS } from '../compile/targets.js';
import { EVENT_TYPES, isEventType } from '../runtime/events/event-types.js';
import { suggest } from '../util/suggest.js';
import { EXIT_CANNOT_RUN, EXIT_OK, exitCodesHelp } from '../findings/exit-codes.js';
import { UserError } from '../util/errors.js';
import { TOOL_VERSION } from '../util/tool-info.js';
import type { CompileFlags } from './compile-for-cli.js';
import { guardIo, type CliIo } from './io.js';
import { runZodWithoutJit } from './zod-jitless.js';
import { escapeLine } from '../util/terminal-text.js';
import { DEFAULT_HTML_OUT, REPORTER_CHOICES, splitReporters, type ReporterChoice } from './html-output.js';

const EXIT_CODES_HELP = `
Examples:
  $ dodo-transform generate handler --template segment   # a ready-to-paste snippet, no setup
  $ dodo-transform init && dodo-transform check
  $ dodo-transform copy mappings/segment.ts

${exitCodesHelp()}`;

// Below a few ms a run cannot start its context; above a minute per sample a check never ends.
const MIN_TIMEOUT_MS = 10;
const MAX_TIMEOUT_MS = 60_000;

function parseTimeout(value: string): number {
  const ms = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
  if (!(ms >= MIN_TIMEOUT_MS && ms <= MAX_TIMEOUT_MS)) throw new InvalidArgumentError(`expected a whole number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}, e.g. --timeout 2000`);
  return ms;
}

type Action = (options: Record<string, unknown>, command: Command) => Promise<number>;

/** All commands in one place. Actions import their command lazily so --help stays instant. */
export function createProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command('dodo-transform')
    .description('Compile typed mappings into Dodo Payments webhook transformation snippets.')
    .version(TOOL_VERSION, '-v, --version')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander quotes what the user typed ('--x'): a newline there stays inside the quotes.
      outputError: (s, write) => write(s.replace(/'[^']*'/g, (quoted) => escapeLine(quoted))),
    })
    .exitOverride();

  const run = (action: Action) => async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    setExitCode(await action(command.opts(), command));
  };
  /** A flag counts only when given on the command line, so it never hides the config file's value. */
  const fromCli = (command: Command, name: string) => (command.getOptionValueSource(name) === 'cli' ? command.opts()[name] : undefined);
  const compileOptions = (command: Command) => command
    .option('-c, --config <file>', 'config file (default: nearest dodo-transform.config.ts)')
    .addOption(new Option('-t, --target <version>', 'ECMAScript version to lower to (default: es2020)').choices(TARGETS))
    .option('--minify', 'minify the snippet')
    .option('--no-typecheck', 'skip the TypeScript type check');
  const compileFlags = (command: Command) => ({
    config: fromCli(command, 'config') as string | undefined,
    target: fromCli(command, 'target') as (typeof TARGETS)[number] | undefined,
    minify: fromCli(command, 'minify') as boolean | undefined,
    typecheck: fromCli(command, 'typecheck') as boolean | undefined,
  });

  const generate = program.command('generate').description('generate code from mappings or templates')
    .addHelpText('after', `
Examples:
  $ dodo-transform generate handler mappings/segment.ts
  $ dodo-transform generate mapping --template slack`);
  compileOptions(generate.command('handler')
    .description('compile mappings into handler snippets; one mapping and no --out prints it')
    .argument('[files...]', 'mapping files (default: the configured mappings)')
    .option('--template <name>', 'compile a built-in template instead (e.g. segment, customer-io)')
    .option('-o, --out <path>', 'write to this file (one snippet) or folder (several, or an existing folder)')
    .option('--cache-dir <dir>', 'where results of earlier runs are kept (default: node_modules/.cache/dodo-transform)')
    .option('--no-cache', 'compile everything again; read and write no cache'))
    .addHelpText('after', `
Examples:
  $ dodo-transform generate handler --template segment
  $ dodo-transform generate handler mappings/segment.ts > handlers/segment.js
  $ dodo-transform generate handler mappings/segment.ts --target es2015 --out segment.js`)
    .action(run(async (opts, command) => {
      const { generateHandler } = await import('./commands/generate-handler.js');
      return generateHandler(io, {
        ...compileFlags(command),
        files: command.args,
        ...(typeof opts['template'] === 'string' && { template: opts['template'] }),
        ...(typeof opts['out'] === 'string' && { out: opts['out'] }),
        ...cacheFlags(opts),
      });
    }));

  compileOptions(program.command('build')
    .description('compile every configured mapping into <outDir>/<name>.js (all or nothing)')
    .option('-o, --out-dir <dir>', 'output folder (default: handlers)')
    .option('--cache-dir <dir>', 'where results of earlier runs are kept (default: node_modules/.cache/dodo-transform)')
    .option('--no-cache', 'compile everything again; read and write no cache')
    .option('-w, --watch', 'rebuild what changes until Ctrl-C'))
    .addHelpText('after', `
Examples:
  $ dodo-transform build
  $ dodo-transform build --out-dir dist/handlers --minify
  $ dodo-transform build --watch`)
    .action(run(async (opts, command) => {
      const flags = { ...compileFlags(command), outDir: fromCli(command, 'outDir') as string | undefined };
      if (opts['watch'] === true) return startWatch('build', flags);
      const { build } = await import('./commands/build.js');
      return build(io, { ...flags, ...cacheFlags(opts) });
    }));

  const startWatch = async (mode: 'build' | 'check', flags: CompileFlags & { outDir?: string | undefined }) => {
    const [{ watch }, { loadProjectConfig }] = await Promise.all([import('./commands/watch.js'), import('./compile-for-cli.js')]);
    const controller = new AbortController();
    const stop = io.onInterrupt?.(() => controller.abort());
    try {
      return await watch(io, { mode, signal: controller.signal, loadConfig: () => loadProjectConfig(io, flags) });
    } finally {
      stop?.();
    }
  };

  // Repeatable, not variadic: `--reporter html mappings/a.ts` must not take the file for a reporter.
  const reporter = () => new Option('-r, --reporter <name>', 'output format: pretty, json or github on the terminal (default pretty); add html to also write an HTML report (repeat the flag, -r github -r html, or list them, -r github,html)')
    // The choices are for --help and completion; the parser below checks them and collects repeats.
    .choices(REPORTER_CHOICES)
    .argParser((value: string, previous: ReporterChoice[] | undefined) => {
      const names = value.split(',').map((v) => v.trim()).filter(Boolean);
      for (const name of names) {
        if (!(REPORTER_CHOICES as readonly string[]).includes(name)) throw new InvalidArgumentError(`expected one of ${REPORTER_CHOICES.join(', ')}${suggest(name, REPORTER_CHOICES) ? `; did you mean "${suggest(name, REPORTER_CHOICES)}"?` : ''}`);
      }
      return [...(previous ?? []), ...(names as ReporterChoice[])];
    });
  const outOption = () => new Option('--out <file>', `the HTML report's file, with --reporter html (default: ${DEFAULT_HTML_OUT})`);
  const reporters = (opts: Record<string, unknown>) => splitReporters(opts['reporter'] as ReporterChoice[] | undefined, typeof opts['out'] === 'string' ? opts['out'] : undefined);
  const cacheFlags = (opts: Record<string, unknown>) => ({
    ...(opts['cache'] === false && { cache: false }),
    ...(typeof opts['cacheDir'] === 'string' && { cacheDir: opts['cacheDir'] }),
  });
  // Not commander's .choices(): it would print all 48 types in --help and on a typo.
  const eventOption = () => new Option('-e, --event <type...>', 'only these event types');
  const envOption = () => new Option('--env <KEY=VALUE>', 'a variable of webhook.env for the runs (repeatable; wins over the config\'s env)')
    .argParser((value: string, previous: Record<string, string> | undefined) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(value);
      if (!match) throw new InvalidArgumentError(`expected KEY=VALUE, e.g. --env SLACK_TOKEN=test-token`);
      return { ...previous, [match[1]!]: match[2]! };
    });
  const envFlag = (command: Command) => fromCli(command, 'env') as Record<string, string> | undefined;
  const eventTypes = (value: unknown): (typeof EVENT_TYPES)[number][] | undefined => {
    if (value === undefined) return undefined;
    const list = Array.isArray(value) ? value.map(String) : [String(value)];
    for (const type of list) {
      if (!isEventType(type)) {
        const guess = suggestEventType(type);
        throw new UserError(`"${type}" is not a Dodo event type${guess ? `; did you mean "${guess}"?` : ''} (list them: dodo-transform samples)`);
      }
    }
    return list as (typeof EVENT_TYPES)[number][];
  };

  compileOptions(program.command('validate')
    .description('run .js snippets or .ts mappings on every sample event and check each request')
    .argument('<files...>', 'snippets (.js), mappings (.ts) or built-in template names (e.g. slack)')
    .addOption(eventOption())
    .addOption(envOption())
    .option('-s, --samples <dir>', 'also run the sample files in <dir>/<event-type>/*.json (default: the configured samples folder)')
    .option('--expected <dir>', 'folder of expected outputs (default: expected)')
    .option('-u, --update', 'write the expected outputs instead of comparing')
    .option('--timeout <ms>', `time limit per sample, ${MIN_TIMEOUT_MS}-${MAX_TIMEOUT_MS} ms (default: 1000)`, parseTimeout)
    .option('--destination <name>', 'where .js snippets send when the dashboard card supplies the URL (slack, discord, resend, …): its checks apply (wins over the snippet\'s // Destination: line)')
    .option('--all', 'list every event in the table, also those cancelled on every sample')
    .addOption(reporter())
    .addOption(outOption()))
    .addHelpText('after', `
Examples:
  $ dodo-transform validate mappings/segment.ts
  $ dodo-transform validate handlers/slack-alert.js --destination slack
  $ dodo-transform validate handlers/legacy.js --event payment.succeeded payment.failed
  $ dodo-transform validate mappings/*.ts --reporter json
  $ dodo-transform validate mappings/*.ts --reporter html --out report.html
  $ dodo-transform validate mappings/slack.ts --env SLACK_TOKEN=test-token
  $ dodo-transform validate slack --all

Samples: every event type's built-in sample and its variants; list them with \`dodo-transform samples\`.`)
    .action(run(async (opts, command) => {
      const { validate } = await import('./commands/validate.js');
      return validate(io, {
        ...compileFlags(command),
        files: command.args,
        ...reporters(opts),
        ...(opts['event'] !== undefined && { events: eventTypes(opts['event'])! }),
        ...(envFlag(command) && { env: envFlag(command)! }),
        ...(typeof opts['samples'] === 'string' && { samples: opts['samples'] }),
        ...(typeof opts['expected'] === 'string' && { expected: opts['expected'] }),
        ...(opts['update'] === true && { update: true }),
        ...(typeof opts['timeout'] === 'number' && { timeout: opts['timeout'] }),
        ...(typeof opts['destination'] === 'string' && { destination: opts['destination'] }),
        ...(opts['all'] === true && { all: true }),
      });
    }));

  compileOptions(program.command('preview')
    .description('run one sample and print the request that would be sent, like the dashboard\'s Test button')
    .argument('<file>', 'a snippet (.js), a mapping (.ts) or a built-in template name (e.g. slack)')
    .option('-e, --event <type>', 'the built-in sample of this event type')
    .option('--variant <name>', 'a variant of the built-in sample, e.g. currency-jpy or builtin/nullable-absent (default: base)')
    .option('-p, --payload <file>', 'a Dodo event JSON file to use instead of the built-in sample')
    .addOption(envOption())
    .option('--destination <name>', 'where a .js snippet sends when the dashboard card supplies the URL (slack, discord, resend, …): its card URL and checks apply (wins over the snippet\'s // Destination: line)')
    .option('--curl', 'print the request as a curl command'))
    .addHelpText('after', `
Examples:
  $ dodo-transform preview mappings/segment.ts --event payment.succeeded
  $ dodo-transform preview mappings/segment.ts -e payment.succeeded --variant currency-jpy
  $ dodo-transform preview slack -e payment.succeeded --env SLACK_TOKEN=test-token
  $ dodo-transform preview handlers/segment.js --payload samples/payment.succeeded/jpy.json --curl

Event types and variants: \`dodo-transform samples\`.`)
    .action(run(async (opts, command) => {
      const { preview } = await import('./commands/preview.js');
      return preview(io, {
        ...compileFlags(command),
        file: command.args[0] ?? '',
        ...(typeof opts['event'] === 'string' && { event: opts['event'] }),
        ...(typeof opts['variant'] === 'string' && { variant: opts['variant'] }),
        ...(typeof opts['payload'] === 'string' && { payload: opts['payload'] }),
        ...(envFlag(command) && { env: envFlag(command)! }),
        ...(opts['curl'] === true && { curl: true }),
        ...(typeof opts['destination'] === 'string' && { destination: opts['destination'] }),
      });
    }));

  compileOptions(program.command('check')
    .description('CI: compile every mapping in memory, compare with the committed snippets, validate everything; writes nothing (but the HTML report, when asked)')
    .addOption(reporter())
    .addOption(outOption())
    .addOption(envOption())
    .option('--all', 'list every event in the table, also those cancelled on every sample')
    .option('--cache-dir <dir>', 'where results of earlier runs are kept (default: node_modules/.cache/dodo-transform)')
    .option('--no-cache', 'compile and validate everything again; read and write no cache')
    .option('-w, --watch', 're-check what changes until Ctrl-C'))
    .addHelpText('after', `
Examples:
  $ dodo-transform check
  $ dodo-transform check --reporter github
  $ dodo-transform check --reporter github --reporter html --out dodo-transform-report.html
  $ dodo-transform check --watch`)
    .action(run(async (opts, command) => {
      const flags = { ...compileFlags(command), ...(envFlag(command) && { env: envFlag(command)! }) };
      const chosen = reporters(opts);
      if (opts['watch'] === true) {
        if (chosen.html !== undefined) throw new UserError('--reporter html is for a single check, not --watch');
        return startWatch('check', flags);
      }
      const { check } = await import('./commands/check.js');
      return check(io, { ...flags, ...chosen, ...(opts['all'] === true && { all: true }), ...cacheFlags(opts) });
    }));

  compileOptions(program.command('copy')
    .description('compile (or read) a snippet, validate it, and put it on the clipboard')
    .argument('<input>', 'a mapping (.ts), a snippet (.js), or a built-in template name (e.g. segment)')
    .option('-f, --force', 'copy even when validation finds errors')
    .option('--print', 'print the snippet to stdout instead of copying it'))
    .addHelpText('after', `
Without a system clipboard (CI, SSH, headless Linux), the snippet goes to the terminal's
clipboard through OSC 52 when stdout is a terminal, and to stdout otherwise.

Examples:
  $ dodo-transform copy segment
  $ dodo-transform copy mappings/segment.ts
  $ dodo-transform copy handlers/legacy.js --force
  $ dodo-transform copy mappings/segment.ts --print > segment.js`)
    .action(run(async (opts, command) => {
      const { copy } = await import('./commands/copy.js');
      return copy(io, {
        ...compileFlags(command),
        input: command.args[0] ?? '',
        ...(opts['force'] === true && { force: true }),
        ...(opts['print'] === true && { print: true }),
      });
    }));

  generate.command('mapping')
    .description('write an editable copy of a built-in template into your project')
    .requiredOption('--template <name>', 'the template (see: dodo-transform templates)')
    .option('-o, --out <file>', 'where to write it (default: mappings/<name>.ts)')
    .option('-f, --force', 'overwrite an existing file')
    .addHelpText('after', `
Examples:
  $ dodo-transform generate mapping --template slack
  $ dodo-transform generate mapping --template customer-io --out mappings/crm.ts`)
    .action(run(async (opts) => {
      const { generateMapping } = await import('./commands/generate-mapping.js');
      return generateMapping(io, {
        template: String(opts['template']),
        ...(typeof opts['out'] === 'string' && { out: opts['out'] }),
        ...(opts['force'] === true && { force: true }),
      });
    }));

  program.command('templates')
    .description('list the built-in templates: destination, events handled, what the dashboard card asks for')
    .option('--json', 'print the list as JSON')
    .addHelpText('after', `
Examples:
  $ dodo-transform templates
  $ dodo-transform templates --json`)
    .action(run(async (opts) => {
      const { templates } = await import('./commands/templates.js');
      return templates(io, { json: opts['json'] === true });
    }));

  const samples = program.command('samples')
    .description('list the built-in sample events and their variants; show one as JSON')
    .addHelpText('after', `
Examples:
  $ dodo-transform samples
  $ dodo-transform samples show payment.succeeded --variant currency-jpy > samples/payment.succeeded/jpy.json`);
  samples.command('list', { isDefault: true })
    .description('list every event type with the names of its variants')
    .action(run(async () => {
      const { listSamples } = await import('./commands/samples.js');
      return listSamples(io);
    }));
  samples.command('show')
    .description('print one built-in sample as JSON, to copy into samples/<event-type>/ and edit')
    .argument('<event>', 'the event type, e.g. payment.succeeded')
    .option('--variant <name>', 'the variant, e.g. currency-jpy or builtin/currency-jpy (default: base)')
    .action(run(async (opts, command) => {
      const { showSample } = await import('./commands/samples.js');
      return showSample(io, { event: command.args[0] ?? '', ...(typeof opts['variant'] === 'string' && { variant: opts['variant'] }) });
    }));

  program.command('init')
    .description('scaffold a project (config, a mapping, samples, package.json scripts, tsconfig) that passes check')
    .option('--template <name>', 'the mapping to start from (default: segment)')
    .option('-f, --force', 'overwrite files that exist')
    .addHelpText('after', `
Examples:
  $ dodo-transform init
  $ dodo-transform init --template slack`)
    .action(run(async (opts) => {
      const { init } = await import('./commands/init.js');
      return init(io, {
        ...(typeof opts['template'] === 'string' && { template: opts['template'] }),
        ...(opts['force'] === true && { force: true }),
      });
    }));

  program.command('completion')
    .description('print a completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', `
The script lists every command, option and value (templates, event types), so TAB never starts a
process; regenerate it after upgrading.

Examples:
  $ dodo-transform completion bash >> ~/.bashrc
  $ dodo-transform completion zsh > ~/.zfunc/_dodo-transform    # with fpath=(~/.zfunc $fpath) before compinit
  $ dodo-transform completion fish > ~/.config/fish/completions/dodo-transform.fish`)
    .action(run(async (_opts, command) => {
      const { completion } = await import('./commands/completion.js');
      return completion(io, { shell: command.args[0] ?? '' }, program);
    }));

  program.command('import')
    .description('convert a hand-written `function handler(webhook)` snippet into a typed mapping')
    .argument('<snippet>', 'the snippet (.js)')
    .option('-o, --out <file>', 'where to write the mapping, - for stdout (default: mappings/<snippet name>.ts)')
    .option('-f, --force', 'overwrite an existing file')
    .addHelpText('after', `
Examples:
  $ dodo-transform import handlers/legacy.js
  $ dodo-transform import legacy.js --out mappings/segment.ts --force
  $ dodo-transform import legacy.js --out -

Exits 1 when part of the snippet could only be kept in a comment; the mapping is still written.`)
    .action(run(async (opts, command) => {
      const { importSnippet } = await import('./commands/import-snippet.js');
      return importSnippet(io, {
        file: command.args[0] ?? '',
        ...(typeof opts['out'] === 'string' && { out: opts['out'] }),
        ...(opts['force'] === true && { force: true }),
      });
    }));

  return program;
}

/** Runs the CLI and returns the exit code; only bin/ exits the process. */
export async function main(argv: readonly string[], unguardedIo: CliIo): Promise<number> {
  runZodWithoutJit();
  const io = guardIo(unguardedIo);
  let exitCode: number = EXIT_OK;
  const program = createProgram(io, (code) => { exitCode = code; });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; every other parse error is a usage error.
      return error.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_RUN;
    }
    if (error instanceof UserError) {
      // One line each, whatever user text (a file name, a flag's value) the message quotes: a
      // newline in it must not print a line of its own.
      io.stderr.write(`error: ${escapeLine(error.message)}\n${error.details.map((d) => `  ${escapeLine(d)}\n`).join('')}`);
      return EXIT_CANNOT_RUN;
    }
    io.stderr.write(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
      'This is a bug in dodo-transform; please report it with the command you ran.\n');
    return EXIT_CANNOT_RUN;
  }
}
