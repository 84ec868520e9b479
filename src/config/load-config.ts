import { loadEsbuild } from '../util/load-esbuild.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../util/errors.js';
import { TOOL_ROOT } from '../util/tool-info.js';
import type { UserConfig } from './define-config.js';

export const CONFIG_FILES = ['dodo-transform.config.ts', 'dodo-transform.config.mts', 'dodo-transform.config.js', 'dodo-transform.config.mjs'];

/** The nearest config file at or above `cwd`. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = cwd; ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return join(dir, name);
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Loads a config file: bundled by esbuild (so it may be TypeScript and import
 * "dodo-transform" without node_modules), imported from memory, then checked.
 */
export async function loadConfigFile(file: string): Promise<UserConfig> {
  let code: string;
  try {
    const result = await loadEsbuild().build({
      entryPoints: [file],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      logLevel: 'silent',
      alias: { 'dodo-transform': join(TOOL_ROOT, 'src', 'config', 'config-entry.ts') },
    });
    code = result.outputFiles[0]?.text ?? '';
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : '';
    throw new UserError(`${file}${where}: cannot load the config: ${first?.text ?? String(error)}`, { cause: error });
  }
  let value: unknown;
  try {
    const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as { default?: unknown };
    value = module.default;
  } catch (error) {
    throw new UserError(`${file}: the config threw while loading: ${(error as Error).message}`, { cause: error });
  }
  if (value === undefined) throw new UserError(`${file}: the config has no default export; use export default defineConfig({ … })`);
  // zod is loaded only when there is a config file to check: it costs ~50 ms to import.
  const { getConfigProblems } = await import('./config-schema.js');
  const problems = getConfigProblems(value);
  if (problems.length > 0) throw new UserError(`${file}: invalid config\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return value as UserConfig;
}
