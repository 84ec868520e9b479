import { parse, type Program } from 'acorn';
import { simple } from 'acorn-walk';
import { analyzeProgram } from '../analyze/analyze-code.js';
import { checkComparisons } from '../analyze/comparisons.js';
import { checkStringAmounts } from '../analyze/string-amounts.js';
import { MAX_SNIPPET_CHARS } from '../compile/targets.js';
import type { Finding } from '../findings/finding.js';
import { describeCredential } from './credentials.js';
import { withPlainAdvice } from './plain-advice.js';

/** The runtime rejects code shorter than this. */
export const MIN_SNIPPET_CHARS = 10;

/**
 * Static checks of a snippet as pasted: it must parse as a script, declare exactly
 * one top-level `function handler`, fit the size limits, and use only what the
 * runtime provides. `file` is the path findings are reported against.
 */
export function checkSnippetSource(code: string, file: string): Finding[] {
  const findings: Finding[] = [];
  const at = (f: Omit<Finding, 'file'>): Finding => ({ file, ...f });
  // Not parsed: its size alone decides, and parsing megabytes of hostile code is what the limit avoids.
  if (code.length > MAX_SNIPPET_CHARS) return [at({ code: 'snippet-too-large', severity: 'error', message: `the snippet has ${code.length} characters; the runtime accepts at most ${MAX_SNIPPET_CHARS} (not parsed or run)` })];
  if (code.trim().length < MIN_SNIPPET_CHARS) findings.push(at({ code: 'snippet-too-small', severity: 'error', message: `the snippet has ${code.trim().length} characters; the runtime needs at least ${MIN_SNIPPET_CHARS}` }));

  let program: Program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true });
  } catch (error) {
    // The parser's stack is smaller than the engine's: code V8 runs may be too deep for it.
    if (isStackOverflow(error)) return [...findings, tooDeep(file)];
    return [...findings, moduleOrSyntaxError(code, file, error as SyntaxError & { loc?: { line: number; column: number } })];
  }
  try {
    findings.push(...withPlainAdvice(checkProgram(program, file)));
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    findings.push(tooDeep(file));
  }
  return findings;
}

/** Whether acorn or a walk over its tree ran out of stack (thousands of nested blocks or ternaries). */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || /stack space/i.test(String((error as Error | undefined)?.message));
}

function tooDeep(file: string): Finding {
  return {
    code: 'too-deep-to-analyse', severity: 'warning', file,
    message: 'the snippet nests too deeply for the static checks, so they were skipped; it was still run on every sample. Flatten the nesting (a lookup table, early returns) to have it checked',
  };
}

function checkProgram(program: Program, file: string): Finding[] {
  const findings: Finding[] = [];
  const at = (f: Omit<Finding, 'file'>): Finding => ({ file, ...f });
  const handlers = program.body.filter((n) => n.type === 'FunctionDeclaration' && n.id?.name === 'handler');
  if (handlers.length !== 1) {
    findings.push(at({ code: 'handler-shape', severity: 'error', message: handlers.length === 0 ? 'no top-level `function handler(webhook)` is declared' : '`function handler` is declared more than once' }));
  } else if (program.body.length > 1) {
    const other = program.body.find((n) => n !== handlers[0] && n.type !== 'EmptyStatement');
    if (other) findings.push(at({ code: 'handler-shape', severity: 'warning', line: other.loc?.start.line, column: (other.loc?.start.column ?? 0) + 1, message: 'code outside `function handler` runs on every delivery before handler is called; keep everything inside handler' }));
  }
  for (const issue of analyzeProgram(program)) findings.push(at(issue));
  for (const issue of checkComparisons(program)) findings.push(at(issue));
  for (const issue of checkStringAmounts(program)) findings.push(at(issue));
  for (const issue of findCredentialLiterals(program)) findings.push(at(issue));
  return findings;
}

/** String literals that look like credentials, at their position in `program` (1-based). */
export function findCredentialLiterals(program: Program): (Omit<Finding, 'file'> & { line: number; column: number })[] {
  const found: (Omit<Finding, 'file'> & { line: number; column: number })[] = [];
  const push = (node: { loc?: { start: { line: number; column: number } } | null }, label: string) => found.push({
    code: 'credential-literal', severity: 'warning', line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1,
    message: `this string looks like ${label}; read it from the endpoint's variables (webhook.env) instead of pasting it into code`,
  });
  simple(program, {
    Literal: (node) => {
      if (typeof node.value !== 'string') return;
      const label = describeCredential(node.value);
      if (label) push(node, label);
    },
    Property: (node) => {
      const key = node.key.type === 'Identifier' ? node.key.name : node.key.type === 'Literal' ? String(node.key.value) : undefined;
      if (!key || node.value.type !== 'Literal' || typeof node.value.value !== 'string') return;
      if (describeCredential(node.value.value)) return; // already reported by the Literal visitor
      const label = describeCredential(node.value.value, key);
      if (label) push(node, label);
    },
  });
  return found;
}

/** import/export/top-level await parse only as a module: say that, not "unexpected token". */
function moduleOrSyntaxError(code: string, file: string, error: SyntaxError & { loc?: { line: number; column: number } }): Finding {
  const position = { line: error.loc?.line, column: (error.loc?.column ?? 0) + 1 };
  try {
    const module = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
    const node = module.body.find((n) => n.type.startsWith('Import') || n.type.startsWith('Export')) ?? module.body[0];
    return { code: 'module-syntax', severity: 'error', file, line: node?.loc?.start.line, column: (node?.loc?.start.column ?? 0) + 1, message: 'import, export and top-level await are syntax errors in the runtime: the code is pasted into a function body' };
  } catch {
    return { code: 'syntax-error', severity: 'error', file, ...position, message: error.message.replace(/\s*\(\d+:\d+\)$/, '') };
  }
}
