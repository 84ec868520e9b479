import { Node, SyntaxKind, type BinaryExpression, type PropertyAccessExpression, type ReturnStatement, type Statement } from 'ts-morph';
import type { EventType } from '../runtime/events/event-types.js';
import { getWebhookField, isEventTypeExpr, isReference, isWebhookRef, unwrapParens, type ImportContext } from './context.js';
import { isTestContext, walkLive } from './live-tree.js';
import { isFunctionLike } from './specialize.js';

interface Where {
  /** Index of the top-level statement it is in. */
  top: number;
  /** Inside a nested function: it may run at another time than where it is written. */
  inFunction: boolean;
  /** Loops around it within the handler: it may run again after later code. */
  loops: Node[];
}

export type WebhookUse = Where & (
  | { kind: 'read'; field: string; node: PropertyAccessExpression }
  | { kind: 'write'; field: string; node: BinaryExpression; topLevel: boolean }
  | { kind: 'return'; node: ReturnStatement }
  | { kind: 'other'; node: Node; message: string }
);

const ASSIGNMENT_OPERATORS = new Set([
  SyntaxKind.PlusEqualsToken, SyntaxKind.MinusEqualsToken, SyntaxKind.AsteriskEqualsToken, SyntaxKind.SlashEqualsToken,
  SyntaxKind.BarBarEqualsToken, SyntaxKind.AmpersandAmpersandEqualsToken, SyntaxKind.QuestionQuestionEqualsToken,
]);
const COMPARISONS = new Set([
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken, SyntaxKind.LessThanToken, SyntaxKind.GreaterThanToken, SyntaxKind.LessThanEqualsToken,
  SyntaxKind.GreaterThanEqualsToken, SyntaxKind.InKeyword,
]);
/**
 * Methods that test the event type rather than read it. (`split`, `slice`, `replace`
 * make values: a test on those runs as written, in every handler, which is still exact.)
 */
const TEST_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'match', 'search', 'localeCompare', 'test', 'has', 'some', 'find', 'findIndex', 'filter']);

/**
 * Every use of the webhook in the code that runs for one event type. An event type
 * test left undecided is recorded in `ctx.fatal`: the dispatch was not understood.
 */
export function scanWebhookUses(statements: readonly Statement[], type: EventType, ctx: ImportContext): WebhookUse[] {
  const uses: WebhookUse[] = [];
  statements.forEach((statement, top) => walkLive(statement, type, ctx, (node) => {
    if (isEventTypeExpr(node, ctx) && isTestUse(node)) {
      ctx.fatal.push({ message: `could not tell which events \`${node.getParent()?.getText() ?? node.getText()}\` selects`, node });
      return false;
    }
    if (!isWebhookRef(node, ctx.webhook) || !isReference(node)) return;
    uses.push(classify(node, { top, ...getWhere(node, statement) }, statement, ctx));
  }));
  return uses;
}

function classify(id: Node, where: Where, statement: Statement, ctx: ImportContext): WebhookUse {
  const parent = id.getParent();
  if (Node.isReturnStatement(parent)) {
    return where.inFunction ? { ...where, kind: 'other', node: parent, message: 'a nested function returns the webhook' } : { ...where, kind: 'return', node: parent };
  }
  const field = parent && getWebhookField(parent, ctx.webhook);
  if (!parent || !Node.isPropertyAccessExpression(parent) || field === undefined) {
    const destructured = Node.isVariableDeclaration(parent) && Node.isObjectBindingPattern(parent.getNameNode());
    const message = destructured
      ? `it destructures the webhook (${parent.getText().slice(0, 60)}); read its fields as webhook.eventType, webhook.payload, …, then import again`
      : 'it uses the webhook object as a whole';
    return { ...where, kind: 'other', node: parent ?? id, message };
  }
  let outer = parent.getParent();
  while (Node.isParenthesizedExpression(outer)) outer = outer.getParent();
  if (Node.isBinaryExpression(outer) && unwrapParens(outer.getLeft()) === parent) {
    const operator = outer.getOperatorToken().getKind();
    if (operator === SyntaxKind.EqualsToken) {
      return { ...where, kind: 'write', field, node: outer, topLevel: outer.getParent() === statement };
    }
    if (ASSIGNMENT_OPERATORS.has(operator)) return { ...where, kind: 'other', node: outer, message: `it updates webhook.${field} in place` };
  }
  if (Node.isPrefixUnaryExpression(outer) || Node.isPostfixUnaryExpression(outer) || Node.isDeleteExpression(outer)) {
    return { ...where, kind: 'other', node: outer, message: `it changes webhook.${field} in place` };
  }
  return { ...where, kind: 'read', field, node: parent };
}

function getWhere(node: Node, statement: Statement): Omit<Where, 'top'> {
  const loops: Node[] = [];
  let inFunction = false;
  for (let current = node.getParent(); current; current = current.getParent()) {
    if (Node.isIterationStatement(current)) loops.push(current);
    if (isFunctionLike(current)) inFunction = true;
    if (current === statement) break;
  }
  return { inFunction, loops };
}

/** The event type used as the subject of a test that could not be decided. */
function isTestUse(node: Node): boolean {
  let current = node;
  let parent = node.getParent();
  while (Node.isParenthesizedExpression(parent)) [current, parent] = [parent, parent.getParent()];
  if (!parent) return false;
  if (Node.isBinaryExpression(parent)) return COMPARISONS.has(parent.getOperatorToken().getKind());
  if (Node.isSwitchStatement(parent) || Node.isCaseClause(parent)) return true;
  if (Node.isPropertyAccessExpression(parent)) return parent.getExpression() === current && TEST_METHODS.has(parent.getName());
  if (Node.isCallExpression(parent) && parent.getArguments().includes(current)) {
    const callee = parent.getExpression();
    return isTestContext(parent) || (Node.isPropertyAccessExpression(callee) && TEST_METHODS.has(callee.getName()));
  }
  return false;
}
