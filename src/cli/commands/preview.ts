import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { isEventType, type EventType } from '../../runtime/events/event-types.js';
import { getBuiltinSample } from '../../samples/index.js';
import { createSandbox } from '../../sandbox/index.js';
import { UserError } from '../../util/errors.js';
import { suggest } from '../../util/suggest.js';
import { EVENT_TYPES } from '../../runtime/events/event-types.js';
import { checkResult } from '../../validate/check-result.js';
import { toRuntimeInput } from '../../validate/sample-inputs.js';
import { loadProjectConfig, type CompileFlags } from '../compile-for-cli.js';
import { formatFindings, formatSummary } from '../format-findings.js';
import { createColors, type CliIo } from '../io.js';
import { prepareSnippets } from '../snippets-under-test.js';
import { EXIT_PROBLEMS, getExitCode } from '../../findings/exit-codes.js';

export interface PreviewOptions extends CompileFlags {
  file: string;
  event?: string;
  payload?: string;
  curl?: boolean;
}

/** POSIX shell single quotes: the only character to escape is the quote itself. */
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

async function loadEvent(io: CliIo, options: PreviewOptions): Promise<{ eventType: EventType; event: unknown }> {
  if (options.event !== undefined && !isEventType(options.event)) {
    const guess = suggest(options.event, EVENT_TYPES);
    throw new UserError(`"${options.event}" is not a Dodo event type${guess ? `; did you mean "${guess}"?` : ''}`);
  }
  if (options.payload === undefined) {
    if (options.event === undefined) throw new UserError('give --event <type> (the built-in sample of that event) or --payload <file>');
    return { eventType: options.event as EventType, event: getBuiltinSample(options.event as EventType) };
  }
  const path = resolve(io.cwd, options.payload);
  let event: unknown;
  try {
    event = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UserError(`${options.payload}: cannot read the payload as JSON: ${(error as Error).message}`, { cause: error });
  }
  const type = (event as { type?: unknown } | null)?.type;
  const eventType = options.event ?? (typeof type === 'string' ? type : undefined);
  if (eventType === undefined || !isEventType(eventType)) throw new UserError(`${options.payload}: $.type must be a Dodo event type, or pass --event`);
  return { eventType, event };
}

/** Runs one sample and prints the request the runtime would send, like the dashboard's Test button. */
export async function preview(io: CliIo, options: PreviewOptions): Promise<number> {
  const file = resolve(io.cwd, options.file);
  if (!existsSync(file)) throw new UserError(`${options.file}: no such file`);
  const sample = await loadEvent(io, options);
  const config = await loadProjectConfig(io, options);
  const prepared = await prepareSnippets(config.root, [file], config);
  const errColors = createColors(io, 'stderr');
  const [snippet] = prepared.snippets;
  if (!snippet || getExitCode(prepared.findings) !== 0) {
    io.stderr.write(formatFindings(prepared.findings, config.root, io.cwd, errColors) + formatSummary(prepared.findings, errColors));
    return EXIT_PROBLEMS;
  }
  const sandbox = createSandbox();
  const outcome = await sandbox.run(snippet.code, toRuntimeInput({ eventType: sample.eventType, name: 'preview', event: sample.event })).finally(() => sandbox.close());
  for (const log of outcome.logs) io.stderr.write(errColors.dim(`console.${log.level}: ${log.text}\n`));
  if (!outcome.ok) {
    const mapped = outcome.error.line !== undefined ? snippet.mapPosition?.(outcome.error.line, outcome.error.column ?? 1) : undefined;
    const where = mapped ? `${relative(io.cwd, resolve(config.root, mapped.file))}:${mapped.line}:${mapped.column}  ` : '';
    io.stderr.write(`${where}${errColors.red('error')}  ${outcome.error.message} [${outcome.error.kind}]\n`);
    return EXIT_PROBLEMS;
  }
  const verdict = checkResult(outcome.result);
  const request = outcome.result as { method?: string; url?: string; headers?: Record<string, string>; payload?: unknown };
  if (verdict.cancelled) {
    io.stdout.write(`cancelled: ${sample.eventType} is not sent (the dashboard shows it as delivered)\n`);
  } else {
    const headers: [string, string][] = [['content-type', 'application/json'], ...Object.entries(request.headers ?? {})];
    const body = JSON.stringify(request.payload, null, 2);
    if (options.curl) {
      const parts = [`curl -X ${request.method ?? 'POST'} ${shellQuote(String(request.url))}`, ...headers.map(([k, v]) => `-H ${shellQuote(`${k}: ${v}`)}`), `--data-raw ${shellQuote(JSON.stringify(request.payload))}`];
      io.stdout.write(`${parts.join(' \\\n  ')}\n`);
    } else {
      io.stdout.write(`${request.method ?? 'POST'} ${request.url}\n${headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${body}\n`);
    }
  }
  const findings = verdict.issues.map((i) => ({ code: i.code, severity: i.severity, file: snippet.file, event: sample.eventType, jsonPath: i.jsonPath, message: `${i.message} at ${i.jsonPath}` }));
  io.stderr.write(formatFindings(findings, config.root, io.cwd, errColors) + formatSummary(findings, errColors));
  return getExitCode(findings);
}
