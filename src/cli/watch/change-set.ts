import { resolve } from 'node:path';
import type { CompiledSnippet } from '../../compile/compile.js';

export interface ChangeImpact {
  /** Reload the config and start over. */
  reload: boolean;
  /** Mapping files (absolute) to compile again. */
  mappings: string[];
  /** Sample files changed: every snippet must be validated again. */
  samples: boolean;
  /** Committed snippets changed (check mode compares them again). */
  committed: boolean;
}

export interface ProjectState {
  root: string;
  configFile?: string;
  samplesDir: string;
  outDir: string;
  /** Every configured mapping file (absolute). */
  mappings: readonly string[];
  /** Last compile of each mapping, by absolute mapping path. */
  compiled: ReadonlyMap<string, CompiledSnippet>;
}

const inside = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith('/') ? dir : `${dir}/`);

/**
 * Which work a set of changed files calls for: only the mappings that bundle a
 * changed file (the mapping itself or a helper it imports) are compiled again.
 */
export function getChangeImpact(state: ProjectState, changed: ReadonlySet<string>, currentMappings: readonly string[]): ChangeImpact {
  if (state.configFile && changed.has(state.configFile)) return { reload: true, mappings: [...currentMappings], samples: true, committed: true };
  const known = new Set(state.mappings);
  const mappings = new Set<string>();
  for (const file of currentMappings) {
    if (!known.has(file) || changed.has(file)) mappings.add(file);
    const inputs = state.compiled.get(file)?.inputs ?? [];
    if (inputs.some((input) => changed.has(resolve(state.root, input)))) mappings.add(file);
  }
  const removed = state.mappings.some((file) => !currentMappings.includes(file));
  return {
    reload: false,
    mappings: [...mappings].sort(),
    samples: [...changed].some((f) => inside(state.samplesDir, f)),
    committed: removed || [...changed].some((f) => inside(state.outDir, f)),
  };
}
