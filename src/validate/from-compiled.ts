import { hashParts } from '../cache/hash.js';
import type { CompiledSnippet } from '../compile/compile.js';
import { createPositionMapper } from '../compile/map-position.js';
import type { SnippetUnderTest } from './validate-snippets.js';

/**
 * A compiled mapping as something to validate: findings name the mapping, and
 * runtime errors point into its TypeScript through the bundle's source map.
 */
export function fromCompiled(root: string, snippet: CompiledSnippet, reference?: string): SnippetUnderTest {
  const toSource = createPositionMapper(root, snippet.sourceMap);
  const { lines, columns } = snippet.bodyOffset;
  return {
    file: snippet.source,
    name: snippet.name,
    code: snippet.code,
    ...(reference !== undefined && { reference }),
    ...(snippet.destination !== undefined && { destination: snippet.destination }),
    mapPositionKey: hashParts([snippet.sourceMap, String(lines), String(columns)]),
    mapPosition: (line, column) => (line > lines ? toSource(line - lines, Math.max(1, column - (line === lines + 1 || columns === 2 ? columns : 0))) : undefined),
  };
}
