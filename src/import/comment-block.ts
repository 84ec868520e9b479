import { Node } from 'ts-morph';

/** Marks every line of the importer's own comments, so they are easy to find and delete. */
export const NOTE_PREFIX = '// dodo-transform import:';

/** Source text as `//` comments, common indentation removed: kept for the reader, never run. */
export function commentOut(code: string): string {
  const lines = code.replace(/\s+$/, '').replace(/^\s*\n/, '').split('\n');
  const indent = (l: string) => /^[ \t]*/.exec(l)?.[0].length ?? 0;
  const cut = Math.min(...lines.filter((l) => l.trim() !== '').map(indent));
  return lines.map((l) => (l.trim() === '' ? '//' : `//   ${l.slice(Math.min(cut, indent(l)))}`)).join('\n');
}

/** A note comment followed by the code it is about. */
export function noteBlock(message: string, code?: string): string {
  return `${NOTE_PREFIX} ${message}${code ? `\n${commentOut(code)}` : ''}`;
}

/** A node's source with its comments and the indentation of its first line, so `commentOut` can dedent it. */
export function getOriginalText(node: Node): string {
  const full = node.getSourceFile().getFullText();
  const [first] = node.getLeadingCommentRanges();
  const start = first ? first.getPos() : node.getStart();
  const lineStart = full.lastIndexOf('\n', start - 1) + 1;
  const indent = full.slice(lineStart, start);
  return `${/^[ \t]*$/.test(indent) ? indent : ''}${full.slice(start, node.getEnd())}`;
}

/** Like `getOriginalText`, but a block or `case` shows its statements, not its braces or label. */
export function getOriginalBody(node: Node): string {
  const statements = Node.isBlock(node) || Node.isCaseClause(node) || Node.isDefaultClause(node) ? node.getStatements() : [node];
  return statements.map(getOriginalText).join('\n');
}
