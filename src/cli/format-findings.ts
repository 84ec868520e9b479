import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toProjectPath } from '../util/path.js';
import type { ChalkInstance } from 'chalk';
import { formatCodeFrame } from '../findings/code-frame.js';
import type { Finding } from '../findings/finding.js';
import { escapeLine } from '../util/terminal-text.js';
import { unreadableReason } from '../util/user-files.js';

/**
 * `path:line:col  severity  message [code]`, then a code frame. Sources are read
 * lazily and once per file; a file that cannot be read just has no frame.
 */
export function formatFindings(findings: readonly Finding[], root: string, cwd: string, colors: ChalkInstance): string {
  const sources = new Map<string, string | undefined>();
  const read = (file: string) => {
    if (!sources.has(file)) {
      try {
        // Only a regular file inside the project: a code frame must not show what a link points to.
        const path = resolve(root, file);
        sources.set(file, unreadableReason(path, root) === undefined ? readFileSync(path, 'utf8') : undefined);
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  const blocks = findings.map((f) => {
    // Paths relative to where the user stands, so terminals and editors can open them.
    const shown = f.file ? toProjectPath(cwd, resolve(root, f.file)) : '';
    // Everything below may carry user text (file names, thrown messages, logs, source lines): escaped,
    // newlines too: a thrown message's second line must not pass for a line of the report (or, in a CI
    // log, for a workflow command such as ::add-mask::).
    const where = f.file ? escapeLine(`${shown}${f.line ? `:${f.line}:${f.column ?? 1}` : ''}`) : '';
    const label = f.severity === 'error' ? colors.red('error') : colors.yellow('warning');
    const lines = [`${where ? `${colors.cyan(where)}  ` : ''}${label}  ${escapeLine(f.message)} ${colors.dim(`[${f.code}]`)}`];
    for (const detail of f.details ?? []) lines.push(`    ${escapeLine(detail)}`);
    const source = f.file && f.line ? read(f.file) : undefined;
    if (source !== undefined && f.line) lines.push(...formatCodeFrame(source, f.line, f.column ?? 1).map((l) => colors.dim(`  ${escapeLine(l)}`)));
    return lines.join('\n');
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

export function formatSummary(findings: readonly Finding[], colors: ChalkInstance): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return '';
  const parts = [errors ? colors.red(`${errors} error${errors === 1 ? '' : 's'}`) : '', warnings ? colors.yellow(`${warnings} warning${warnings === 1 ? '' : 's'}`) : ''];
  return `\n${parts.filter(Boolean).join(', ')}\n`;
}
