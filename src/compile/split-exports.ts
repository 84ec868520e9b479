import type { Program } from 'acorn';
import { simple } from 'acorn-walk';

export interface SplitModule {
  /** The module text without its export statement. */
  body: string;
  /** Exported name → local name in `body`. */
  exports: Record<string, string>;
  /** Names declared at the top level of `body`. */
  topLevelNames: Set<string>;
  /** [start, end) offsets of template literal text, which must never be re-indented. */
  templateRanges: [number, number][];
}

/**
 * Takes esbuild's ESM output apart so its body can be pasted into a function:
 * an AST, not string matching, because minified output puts everything on one line.
 */
export function splitExports(code: string, ast: Program): SplitModule {
  const exports: Record<string, string> = {};
  const topLevelNames = new Set<string>();
  const cuts: [number, number][] = [];
  for (const node of ast.body) {
    if (node.type === 'ExportNamedDeclaration' && !node.declaration) {
      for (const spec of node.specifiers) {
        const name = (n: { type: string; name?: string; value?: unknown }) => (n.type === 'Identifier' ? n.name : String(n.value));
        exports[name(spec.exported) ?? ''] = name(spec.local) ?? '';
      }
      cuts.push([node.start, node.end]);
    } else if (node.type === 'VariableDeclaration') {
      for (const d of node.declarations) if (d.id.type === 'Identifier') topLevelNames.add(d.id.name);
    } else if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) {
      topLevelNames.add(node.id.name);
    }
  }
  let body = '';
  let from = 0;
  for (const [start, end] of cuts) {
    body += code.slice(from, start);
    from = end;
  }
  body += code.slice(from);
  return { body, exports, topLevelNames, templateRanges: findTemplateRanges(code, ast, cuts) };
}

function findTemplateRanges(code: string, ast: Program, cuts: [number, number][]): [number, number][] {
  const ranges: [number, number][] = [];
  // No backtick, no template literal: skip the walk.
  if (!code.includes('`')) return ranges;
  // acorn-walk, not a generic object walk: other passes decorate nodes with parent links (cycles).
  simple(ast, { TemplateElement: (node) => { ranges.push([node.start, node.end]); } });
  // Offsets shift left by the length of every export statement cut before them.
  return ranges.map(([s, e]) => {
    const shift = cuts.filter(([cs]) => cs < s).reduce((sum, [cs, ce]) => sum + (ce - cs), 0);
    return [s - shift, e - shift];
  });
}
