import { Node, SyntaxKind, type Block, type Statement } from 'ts-morph';
import { isReference, unwrapParens, type ImportContext } from './context.js';

export interface PrunedBody {
  text: string;
  /** The returned expression when the body is a single `return …;`, for a concise arrow. */
  onlyReturn?: string;
  /** Identifiers the body refers to: decides which parameters the handler declares. */
  references: ReadonlySet<string>;
}

const WRAPPER = 'function __body() {\n';

/**
 * Removes declarations the handler no longer uses, which the dispatch copies into
 * every handler (`const s = webhook.payload.data` before a `switch`), but only where
 * dropping them cannot change anything: initialisers that cannot throw.
 */
export function pruneBody(body: string, ctx: ImportContext): PrunedBody {
  let text = body;
  for (;;) {
    const block = parseBody(text, ctx);
    const statements = block.getStatements();
    const unused = statements.find((s) => isRemovable(s, block, ctx));
    if (unused) {
      const end = Math.max(unused.getEnd(), ...unused.getTrailingCommentRanges().map((c) => c.getEnd()));
      // The first statement's trivia starts at the wrapper's own newline: clamp to the body.
      text = text.slice(0, Math.max(0, unused.getPos() - WRAPPER.length)) + text.slice(end - WRAPPER.length);
      continue;
    }
    const [only] = statements;
    const returned = statements.length === 1 && Node.isReturnStatement(only) ? only.getExpression()?.getText() : undefined;
    const references = new Set(block.getDescendantsOfKind(SyntaxKind.Identifier).filter(isReference).map((id) => id.getText()));
    return { text: text.trim(), references, ...(returned !== undefined && { onlyReturn: returned }) };
  }
}

function parseBody(text: string, ctx: ImportContext): Block {
  const file = ctx.project.createSourceFile('__body.ts', `${WRAPPER}${text}\n}`, { overwrite: true });
  return file.getFunctionOrThrow('__body').getBody() as Block;
}

function isRemovable(statement: Statement, block: Block, ctx: ImportContext): boolean {
  if (Node.isFunctionDeclaration(statement)) {
    const name = statement.getNameNode();
    return name !== undefined && !isUsed(name, block);
  }
  if (!Node.isVariableStatement(statement)) return false;
  return statement.getDeclarations().every((d) => {
    const name = d.getNameNode();
    const init = d.getInitializer();
    return Node.isIdentifier(name) && !isUsed(name, block) && (init === undefined || cannotThrow(init, ctx));
  });
}

function isUsed(name: Node, block: Block): boolean {
  return block.getDescendantsOfKind(SyntaxKind.Identifier).some((id) => id !== name && id.getText() === name.getText() && isReference(id));
}

/**
 * Literals, variables, functions, arrays and objects of those, operators on them
 * (event data is JSON: no getters, no custom valueOf), and property reads that cannot
 * hit undefined: the event and its `data` are always objects, the webhook always is,
 * and a `?.` step never throws.
 */
function cannotThrow(node: Node, ctx: ImportContext): boolean {
  const expr = unwrapParens(node);
  const safe = (n: Node | undefined) => n !== undefined && cannotThrow(n, ctx);
  if (Node.isLiteralExpression(expr) || Node.isIdentifier(expr) || Node.isArrowFunction(expr) || Node.isFunctionExpression(expr)) return true;
  if (SAFE_KEYWORDS.has(expr.getKind())) return true;
  if (Node.isArrayLiteralExpression(expr)) return expr.getElements().every(safe);
  if (Node.isObjectLiteralExpression(expr)) {
    return expr.getProperties().every((p) => Node.isShorthandPropertyAssignment(p)
      || (Node.isPropertyAssignment(p) && !Node.isComputedPropertyName(p.getNameNode()) && safe(p.getInitializer())));
  }
  if (Node.isTemplateExpression(expr)) return expr.getTemplateSpans().every((span) => safe(span.getExpression()));
  if (Node.isTypeOfExpression(expr)) return safe(expr.getExpression());
  // Not `++x`: dropping it would drop the increment.
  if (Node.isPrefixUnaryExpression(expr)) return SAFE_PREFIX.has(expr.getOperatorToken()) && safe(expr.getOperand());
  if (Node.isBinaryExpression(expr)) return SAFE_OPERATORS.has(expr.getOperatorToken().getKind()) && safe(expr.getLeft()) && safe(expr.getRight());
  if (Node.isConditionalExpression(expr)) return safe(expr.getCondition()) && safe(expr.getWhenTrue()) && safe(expr.getWhenFalse());
  let unguarded = 0;
  let current: Node = expr;
  while (Node.isPropertyAccessExpression(current)) {
    if (!current.hasQuestionDotToken()) unguarded++;
    current = unwrapParens(current.getExpression());
  }
  if (current === expr || !Node.isIdentifier(current)) return false;
  const root = current.getText();
  return (root === ctx.names.event && unguarded <= 2) || (root === ctx.webhook && unguarded <= 1);
}

const SAFE_PREFIX = new Set([SyntaxKind.ExclamationToken, SyntaxKind.MinusToken, SyntaxKind.PlusToken, SyntaxKind.TildeToken]);
const SAFE_KEYWORDS = new Set([SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword, SyntaxKind.UndefinedKeyword]);
const SAFE_OPERATORS = new Set([
  SyntaxKind.PlusToken, SyntaxKind.MinusToken, SyntaxKind.AsteriskToken, SyntaxKind.SlashToken, SyntaxKind.PercentToken,
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.LessThanToken, SyntaxKind.GreaterThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanEqualsToken,
  SyntaxKind.AmpersandAmpersandToken, SyntaxKind.BarBarToken, SyntaxKind.QuestionQuestionToken,
]);
