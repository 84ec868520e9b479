import { SyntaxKind, type Node } from 'ts-morph';
import { isReference } from './context.js';

/**
 * Hands out identifiers that clash with nothing the snippet names, so the code the
 * importer adds (`event`, `skip`, shared functions, result locals) never shadows
 * or is shadowed by the user's own variables.
 */
export class NamePicker {
  private readonly taken: Set<string>;

  constructor(root: Node) {
    // Property names (`{ event: … }`, `x.skip`) cannot clash with a variable.
    this.taken = new Set(root.getDescendantsOfKind(SyntaxKind.Identifier).filter(isReference).map((id) => id.getText()));
  }

  /** A name for the whole module: reserved, so no later pick returns it. */
  pick(wanted: string): string {
    const name = this.local(wanted);
    this.taken.add(name);
    return name;
  }

  /** A name inside one handler: free of the snippet's names and the module's, not reserved. */
  local(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name); i++) name = `${wanted}${i}`;
    return name;
  }
}
