import { suggestEventType } from '../util/suggest-event.js';
import { Node, SyntaxKind } from 'ts-morph';
import { EVENT_TYPES, isEventType, type EventType } from '../runtime/events/event-types.js';
import { suggest } from '../util/suggest.js';
import { isEventTypeExpr, unwrapParens, type ImportContext } from './context.js';

/**
 * Evaluates a test for one event type. `true`/`false` when the event type decides it;
 * otherwise the node that remains to be evaluated at run time (the node itself when
 * nothing simplifies). Only exact rewrites: an operand that could throw or have side
 * effects is never dropped, and `x || false` becomes `x` only where just truthiness
 * counts (`testContext`).
 */
export function evaluateTest(node: Node, type: EventType, ctx: ImportContext, testContext: boolean): boolean | Node {
  const expr = unwrapParens(node);
  const known = evaluateEventPredicate(expr, type, ctx);
  if (known !== undefined) return known;
  if (Node.isPrefixUnaryExpression(expr) && expr.getOperatorToken() === SyntaxKind.ExclamationToken) {
    const inner = evaluateTest(expr.getOperand(), type, ctx, true);
    return typeof inner === 'boolean' ? !inner : node;
  }
  if (!Node.isBinaryExpression(expr)) return node;
  const operator = expr.getOperatorToken().getKind();
  if (operator !== SyntaxKind.AmpersandAmpersandToken && operator !== SyntaxKind.BarBarToken) return node;
  const isAnd = operator === SyntaxKind.AmpersandAmpersandToken;
  const left = evaluateTest(expr.getLeft(), type, ctx, testContext);
  // `false && x`, `true || x`: x never runs. `true && x`, `false || x`: the value is x's.
  if (typeof left === 'boolean') return left === isAnd ? evaluateTest(expr.getRight(), type, ctx, testContext) : left;
  const right = evaluateTest(expr.getRight(), type, ctx, testContext);
  if (typeof right === 'boolean' && right === isAnd && testContext) return left;
  return node;
}

/** `type === "x"`, `type !== "x"`, `type.startsWith("x")`, `["a", "b"].includes(type)`, …; undefined for anything else. */
function evaluateEventPredicate(expr: Node, type: EventType, ctx: ImportContext): boolean | undefined {
  if (Node.isBinaryExpression(expr)) {
    const operator = expr.getOperatorToken().getKind();
    const negated = operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
    if (!negated && operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) return undefined;
    const [left, right] = [expr.getLeft(), expr.getRight()];
    const literal = isEventTypeExpr(left, ctx) ? getStringLiteral(right) : isEventTypeExpr(right, ctx) ? getStringLiteral(left) : undefined;
    if (literal === undefined) return undefined;
    checkEventLiteral(literal, expr, ctx);
    return (literal === type) !== negated;
  }
  if (!Node.isCallExpression(expr)) return undefined;
  const callee = unwrapParens(expr.getExpression());
  const args = expr.getArguments();
  if (!Node.isPropertyAccessExpression(callee) || args.length !== 1) return undefined;
  const method = callee.getName();
  const [arg] = args;
  if (!arg) return undefined;
  const receiver = unwrapParens(callee.getExpression());
  if (isEventTypeExpr(receiver, ctx)) {
    const text = getStringLiteral(arg);
    if (text === undefined) return undefined;
    const test = method === 'startsWith' ? (t: string) => t.startsWith(text)
      : method === 'endsWith' ? (t: string) => t.endsWith(text)
        : method === 'includes' ? (t: string) => t.includes(text) : undefined;
    if (!test) return undefined;
    if (!EVENT_TYPES.some(test)) {
      ctx.notes.add({ code: 'unknown-event-type', line: expr.getStartLineNumber(), message: `\`${expr.getText()}\` matches no Dodo event type; that branch never ran` });
    }
    return test(type);
  }
  if (method === 'includes' && Node.isArrayLiteralExpression(receiver) && isEventTypeExpr(arg, ctx)) {
    const items = receiver.getElements().map(getStringLiteral);
    if (items.some((item) => item === undefined)) return undefined;
    for (const item of items as string[]) checkEventLiteral(item, expr, ctx);
    return items.includes(type);
  }
  return undefined;
}

/** A string the expression always is: a literal, or literals joined with + ('refund.' + 'succeeded'). */
export function getStringLiteral(node: Node, depth = 0): string | undefined {
  const inner = unwrapParens(node);
  if (Node.isStringLiteral(inner) || Node.isNoSubstitutionTemplateLiteral(inner)) return inner.getLiteralValue();
  if (depth < 32 && Node.isBinaryExpression(inner) && inner.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
    const left = getStringLiteral(inner.getLeft(), depth + 1);
    const right = left === undefined ? undefined : getStringLiteral(inner.getRight(), depth + 1);
    return right === undefined ? undefined : left! + right;
  }
  return undefined;
}

/** A literal that is no Dodo event type never matches: say so, with a suggestion. */
export function checkEventLiteral(literal: string, at: Node, ctx: ImportContext): void {
  if (isEventType(literal)) return;
  ctx.notes.add({ code: 'unknown-event-type', line: at.getStartLineNumber(), message: describeUnknownEvent(literal) });
}

export function describeUnknownEvent(literal: string): string {
  const guess = suggestEventType(literal);
  return `"${literal}" is not a Dodo event type${guess ? ` (did you mean "${guess}"?)` : ''}; code that only runs for it never ran and is left out`;
}
