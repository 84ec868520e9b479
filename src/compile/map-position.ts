import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { resolve } from 'node:path';
import { toProjectPath } from '../util/path.js';

export interface SourcePosition { file: string; line: number; column: number }

/**
 * Maps a 1-based position in bundled code back to the TypeScript source it came
 * from. Positions inside the tool's own modules (virtual namespaces) map to
 * nothing: the caller falls back to the mapping file itself.
 */
export function createPositionMapper(root: string, sourceMap: string): (line: number, column: number) => SourcePosition | undefined {
  const map = new TraceMap(sourceMap);
  return (line, column) => {
    const original = originalPositionFor(map, { line, column: column - 1 });
    if (!original.source || original.line === null || original.source.includes(':')) return undefined;
    // esbuild writes sources relative to the (virtual) output folder `out/`.
    return { file: toProjectPath(root, resolve(root, 'out', original.source)), line: original.line, column: original.column + 1 };
  };
}
