import { Node } from 'ts-morph';
import type { EventType } from '../runtime/events/event-types.js';
import type { ImportContext } from './context.js';
import { resolveForEvent } from './live-tree.js';

/** A node-specific rewrite (webhook reads and writes); undefined keeps the node and renders its children. */
export type Rewrite = (node: Node) => string | undefined;

/**
 * The source text of `node` as it runs for `type`: decided tests and dead branches
 * resolved, `rewrite` applied, everything else (comments, spacing) copied verbatim.
 */
export function render(node: Node, type: EventType, ctx: ImportContext, rewrite: Rewrite): string {
  const resolved = resolveForEvent(node, type, ctx);
  if (resolved && 'text' in resolved) return resolved.text;
  if (resolved) {
    const inner = render(resolved.node, type, ctx, rewrite);
    return resolved.parenthesize ? `(${inner})` : inner;
  }
  const replaced = rewrite(node);
  if (replaced !== undefined) return replaced;
  if (Node.isStringLiteral(node)) return requote(node.getText());
  const children = node.getChildren();
  if (children.length === 0) return node.getText();
  const text = node.getSourceFile().getFullText();
  let out = '';
  let pos = node.getStart();
  for (const child of children) {
    const start = child.getStart();
    // Empty lists and JSDoc (which sits in the leading trivia) have nothing to add here.
    if (child.getEnd() <= start || start < pos) continue;
    out += text.slice(pos, start) + render(child, type, ctx, rewrite);
    pos = child.getEnd();
  }
  return out + text.slice(pos, node.getEnd());
}

/**
 * A statement with the comments on the lines before it and at the end of its line,
 * and its semicolon: statements are put next to new neighbours, and without it
 * `foo()` followed by a line starting with `[` or `(` would become one expression.
 */
export function renderStatement(statement: Node, type: EventType, ctx: ImportContext, rewrite: Rewrite): string {
  const text = render(statement, type, ctx, rewrite);
  return withComments(statement, needsSemicolon(statement, text) ? `${text};` : text);
}

function needsSemicolon(statement: Node, text: string): boolean {
  const simple = Node.isExpressionStatement(statement) || Node.isVariableStatement(statement) || Node.isReturnStatement(statement)
    || Node.isThrowStatement(statement) || Node.isBreakStatement(statement) || Node.isContinueStatement(statement) || Node.isDoStatement(statement);
  return simple && text.trim() !== '' && !/;\s*$/.test(text);
}

export function withComments(node: Node, text: string): string {
  const trailing = node.getTrailingCommentRanges().map((c) => ` ${c.getText()}`).join('');
  return `${getCommentLines(node, false)}${text}${trailing}`;
}

/** The comments before a node, each ending its line; with `all`, the ones after it on its line too. */
export function getCommentLines(node: Node, all: boolean): string {
  const ranges = [...node.getLeadingCommentRanges(), ...(all ? node.getTrailingCommentRanges() : [])];
  return ranges.map((c) => `${c.getText()}\n`).join('');
}

/** `"text"` → `'text'` when nothing inside needs escaping: the generated module uses single quotes. */
export function requote(literal: string): string {
  if (!literal.startsWith('"')) return literal;
  const inner = literal.slice(1, -1);
  return inner.includes("'") || inner.includes('\\') ? literal : `'${inner}'`;
}
