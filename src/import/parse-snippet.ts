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
  const outside = sourceFile.getStatements().filter((s) => s !== handler && s.getKind() !== SyntaxKind.EmptyStatement);
  return { sourceFile, handler, webhook, outside };
}
