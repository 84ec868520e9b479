import type { Node, Pattern, Program } from 'acorn';
import { fullAncestor } from 'acorn-walk';

type AnyNode = Node & Record<string, unknown>;

function addPatternNames(pattern: Pattern | null | undefined, names: Set<string>): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier': names.add(pattern.name); break;
    case 'ObjectPattern': for (const p of pattern.properties) addPatternNames(p.type === 'RestElement' ? p.argument : p.value, names); break;
    case 'ArrayPattern': for (const e of pattern.elements) addPatternNames(e, names); break;
    case 'RestElement': addPatternNames(pattern.argument, names); break;
    case 'AssignmentPattern': addPatternNames(pattern.left, names); break;
    default: break;
  }
}

/** Is this identifier a reference (not a property name, key, label or declaration)? */
function isReference(node: Node, parent: AnyNode | undefined): boolean {
  if (!parent) return true;
  switch (parent.type) {
    case 'MemberExpression': return parent['property'] !== node || parent['computed'] === true;
    case 'Property': return parent['value'] === node || parent['computed'] === true || parent['shorthand'] === true;
    case 'MethodDefinition': case 'PropertyDefinition': return parent['computed'] === true && parent['key'] === node;
    case 'LabeledStatement': case 'BreakStatement': case 'ContinueStatement': return false;
    case 'MetaProperty': return false;
    default: return true;
  }
}

/**
 * References to `wanted` names that no declaration in the program binds. Simplified
 * on purpose: a name declared anywhere counts as declared everywhere, which can only
 * miss a global (never invent one). That is enough for flagging `process` or `fetch`
 * in snippets, and saves bundling acorn-globals with its own copy of acorn.
 */
export function findFreeReferences(program: Program, wanted: ReadonlySet<string>): { name: string; node: Node }[] {
  const declared = new Set<string>();
  const candidates: { name: string; node: Node; parent: AnyNode | undefined }[] = [];
  fullAncestor(program, (node, _state, ancestors) => {
    const n = node as AnyNode;
    const parent = ancestors[ancestors.length - 2] as AnyNode | undefined;
    switch (node.type) {
      case 'VariableDeclarator': addPatternNames(n['id'] as Pattern, declared); break;
      case 'FunctionDeclaration': case 'FunctionExpression': case 'ArrowFunctionExpression':
        addPatternNames(n['id'] as Pattern, declared);
        for (const p of n['params'] as Pattern[]) addPatternNames(p, declared);
        break;
      case 'ClassDeclaration': case 'ClassExpression': addPatternNames(n['id'] as Pattern, declared); break;
      case 'CatchClause': addPatternNames(n['param'] as Pattern, declared); break;
      case 'ImportSpecifier': case 'ImportDefaultSpecifier': case 'ImportNamespaceSpecifier': addPatternNames(n['local'] as Pattern, declared); break;
      case 'Identifier': {
        const name = n['name'] as string;
        if (wanted.has(name)) candidates.push({ name, node, parent });
        break;
      }
      default: break;
    }
  });
  return candidates.filter((c) => !declared.has(c.name) && isReference(c.node, c.parent)).map(({ name, node }) => ({ name, node }));
}
