import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { unwrapParens } from './context.js';

/**
 * Names the snippet assigns (`x = …`, `for (x in …)`) without declaring them anywhere.
 * The runtime runs the snippet in sloppy mode, where that creates a global; a mapping
 * is a module, strict, where it throws. (`x += 1` and `x++` read first: they throw in
 * both, so they are left alone.) Declaring them at the top of the module keeps the behaviour: the
 * compiled snippet puts the whole module inside `handler`, fresh on every call.
 */
export function findImplicitGlobals(file: SourceFile): string[] {
  const declared = new Set<string>();
  for (const node of file.getDescendants()) {
    if (Node.isVariableDeclaration(node) || Node.isParameterDeclaration(node) || Node.isBindingElement(node)
      || Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node)) {
      const name = node.getNameNode();
      if (name && Node.isIdentifier(name)) declared.add(name.getText());
    }
  }
  const assigned = new Set<string>();
  const target = (node: Node | undefined) => {
    const inner = node && unwrapParens(node);
    if (inner && Node.isIdentifier(inner) && !declared.has(inner.getText())) assigned.add(inner.getText());
  };
  for (const node of file.getDescendants()) {
    if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken) target(node.getLeft());
    else if (Node.isForInStatement(node) || Node.isForOfStatement(node)) target(node.getInitializer());
  }
  return [...assigned].sort();
}
