import { Node, SyntaxKind, ts, type FunctionDeclaration, type Project, type SourceFile, type Statement } from 'ts-morph';

export type ParsedSnippet =
  | { sourceFile: SourceFile; handler: FunctionDeclaration; webhook: string; outside: Statement[] }
  | { sourceFile?: SourceFile; problem: string; line?: number };

/** Parses the snippet and finds `function handler(webhook)`: the one shape the runtime accepts. */
export function parseSnippet(project: Project, code: string): ParsedSnippet {
  // Syntax only, without building a program (which would load the default library: about a second).
  const { diagnostics = [] } = ts.transpileModule(code, { fileName: 'snippet.js', reportDiagnostics: true });
  const [syntaxError] = diagnostics;
  if (syntaxError) {
    const line = syntaxError.file && syntaxError.start !== undefined ? syntaxError.file.getLineAndCharacterOfPosition(syntaxError.start).line + 1 : undefined;
    return { problem: `it does not parse: ${ts.flattenDiagnosticMessageText(syntaxError.messageText, ' ')}`, ...(line !== undefined && { line }) };
  }
  const sourceFile = project.createSourceFile('snippet.js', code, { overwrite: true });
  const handlers = sourceFile.getStatements().filter((s): s is FunctionDeclaration => Node.isFunctionDeclaration(s) && s.getName() === 'handler');
  const [handler, second] = handlers;
  if (!handler) return { sourceFile, problem: 'it has no top-level `function handler(webhook)`' };
  if (second) return { sourceFile, problem: 'it declares `function handler` more than once', line: second.getStartLineNumber() };
  const at = { sourceFile, line: handler.getStartLineNumber() };
  if (handler.isAsync() || handler.isGenerator()) return { ...at, problem: 'its handler is async or a generator, which the runtime does not wait for' };
  const params = handler.getParameters();
  const name = params[0]?.getNameNode();
  if (params.length !== 1 || !Node.isIdentifier(name)) return { ...at, problem: 'its handler does not take exactly one named parameter' };
  const webhook = name.getText();
  const redeclared = handler.getDescendants().find((node) => (Node.isVariableDeclaration(node) || Node.isParameterDeclaration(node)
    || Node.isFunctionDeclaration(node) || Node.isBindingElement(node)) && node !== params[0] && node.getNameNode()?.getText() === webhook);
  if (redeclared) return { sourceFile, problem: `\`${webhook}\` is declared again inside the handler`, line: redeclared.getStartLineNumber() };
  // Arrow functions have no `arguments` of their own: in a handler it would mean something else.
  const args = handler.getDescendantsOfKind(SyntaxKind.Identifier).find((id) => id.getText() === 'arguments'
    && id.getFirstAncestor((a) => Node.isFunctionDeclaration(a) || Node.isFunctionExpression(a) || Node.isMethodDeclaration(a)) === handler);
  if (args) return { sourceFile, problem: 'its handler reads `arguments`', line: args.getStartLineNumber() };
  const hoisted = findBlockHoisting(handler);
  if (hoisted) return { sourceFile, ...hoisted };
  const outside = sourceFile.getStatements().filter((s) => s !== handler && s.getKind() !== SyntaxKind.EmptyStatement);
  return { sourceFile, handler, webhook, outside };
}

/** The function a node belongs to: its `var`s and function declarations are hoisted to it. */
const ownFunction = (node: Node) => node.getFirstAncestor((a) => Node.isFunctionLikeDeclaration(a));

/**
 * A `var` or function declaration inside a block (an `if`, a `case`, a loop) that the handler
 * uses outside that block. JavaScript hoists it to the whole handler; the converted handlers
 * take each branch's statements on their own, so the other branches would lose it (a
 * ReferenceError where the snippet read undefined, or called the function).
 */
function findBlockHoisting(handler: FunctionDeclaration): { problem: string; line: number } | undefined {
  const body = handler.getBody();
  const declarations: { names: string[]; container: Node; line: number; kind: string }[] = [];
  for (const list of handler.getDescendantsOfKind(SyntaxKind.VariableDeclarationList)) {
    if ((list.getFlags() & ts.NodeFlags.BlockScoped) !== 0 || ownFunction(list) !== handler) continue;
    const statement = Node.isVariableStatement(list.getParent()) ? list.getParent()! : list;
    const container = statement.getParent();
    if (!container || container === body) continue;
    const names = list.getDeclarations().flatMap((d) => [d.getNameNode(), ...d.getNameNode().getDescendantsOfKind(SyntaxKind.Identifier)])
      .filter((n) => Node.isIdentifier(n)).map((n) => n.getText());
    declarations.push({ names, container, line: list.getStartLineNumber(), kind: 'var' });
  }
  for (const fn of handler.getDescendantsOfKind(SyntaxKind.FunctionDeclaration)) {
    const container = fn.getParent();
    if (ownFunction(container ?? fn) !== handler || container === body || !fn.getName()) continue;
    declarations.push({ names: [fn.getName()!], container: container!, line: fn.getStartLineNumber(), kind: 'function' });
  }
  for (const { names, container, line, kind } of declarations) {
    const used = handler.getDescendantsOfKind(SyntaxKind.Identifier).find((id) => names.includes(id.getText())
      && (id.getStart() < container.getStart() || id.getEnd() > container.getEnd()));
    if (used) {
      return {
        problem: `\`${kind} ${used.getText()}\` is declared inside a block (line ${line}) and used outside it (JavaScript hoists it to the whole handler, a converted handler would lose it); move the declaration to the top of the handler, then import again`,
        line: used.getStartLineNumber(),
      };
    }
  }
  return undefined;
}
