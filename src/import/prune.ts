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
      text = text.slice(0, unused.getPos() - WRAPPER.length) + text.slice(end - WRAPPER.length);
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
 * Literals, variables, functions, and property reads that cannot hit undefined:
 * the event and its `data` are always objects, the webhook always is; `?.` steps never throw.
 */
function cannotThrow(node: Node, ctx: ImportContext): boolean {
  const expr = unwrapParens(node);
  if (Node.isLiteralExpression(expr) || Node.isIdentifier(expr) || Node.isArrowFunction(expr) || Node.isFunctionExpression(expr)) return true;
  const kind = expr.getKind();
  if (kind === SyntaxKind.TrueKeyword || kind === SyntaxKind.FalseKeyword || kind === SyntaxKind.NullKeyword) return true;
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
