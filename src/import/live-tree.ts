import { Node, SyntaxKind } from 'ts-morph';
import type { EventType } from '../runtime/events/event-types.js';
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
    // A statement list drops it, unless the statement before it relied on it to end
    // (no semicolon); where a statement is required (`else if`), an empty one.
    const parent = node.getParent();
    const inList = Node.isBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent);
    const previous = node.getPreviousSibling();
    return { text: inList && (!previous || /[;}]$/.test(previous.getText())) ? '' : ';' };
  }
  if (Node.isParenthesizedExpression(node)) {
    // `(type === "x" ? "a" : "b")` → `"a"`, not `("a")`.
    const inner = resolveForEvent(node.getExpression(), type, ctx);
    if (inner && 'node' in inner && isTight(inner.node)) return { node: inner.node, parenthesize: false };
  }
  if (Node.isConditionalExpression(node)) {
    const value = evaluateTest(node.getCondition(), type, ctx, true);
    if (typeof value !== 'boolean') return undefined;
    const branch = value ? node.getWhenTrue() : node.getWhenFalse();
    return { node: branch, parenthesize: !isTight(branch) };
  }
  if (!TEST_KINDS.has(node.getKind())) return undefined;
  const value = evaluateTest(node, type, ctx, isTestContext(node));
  if (typeof value === 'boolean') return { text: String(value) };
  // `!(type === "x" && a + b)` → `!(a + b)`: the operand that remains keeps its grouping.
  return value === node ? undefined : { node: value, parenthesize: !isTight(value) && isOperand(node) };
}

/** Whether `node` is the operand of an operator, where a looser expression would regroup. */
function isOperand(node: Node): boolean {
  const parent = node.getParent();
  return Node.isBinaryExpression(parent) || Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)
    || Node.isTypeOfExpression(parent) || Node.isVoidExpression(parent) || Node.isConditionalExpression(parent)
    || Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent) || Node.isCallExpression(parent) && parent.getExpression() === node;
}

/** An expression that can stand anywhere another one stood without parentheses. */
function isTight(node: Node): boolean {
  return Node.isLiteralExpression(node) || Node.isIdentifier(node) || Node.isParenthesizedExpression(node) || Node.isCallExpression(node)
    || Node.isPropertyAccessExpression(node) || Node.isElementAccessExpression(node) || Node.isObjectLiteralExpression(node)
    || Node.isArrayLiteralExpression(node) || Node.isTemplateExpression(node);
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
