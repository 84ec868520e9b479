import { Node, SyntaxKind, type Statement, type SwitchStatement } from 'ts-morph';
import { isEventType, type EventType } from '../runtime/events/event-types.js';
import { isEventTypeExpr, isWebhookRef, type ImportContext } from './context.js';
import { checkEventLiteral, evaluateTest, getStringLiteral } from './event-tests.js';

export interface Problem {
  message: string;
  node: Node;
}

/** The handler's statements that run for one event type, in order, with the dispatch taken out; on a problem, those up to it. */
export type Specialized = { statements: Statement[]; problem?: Problem };

type Flow = 'next' | 'break' | 'return' | Problem;

/**
 * Follows the handler's dispatch for one event type: `if`/`else if` chains and
 * `switch`es on the event type are decided, and the statements of the branch taken
 * are spliced in place (blocks flattened, `switch` fall-through followed), up to the
 * `return webhook`. What is left is straight code plus `if`s that test other things.
 */
export function specialize(body: readonly Statement[], type: EventType, ctx: ImportContext, handler: Node): Specialized {
  // Function declarations are hoisted: one written after the dispatch, or after the last
  // return, exists from the handler's first line. Each handler starts with them (unused ones
  // are pruned), and the walk skips them where they stand.
  const hoisted: Statement[] = body.filter((s) => Node.isFunctionDeclaration(s));
  const statements: Statement[] = [...hoisted];
  const flow = walk(body.filter((s) => !hoisted.includes(s)), type, ctx, statements, false);
  if (typeof flow === 'object') return { statements, problem: flow };
  if (flow !== 'return') {
    return { statements, problem: { message: 'it does not return the webhook for this event', node: body[body.length - 1] ?? handler } };
  }
  const clash = findDuplicateDeclaration(statements);
  if (clash) return { statements, problem: { message: `two blocks declare \`${clash.getText()}\`, and they would share one handler`, node: clash } };
  return { statements };
}

function walk(statements: readonly Statement[], type: EventType, ctx: ImportContext, out: Statement[], inSwitch: boolean): Flow {
  for (const statement of statements) {
    const flow = step(statement, type, ctx, out, inSwitch);
    if (flow !== 'next') return flow;
  }
  return 'next';
}

function step(statement: Statement, type: EventType, ctx: ImportContext, out: Statement[], inSwitch: boolean): Flow {
  if (Node.isIfStatement(statement)) {
    const value = evaluateTest(statement.getExpression(), type, ctx, true);
    if (typeof value === 'boolean') {
      const unknown = findUnknownEventLiteral(statement.getExpression(), ctx);
      for (const branch of [statement.getThenStatement(), statement.getElseStatement()]) if (branch) ctx.deadBranches.set(branch, unknown);
      const branch = value ? statement.getThenStatement() : statement.getElseStatement();
      if (!branch) return 'next';
      ctx.visited.add(branch);
      return walk(asList(branch), type, ctx, out, inSwitch);
    }
    ctx.opaque.add(statement);
  } else if (Node.isBlock(statement)) {
    return walk(statement.getStatements(), type, ctx, out, inSwitch);
  } else if (Node.isSwitchStatement(statement) && isEventTypeExpr(statement.getExpression(), ctx)) {
    const flow = walkSwitch(statement, type, ctx, out);
    return flow === 'break' ? 'next' : flow;
  } else if (Node.isReturnStatement(statement)) {
    const value = statement.getExpression();
    if (value && isWebhookRef(value, ctx.webhook)) return 'return';
    return { message: 'it returns something other than the webhook', node: statement };
  } else if (Node.isBreakStatement(statement) && inSwitch && !statement.getLabel()) {
    return 'break';
  } else if (Node.isEmptyStatement(statement)) {
    return 'next';
  }
  if (inSwitch && findSwitchBreak(statement)) {
    return { message: 'a `break` inside a condition of a `case` cannot be converted', node: statement };
  }
  out.push(statement);
  return 'next';
}

function walkSwitch(statement: SwitchStatement, type: EventType, ctx: ImportContext, out: Statement[]): Flow {
  const clauses = statement.getClauses();
  let start = -1;
  for (const [index, clause] of clauses.entries()) {
    if (!Node.isCaseClause(clause)) continue;
    const literal = getStringLiteral(clause.getExpression());
    if (literal === undefined) {
      ctx.fatal.push({ message: `the case \`${clause.getExpression().getText()}\` is not a string literal`, node: clause });
      return 'break';
    }
    checkEventLiteral(literal, clause, ctx);
    ctx.deadBranches.set(clause, isEventType(literal) ? undefined : literal);
    if (start === -1 && literal === type) start = index;
  }
  if (start === -1) start = clauses.findIndex((clause) => Node.isDefaultClause(clause));
  if (start === -1) return 'break';
  // Fall-through: run the following clauses until a `break` or `return`.
  for (const clause of clauses.slice(start)) {
    ctx.visited.add(clause);
    const flow = walk(clause.getStatements(), type, ctx, out, true);
    if (flow !== 'next') return flow;
  }
  return 'break';
}

/** A string in an event type test that names no Dodo event type. */
function findUnknownEventLiteral(test: Node, ctx: ImportContext): string | undefined {
  if (!test.getDescendants().some((node) => isEventTypeExpr(node, ctx))) return undefined;
  return test.getDescendantsOfKind(SyntaxKind.StringLiteral).map((l) => l.getLiteralValue()).find((v) => /^[a-z_]+\.[a-z_]+$/.test(v) && !isEventType(v));
}

function asList(statement: Statement): readonly Statement[] {
  return Node.isBlock(statement) ? statement.getStatements() : [statement];
}

/** An unlabelled `break` that would leave the enclosing `switch` (not one of a nested loop or switch). */
function findSwitchBreak(statement: Statement): Node | undefined {
  let found: Node | undefined;
  const visit = (node: Node): void => {
    if (found || Node.isIterationStatement(node) || Node.isSwitchStatement(node) || isFunctionLike(node)) return;
    if (Node.isBreakStatement(node) && !node.getLabel()) found = node;
    else node.forEachChild(visit);
  };
  statement.forEachChild(visit);
  return found;
}

export function isFunctionLike(node: Node): boolean {
  return Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node) || Node.isArrowFunction(node)
    || Node.isMethodDeclaration(node) || Node.isGetAccessorDeclaration(node) || Node.isSetAccessorDeclaration(node)
    || Node.isConstructorDeclaration(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node);
}

/** Flattening blocks must not put two declarations of one name in the same scope. */
function findDuplicateDeclaration(statements: readonly Statement[]): Node | undefined {
  const seen = new Set<string>();
  for (const name of statements.flatMap(getDeclaredNames)) {
    if (seen.has(name.getText())) return name;
    seen.add(name.getText());
  }
  return undefined;
}

function getDeclaredNames(statement: Statement): Node[] {
  if (Node.isVariableStatement(statement)) {
    return statement.getDeclarations().flatMap((d) => {
      const name = d.getNameNode();
      return Node.isIdentifier(name) ? [name] : name.getDescendantsOfKind(SyntaxKind.BindingElement).map((e) => e.getNameNode()).filter(Node.isIdentifier);
    });
  }
  if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
    const name = statement.getNameNode();
    return name ? [name] : [];
  }
  return [];
}
