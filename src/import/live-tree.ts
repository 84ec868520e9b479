import { Node, SyntaxKind } from 'ts-morph';
import type { EventType } from '../events/event-types.js';
import type { ImportContext } from './context.js';
import { evaluateTest } from './event-tests.js';

/**
 * How the event type reshapes one node inside a handler for `type`: replaced by
 * fixed text (a decided test, an `if` that never runs), replaced by one of its
 * children (the branch that runs), or kept (undefined). The renderer and the
 * webhook-use scanner both walk this "live" tree, so they agree on what runs.
 */
export type Resolved = { text: string } | { node: Node; parenthesize: boolean } | undefined;

const TEST_KINDS = new Set([
  SyntaxKind.BinaryExpression, SyntaxKind.CallExpression, SyntaxKind.PrefixUnaryExpression, SyntaxKind.ParenthesizedExpression,
]);

export function resolveForEvent(node: Node, type: EventType, ctx: ImportContext): Resolved {
  if (Node.isIfStatement(node)) {
    const value = evaluateTest(node.getExpression(), type, ctx, true);
    if (typeof value !== 'boolean') return undefined;
    const branch = value ? node.getThenStatement() : node.getElseStatement();
    if (branch) return { node: branch, parenthesize: false };
    // A statement list drops it; where a statement is required (`else if`), an empty one.
    const parent = node.getParent();
    return { text: Node.isBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent) ? '' : ';' };
  }
  if (Node.isConditionalExpression(node)) {
    const value = evaluateTest(node.getCondition(), type, ctx, true);
    if (typeof value !== 'boolean') return undefined;
    return { node: value ? node.getWhenTrue() : node.getWhenFalse(), parenthesize: true };
  }
  if (!TEST_KINDS.has(node.getKind())) return undefined;
  const value = evaluateTest(node, type, ctx, isTestContext(node));
  if (typeof value === 'boolean') return { text: String(value) };
  return value === node ? undefined : { node: value, parenthesize: false };
}

/** Whether only the truthiness of `node`'s value matters where it stands. */
export function isTestContext(node: Node): boolean {
  let current = node;
  for (let parent = current.getParent(); parent; current = parent, parent = parent.getParent()) {
    if (Node.isParenthesizedExpression(parent)) continue;
    if (Node.isBinaryExpression(parent)) {
      const op = parent.getOperatorToken().getKind();
      if (op === SyntaxKind.AmpersandAmpersandToken || op === SyntaxKind.BarBarToken) continue;
      return false;
    }
    if (Node.isPrefixUnaryExpression(parent)) return parent.getOperatorToken() === SyntaxKind.ExclamationToken;
    if (Node.isIfStatement(parent) || Node.isWhileStatement(parent) || Node.isDoStatement(parent)) return parent.getExpression() === current;
    if (Node.isConditionalExpression(parent)) return parent.getCondition() === current;
    if (Node.isForStatement(parent)) return parent.getCondition() === current;
    return false;
  }
  return false;
}

/** Visits every node that runs for `type`, parents first; `visit` returning false skips the children. */
export function walkLive(node: Node, type: EventType, ctx: ImportContext, visit: (node: Node) => boolean | void): void {
  const resolved = resolveForEvent(node, type, ctx);
  if (resolved && 'text' in resolved) return;
  if (resolved) return walkLive(resolved.node, type, ctx, visit);
  if (visit(node) === false) return;
  for (const child of node.getChildren()) walkLive(child, type, ctx, visit);
}
