// Where a snippet reads a field it expects may be missing: the read is tested (`x != null ? …`,
// `typeof x === 'number'`, `if (x)`), falls back (`x ?? null`, `x || y`, a destructuring default)
// or guards the next operand (`x && …`). A field one handled event has and another lacks, read
// like this, is deliberate shared code, not a typo. Judged on the syntax tree, so that any
// layout (a chain split over lines, the test on the line before) reads the same.
import { getLineInfo, parse, type Node } from 'acorn';
import { fullAncestor } from 'acorn-walk';

/** Whether the read that V8 located at (line, column), both 1-based, is guarded. */
export type GuardedAt = (line: number, column: number) => boolean;

const EQUALITY = new Set(['==', '!=', '===', '!==']);

type AnyNode = Node & Record<string, unknown>;

/** The guard test for a snippet, or undefined when it does not parse (the caller falls back). */
export function findGuardedReads(code: string): GuardedAt | undefined {
  let program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true });
  } catch {
    return undefined;
  }
  const guarded = new Set<string>();
  try {
    markGuarded(code, program, guarded);
  } catch {
    return undefined; // too deep to walk: the caller falls back to the line
  }
  return (line, column) => guarded.has(`${line}:${column}`);
}

function markGuarded(code: string, program: Node, guarded: Set<string>): void {
  fullAncestor(program, (node, _state, ancestors) => {
    // V8 locates a property read at the property's name (the walk does not visit the name of a
    // non-computed member), a destructured one at its binding.
    const path = ancestors as AnyNode[];
    if (node.type === 'MemberExpression') {
      const member = node as unknown as AnyNode;
      const name = member['property'] as AnyNode;
      if (!isGuarded([...path, name])) return;
      guarded.add(`${name.loc!.start.line}:${name.loc!.start.column + 1}`);
      // An optional or computed read (`d?.x`, `d[k]`) is located at its operator.
      const operator = getLineInfo(code, skipSpace(code, (member['object'] as AnyNode).end));
      guarded.add(`${operator.line}:${operator.column + 1}`);
    } else if (node.type === 'Identifier' && isGuarded(path)) {
      guarded.add(`${node.loc!.start.line}:${node.loc!.start.column + 1}`);
    }
  });
}

function skipSpace(code: string, from: number): number {
  let i = from;
  while (i < code.length && /\s/.test(code[i]!)) i++;
  return i;
}

function isGuarded(path: AnyNode[]): boolean {
  // `const { total_amount: amount = null } = d`: the default is the fallback. And destructuring
  // takes every field it names at once (`const { total_amount, recurring_pre_tax_amount } = d`):
  // the code that uses one of them picks the one the event has.
  for (let i = path.length - 2; i >= 0; i--) {
    if (path[i]!.type === 'AssignmentPattern' && path[i]!['left'] === path[i + 1]) return true;
    if (path[i]!.type === 'ObjectPattern') return true;
  }
  // Up the member chain the name is part of (`d.total_amount`, `EXP[d.currency]`, `d?.x`) to the
  // expression that uses it.
  let i = path.length - 1;
  while (i > 0 && (path[i - 1]!.type === 'MemberExpression' || path[i - 1]!.type === 'ChainExpression')) i--;
  const used = path[i];
  const parent = path[i - 1];
  if (used === undefined || parent === undefined) return false;
  switch (parent.type) {
    case 'LogicalExpression':
      return true;
    case 'ConditionalExpression':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      return parent['test'] === used;
    case 'UnaryExpression':
      return parent['operator'] === 'typeof' || parent['operator'] === '!';
    case 'BinaryExpression':
      return EQUALITY.has(parent['operator'] as string);
    default:
      return false;
  }
}
