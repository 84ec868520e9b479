import { judgeRequest } from '../../validate/judge-request.js';
import { withPlainAdvice } from '../../validate/plain-advice.js';
import { checkDestinationName, withDestination } from '../../project/destination-option.js';
import { suggestEventType } from '../../util/suggest-event.js';
import { relative, resolve } from 'node:path';
import { isEventType, type EventType } from '../../runtime/events/event-types.js';
import { getBuiltinVariant, toEventType } from '../../samples/builtin-variant.js';
import { envelopeSchema } from '../../samples/envelope-schema.js';
import { findNonFinite, findTooDeep, jsonPath as toJsonPath } from '../../util/json.js';
import { parseJson } from '../../samples/json-error.js';
import { validateSnippet } from '../../validate/validate-snippets.js';
import { withEnvRuns } from '../../validate/sample-inputs.js';
import { TOOL_ROOT } from '../../util/tool-info.js';
import { resolveFileOrTemplate } from '../resolve-input.js';
import { groupSampleFindings } from '../reporters.js';
import { createSandbox, type RunOutcome } from '../../sandbox/index.js';
import { assertReadableFile, readBounded } from '../../util/user-files.js';
import { MAX_SAMPLE_BYTES, MAX_SAMPLE_DEPTH } from '../../samples/load-samples.js';
import { escapeJson, escapeLine, hasControlCharacters } from '../../util/terminal-text.js';
import { UserError } from '../../util/errors.js';
import { withCardUrl } from '../../validate/card-url.js';
import { toRuntimeInput, type SampleInput } from '../../validate/sample-inputs.js';
import type { Finding } from '../../findings/finding.js';
import { loadProjectConfig, type CompileFlags } from '../compile-for-cli.js';
import { formatFindings, formatSummary } from '../format-findings.js';
import { createColors, type CliIo } from '../io.js';
import { prepareSnippets } from '../../project/prepare-snippets.js';
import { EXIT_PROBLEMS, getExitCode } from '../../findings/exit-codes.js';

export interface PreviewOptions extends CompileFlags {
  file: string;
  event?: string;
  /** A built-in variant: `currency-jpy` or `builtin/currency-jpy`. */
  variant?: string;
  payload?: string;
  curl?: boolean;
  /** As validate --destination: for a .js snippet whose card supplies the URL. */
  destination?: string;
}

