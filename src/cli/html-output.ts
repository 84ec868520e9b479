// --reporter html: the report written to one file, atomically (a temporary sibling renamed over
// it, so a failed run leaves no half-written report), after the terminal output's reporter.
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Report } from '../project/report.js';
import { UserError } from '../util/errors.js';
import { shownPath } from '../util/path.js';
import { escapeLine } from '../util/terminal-text.js';
import { writeFilesAtomic } from '../util/write-atomic.js';
import { REPORTERS, type ReporterName } from './reporters.js';

export const DEFAULT_HTML_OUT = 'dodo-transform-report.html';

/** Every reporter name --reporter takes: the terminal ones and html. */
export const REPORTER_CHOICES = [...REPORTERS, 'html'] as const;
export type ReporterChoice = (typeof REPORTER_CHOICES)[number];

/**
 * The reporters asked for (repeatable --reporter): one for the terminal (pretty unless another is
 * named), and whether to write the HTML file.
 */
export function splitReporters(chosen: readonly ReporterChoice[] | undefined, out: string | undefined): { reporter: ReporterName; html?: string } {
  const list = chosen ?? [];
  const terminal = [...new Set(list.filter((r): r is ReporterName => r !== 'html'))];
  if (terminal.length > 1) throw new UserError(`choose one terminal reporter, not ${terminal.join(' and ')} (html can be added to either: --reporter ${terminal[0]} --reporter html)`);
  const html = list.includes('html');
  if (out !== undefined && !html) throw new UserError('--out names the HTML report\'s file: add --reporter html');
  return { reporter: terminal[0] ?? 'pretty', ...(html && { html: out ?? DEFAULT_HTML_OUT }) };
}

/**
 * A file the report can be written to: in an existing folder, not a folder itself. Checked before
 * the run too, so a typo in --out does not cost a whole validation first.
 */
export function assertReportPath(cwd: string, out: string): string {
  const path = resolve(cwd, out);
  const folder = dirname(path);
  const kind = (p: string) => { try { return statSync(p).isDirectory() ? 'directory' : 'file'; } catch { return undefined; } };
  if (kind(folder) !== 'directory') throw new UserError(`cannot write the HTML report to ${out}: the folder ${relative(cwd, folder) || folder} does not exist`);
  if (kind(path) === 'directory') throw new UserError(`cannot write the HTML report to ${out}: it is a directory (name a file, e.g. ${out.replace(/\/+$/, '')}/${DEFAULT_HTML_OUT})`);
  // An earlier report may be replaced; a mapping, snippet, sample or package.json never is.
  if (kind(path) === 'file' && !/\.html?$/i.test(path)) {
    throw new UserError(`cannot write the HTML report to ${escapeLine(out)}: that file exists and is not an .html file, and the report never replaces one; name a new file or an .html one`);
  }
  return path;
}

/**
 * Writes the report to `out` (relative to cwd); returns the path as the user would type it.
 * `env`: the webhook.env the runs had; its values are masked in the report (a CI artifact).
 */
export async function writeHtmlReport(cwd: string, report: Report, out: string, env?: Readonly<Record<string, string>>, now = new Date()): Promise<string> {
  const path = assertReportPath(cwd, out);
  // Loaded here only: the renderers and the destinations' schemas cost every other command's start-up.
  const { renderHtmlReport } = await import('../report/html/render-report.js');
  const html = renderHtmlReport(report, { generatedAt: now, secrets: Object.values(env ?? {}) });
  try {
    await writeFilesAtomic(new Map([[path, html]]), { cwd });
  } catch (error) {
    throw new UserError(`cannot write the HTML report: ${(error as Error).message}`, { cause: error });
  }
  return shownPath(cwd, path);
}
