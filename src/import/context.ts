import { Node, SyntaxKind, type FunctionDeclaration, type Project } from 'ts-morph';
import type { NamePicker } from './names.js';
import type { NoteSink } from './notes.js';

/** What every step of one conversion needs to know about the snippet. */
export interface ImportContext {
  /** In-memory project, also used to re-parse generated handler bodies. */
  project: Project;
  /** The handler's parameter, usually `webhook`. */
  webhook: string;
  /** Names chosen for the code the importer writes. */
  names: { event: string; skip: string; defineMapping: string };
  /** Local constants holding the event type (`const type = webhook.eventType`). */
  aliases: ReadonlySet<string>;
  /** Local constants holding the payload as it arrived (`const p = webhook.payload`): `p.type` is the event type. */
  payloadAliases: ReadonlySet<string>;
  /** Where `webhook.payload` is first assigned: `webhook.payload.type` is the event type only before it. */
  firstPayloadWrite: number;
  notes: NoteSink;
  picker: NamePicker;
  /** Structural problems that stop the whole conversion (e.g. an event type test we cannot resolve). */
  fatal: { message: string; node: Node }[];
  /** Dispatch branches some event type reached, to tell dead code from live code. */
  visited: Set<Node>;
  /** Dispatch `if`s kept as code for some event type (their test depends on more than the event type). */
  opaque: Set<Node>;
  /** Every branch of a decided dispatch test, with the unknown event type it names, if any: those never visited are dead code. */
  deadBranches: Map<Node, string | undefined>;
}

export function isWebhookRef(node: Node, webhook: string): boolean {
  return Node.isIdentifier(node) && node.getText() === webhook;
}

/** An identifier that names a variable, not a property (`x.webhook`, `{ webhook: 1 }`). */
export function isReference(id: Node): boolean {
  const parent = id.getParent();
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() !== id;
  if (Node.isPropertyAssignment(parent) || Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent)) return parent.getNameNode() !== id;
  if (Node.isBindingElement(parent)) return parent.getPropertyNameNode() !== id;
  return !(Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent));
}

/** `webhook.<field>`, looking through parentheses. */
export function getWebhookField(node: Node, webhook: string): string | undefined {
  const inner = unwrapParens(node);
  if (!Node.isPropertyAccessExpression(inner) || !isWebhookRef(unwrapParens(inner.getExpression()), webhook)) return undefined;
  return inner.getName();
}

export function unwrapParens(node: Node): Node {
  let current = node;
  while (Node.isParenthesizedExpression(current)) current = current.getExpression();
  return current;
}

/** The first `webhook.payload = …` in the handler, or Infinity. */
export function findFirstPayloadWrite(handler: FunctionDeclaration, webhook: string): number {
  for (const assignment of handler.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    if (getWebhookField(assignment.getLeft(), webhook) === 'payload') return assignment.getStart();
  }
  return Infinity;
}

/** The event type expression itself: `webhook.eventType`, an alias of it, or `webhook.payload.type` before any payload write. */
export function isEventTypeExpr(node: Node, ctx: ImportContext): boolean {
  const inner = unwrapParens(node);
  if (Node.isIdentifier(inner)) return ctx.aliases.has(inner.getText());
  if (getWebhookField(inner, ctx.webhook) === 'eventType') return true;
  if (!Node.isPropertyAccessExpression(inner) || inner.getName() !== 'type') return false;
  const object = unwrapParens(inner.getExpression());
  if (Node.isIdentifier(object) && ctx.payloadAliases.has(object.getText())) return true;
  return getWebhookField(object, ctx.webhook) === 'payload' && inner.getStart() < ctx.firstPayloadWrite;
}

/** Names declared at the handler's top level, never assigned again, whose initialiser passes `test`. */
function topLevelConstants(handler: FunctionDeclaration, test: (init: Node, statement: Node) => boolean, names = new Set<string>()): Set<string> {
  const assigned = new Set(handler.getDescendantsOfKind(SyntaxKind.BinaryExpression)
    .filter((b) => b.getOperatorToken().getKind() === SyntaxKind.EqualsToken && Node.isIdentifier(b.getLeft()))
    .map((b) => b.getLeft().getText()));
  for (const statement of handler.getBody()?.asKind(SyntaxKind.Block)?.getStatements() ?? []) {
    if (!Node.isVariableStatement(statement)) continue;
    for (const declaration of statement.getDeclarations()) {
      const init = declaration.getInitializer();
      const name = declaration.getNameNode();
      if (!init || !Node.isIdentifier(name) || !test(init, statement)) continue;
      if (statement.getDeclarationKind() === 'const' || !assigned.has(name.getText())) names.add(name.getText());
    }
  }
  return names;
}

/**
 * Top-level `const p = webhook.payload`, before anything assigns webhook.payload: `p` keeps the
 * payload as it arrived, so `p.type` is the event type wherever it is read.
 */
export function findPayloadAliases(handler: FunctionDeclaration, webhook: string, firstPayloadWrite: number): Set<string> {
  return topLevelConstants(handler, (init, statement) => getWebhookField(init, webhook) === 'payload' && statement.getStart() < firstPayloadWrite);
}

/**
 * Top-level `const type = webhook.eventType` (or a `let`/`var` never reassigned):
 * tests on `type` are then tests on the event type.
 */
export function findEventTypeAliases(handler: FunctionDeclaration, ctx: Omit<ImportContext, 'aliases'>): Set<string> {
  // Filled as it goes: `const b = a` after `const a = webhook.eventType` is an alias too.
  const aliases = new Set<string>();
  const probe: ImportContext = { ...ctx, aliases };
  return topLevelConstants(handler, (init) => isEventTypeExpr(init, probe), aliases);
}