/** POSIX shell single quotes: the only character to escape is the quote itself. */
// Control characters go in ANSI-C quoting ($'…' with escapes), so the command is exact and the
// terminal never sees them raw.
const shellQuote = (s: string) => (hasControlCharacters(s)
  ? `$'${escapeLine(s.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}'`
  : `'${s.replace(/'/g, `'\\''`)}'`);

async function loadEvent(io: CliIo, options: PreviewOptions): Promise<{ eventType: EventType; event: unknown; name: string }> {
  const event = options.event === undefined ? undefined : toEventType(options.event);
  if (options.payload === undefined) {
    if (event === undefined) throw new UserError('give --event <type> (the built-in sample of that event) or --payload <file>; list them: dodo-transform samples');
    const variant = getBuiltinVariant(event, options.variant);
    return { eventType: event, event: variant.event, name: `builtin/${variant.name}` };
  }
  if (options.variant !== undefined) throw new UserError('--variant picks a built-in sample; it cannot be used with --payload');
  const path = resolve(io.cwd, options.payload);
  assertReadableFile(path, options.payload);
  const read = await readBounded(path, MAX_SAMPLE_BYTES);
  if (read.truncated) throw new UserError(`${options.payload}: the file has ${read.bytes} bytes; a payload may have at most ${MAX_SAMPLE_BYTES}`);
  const parsed = parseJson(read.text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new UserError(`${options.payload}: not valid JSON at line ${parsed.error.line}, column ${parsed.error.column}: ${parsed.error.message}`);
  const deep = findTooDeep(parsed.value, MAX_SAMPLE_DEPTH);
  if (deep !== undefined) throw new UserError(`${options.payload}: ${deep}: nested more than ${MAX_SAMPLE_DEPTH} levels deep; a Dodo event is a handful of levels deep`);
  const huge = findNonFinite(parsed.value);
  if (huge !== undefined) throw new UserError(`${options.payload}: ${huge}: a number too large for JavaScript (it reads as Infinity); write the value Dodo sends`);
  const value = parsed.value as { type?: unknown } | null;
  const type = typeof value === 'object' && value !== null && !Array.isArray(value) ? value.type : undefined;
  let eventType = event;
  if (eventType === undefined) {
    if (typeof type !== 'string') throw new UserError(`${options.payload}: $.type: ${type === undefined ? 'missing' : 'not a string'}; expected a Dodo event type (or pass --event)`);
    if (!isEventType(type)) {
      const guess = suggestEventType(type);
      throw new UserError(`${options.payload}: $.type: ${JSON.stringify(type)} is not a Dodo event type${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    eventType = type;
  }
  // The same checks as a sample file: every problem with its JSON path.
  const result = envelopeSchema(eventType).safeParse(parsed.value);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${toJsonPath(i.path)}: ${i.message.replace(/does not match its folder/, 'does not match --event')}`);
    throw new UserError(`${options.payload}: not a usable ${eventType} event:`, { details: problems });
  }
  return { eventType, event: parsed.value, name: options.payload };
}

/** Runs one sample and prints the request the runtime would send, like the dashboard's Test button. */
export async function preview(io: CliIo, options: PreviewOptions): Promise<number> {
  const input = resolveFileOrTemplate(io.cwd, options.file);
  const file = input.path;
  assertReadableFile(file, options.file);
  const sample = await loadEvent(io, options);
  const config = await loadProjectConfig(io, options);
  // Templates compile relative to the tool, as in `copy` and `generate handler --template`.
  const root = input.template ? TOOL_ROOT : config.root;
  const sandbox = createSandbox({ concurrency: 1 });
  let prepared: Awaited<ReturnType<typeof prepareSnippets>>;
  let outcome: RunOutcome | undefined;
  let runtimeInput: Record<string, unknown> | undefined;
  const envFindings: Finding[] = [];
  try {
    const destination = options.destination === undefined ? undefined : await checkDestinationName(options.destination);
    prepared = withDestination(await prepareSnippets(root, [file], config, sandbox), destination);
    const [first] = prepared.snippets;
    if (first && getExitCode(prepared.findings) === 0) {
      const run: SampleInput = { eventType: sample.eventType, name: sample.name, event: sample.event, ...(config.env && { env: config.env }) };
      runtimeInput = withCardUrl(toRuntimeInput(run), first.destination);
      outcome = await sandbox.run(first.code, runtimeInput);
      if (config.env) {
        // The runtime may omit env: the same sample without it, said only when that breaks the request.
        const report = await validateSnippet({ ...first, reference: first.code }, { inputs: withEnvRuns([{ eventType: sample.eventType, name: sample.name, event: sample.event }], config.env), sandbox });
        envFindings.push(...report.findings.filter((f) => f.code === 'env-missing'));
      }
    }
  } finally {
    await sandbox.close();
  }
  const errColors = createColors(io, 'stderr');
  const [snippet] = prepared.snippets;
  if (!snippet || outcome === undefined) {
    io.stderr.write(formatFindings(prepared.findings, root, io.cwd, errColors) + formatSummary(prepared.findings, errColors));
    return EXIT_PROBLEMS;
  }
  // Logs, messages, the URL, headers and body all come from user code: escaped for the terminal.
  for (const log of outcome.logs) io.stderr.write(errColors.dim(`console.${log.level}: ${escapeLine(log.text)}\n`));
  if (!outcome.ok) {
    // A compiled mapping's line is its TypeScript source's; a hand-written snippet's is its own.
    const line = outcome.error.line;
    const mapped = line === undefined ? undefined
      : snippet.mapPosition ? snippet.mapPosition(line, outcome.error.column ?? 1) : { file: snippet.file, line, column: outcome.error.column ?? 1 };
    const where = mapped ? `${escapeLine(relative(io.cwd, resolve(root, mapped.file)))}:${mapped.line}:${mapped.column}  ` : '';
    io.stderr.write(`${where}${errColors.red('error')}  ${escapeLine(outcome.error.message)} [${outcome.error.kind}]\n`);
    return EXIT_PROBLEMS;
  }
  const { verdict, issues } = judgeRequest(outcome.result, {
    ...(typeof runtimeInput?.['url'] === 'string' && { inputUrl: runtimeInput['url'] }), ...(snippet.destination !== undefined && { declared: snippet.destination }),
    event: sample.event, sample: sample.name,
  });
  const request = outcome.result as { method?: string; url?: string; headers?: Record<string, string>; payload?: unknown };
  if (verdict.cancelled) {
    io.stdout.write(`cancelled: ${sample.eventType} is not sent (the dashboard shows it as delivered)\n`);
  } else {
    const headers: [string, string][] = [['content-type', 'application/json'], ...Object.entries(request.headers ?? {})];
    const body = escapeJson(JSON.stringify(request.payload, null, 2) ?? 'undefined');
    if (options.curl) {
      const parts = [`curl -X ${/^[A-Z]+$/.test(String(request.method ?? 'POST')) ? String(request.method ?? 'POST') : shellQuote(String(request.method))} ${shellQuote(String(request.url))}`, ...headers.map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`), `--data-raw ${shellQuote(escapeJson(JSON.stringify(request.payload) ?? ''))}`];
      io.stdout.write(`${parts.join(' \\\n  ')}\n`);
    } else {
      io.stdout.write(`${escapeLine(String(request.method ?? 'POST'))} ${escapeLine(String(request.url))}\n${headers.map(([k, v]) => escapeLine(`${k}: ${v}`)).join('\n')}\n\n${body}\n`);
    }
  }
  // The same judgement of the request as validate gives this sample.
  const judged: Finding[] = issues.map((i) => ({ code: i.code, severity: i.severity, file: snippet.file, event: sample.eventType, jsonPath: i.jsonPath, message: `${i.message} at ${i.jsonPath}` }));
  const findings: Finding[] = [
    ...(snippet.mapPosition ? judged : withPlainAdvice(judged)),
    ...groupSampleFindings(envFindings),
  ];
  io.stderr.write(formatFindings(findings, root, io.cwd, errColors) + formatSummary(findings, errColors));
  return getExitCode(findings);
}
