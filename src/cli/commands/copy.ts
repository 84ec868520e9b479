// copy: input → snippet → validation (as `validate`) → clipboard, OSC 52 or stdout → one line on stderr.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isInside, shownPath } from '../../util/path.js';
import { currentSourceHash } from '../../compile/source-hash.js';
import { readGeneratedSource, readSourceHash } from '../../compile/emit-snippet.js';
import { assertReadableFile, readBounded } from '../../util/user-files.js';
import { escapeLine } from '../../util/terminal-text.js';
import { sortFindings } from '../../findings/finding.js';
import { TOOL_ROOT } from '../../util/tool-info.js';
import { resolveInput } from '../resolve-input.js';
import { deliverText, type Delivery } from '../clipboard/deliver.js';
import { createSystemClipboard, type Clipboard } from '../clipboard/system-clipboard.js';
import { loadProjectConfig, type CompileFlags } from '../compile-for-cli.js';
import { formatFindings, formatSummary } from '../format-findings.js';
import { createColors, type CliIo } from '../io.js';
import { causesFirst, groupSampleFindings } from '../reporters.js';
import { runValidation } from '../../project/run-validation.js';
import { prepareSnippets } from '../../project/prepare-snippets.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../../findings/exit-codes.js';

export interface CopyOptions extends CompileFlags {
  /** A `.ts` mapping, a `.js` snippet, or a built-in template name. */
  input: string;
  /** Copy even when validation finds errors. */
  force?: boolean;
  /** Print to stdout instead of copying. */
  print?: boolean;
}

export interface CopyDeps {
  /** @default the system clipboard through clipboardy */
  clipboard?: Clipboard;
  /** @default 2000 */
  clipboardTimeoutMs?: number;
}

const count = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;

function formatMessage(what: string, delivery: Delivery): string {
  if (delivery.via === 'clipboard') return `copied ${what} to the clipboard`;
  if (delivery.via === 'terminal') {
    return `copied ${what} to the clipboard through the terminal (OSC 52; no system clipboard: ${delivery.reason}); ` +
      'if nothing pastes, allow clipboard access in the terminal\'s settings';
  }
  return delivery.reason === undefined ? `printed ${what}`
    : `printed ${what} to stdout: no system clipboard (${delivery.reason}) and stdout is not a terminal`;
}

/** Copies a snippet that passes validation; exit 1 (nothing copied) on errors unless `force`. */
export async function copy(io: CliIo, options: CopyOptions, deps: CopyDeps = {}): Promise<number> {
  const input = resolveInput(io.cwd, options.input);
  // The project of the file, not of the working directory: the snippet is the same from anywhere.
  const config = await loadProjectConfig(io, options, input.template ? io.cwd : dirname(input.path));
  // As validate: a regular file, not a link out of the project.
  if (!input.template) assertReadableFile(input.path, options.input, config.root);
  const noteLabel = createColors(io, 'stderr').yellow('note:');
  for (const note of await copyNotes(io.cwd, config.root, input, options.input)) io.stderr.write(`${noteLabel} ${note}\n`);
  // Templates compile relative to the tool, as in `generate handler --template`.
  const root = input.template ? TOOL_ROOT : config.root;
  const prepared = await prepareSnippets(root, [input.path], config);
  const [snippet] = prepared.snippets;
  const { report } = snippet
    ? await runValidation({
      root, cwd: io.cwd, snippets: [snippet], findings: prepared.findings,
      ...(existsSync(config.samples) && { samplesDir: config.samples }),
      // The project's expected outputs describe its own mappings, not a built-in template that shares a name.
      ...(!input.template && { golden: { dir: config.expected, update: false } }),
    })
    : { report: { findings: sortFindings(prepared.findings), summaries: [] } };
  const colors = createColors(io, 'stderr');
  const grouped = groupSampleFindings(report.findings);
  io.stderr.write(formatFindings(causesFirst(grouped), root, io.cwd, colors) + formatSummary(grouped, colors));
  if (!snippet) return EXIT_PROBLEMS;
  const errors = grouped.filter((f) => f.severity === 'error').length;
  if (errors > 0 && !options.force) {
    io.stderr.write(`not copied: ${options.input} has ${count(errors, 'error')}; fix them, or pass --force to copy it anyway\n`);
    return EXIT_PROBLEMS;
  }

  const compiled = prepared.compiled[0];
  // A compiled mapping declares its events; for a pasted snippet, count the events it does not cancel.
  const events = compiled?.events.length
    ?? report.summaries[0]?.events.filter((e) => e.runs > e.cancelled).length ?? 0;
  const what = `${snippet.name} (${count(events, 'event')}${compiled?.otherEvents === 'passthrough' ? ', others passed through' : ''}, ` +
    `${count(snippet.code.length, 'character')})`;
  const delivery = await deliverText(io, snippet.code, {
    clipboard: deps.clipboard ?? createSystemClipboard(io.env),
    timeoutMs: deps.clipboardTimeoutMs ?? 2000,
    ...(options.print && { print: true }),
  });
  io.stderr.write(`${formatMessage(what, delivery)}${errors > 0 ? ` despite ${count(errors, 'error')} (--force)` : ''}\n`);
  return EXIT_OK;
}

/**
 * What to know before pasting: a bare name copies the built-in template even where the project has
 * a mapping of that name; a generated snippet whose mapping changed after it was written is stale.
 */
async function copyNotes(cwd: string, root: string, input: { path: string; template: boolean }, given: string): Promise<string[]> {
  if (input.template) {
    const own = join(root, 'mappings', `${given}.ts`);
    return existsSync(own) ? [`copying the built-in ${given} template, not your ${shownPath(cwd, own)}; to copy yours: dodo-transform copy ${shownPath(cwd, own)}`] : [];
  }
  if (!input.path.endsWith('.js')) return [];
  const head = (await readBounded(input.path, 400).catch(() => ({ text: '' }))).text;
  const source = readGeneratedSource(head);
  if (source === undefined) return [];
  const mapping = resolve(root, source);
  const committedHash = readSourceHash(head);
  if (committedHash === undefined || !isInside(root, mapping) || !existsSync(mapping)) return [];
  // The hash of what the mapping and its helpers hold now, against the one the snippet was made from.
  const now = await currentSourceHash(root, mapping).catch(() => undefined);
  return now !== undefined && now !== committedHash
    ? [`${escapeLine(source)} has changed since ${shownPath(cwd, input.path)} was generated; run dodo-transform build first, or copy the mapping itself: dodo-transform copy ${escapeLine(source)}`]
    : [];
}
