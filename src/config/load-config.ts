import { loadEsbuild } from '../util/load-esbuild.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createPositionMapper } from '../compile/map-position.js';
import type { Plugin } from 'esbuild';
import { isInside } from '../util/path.js';
import { UserError } from '../util/errors.js';
import { TOOL_ROOT } from '../util/tool-info.js';
import type { UserConfig } from './define-config.js';
import { bundlerTsconfig } from '../compile/targets.js';

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
 * "dodo-transform" without node_modules), evaluated in the sandbox process like every other
 * piece of user code (a pull request can change the config too), then checked. Only the
 * config's JSON data comes back.
 */
export async function loadConfigFile(file: string): Promise<UserConfig> {
  let code: string;
  let sourceMap: string | undefined;
  try {
    const result = await loadEsbuild().build({
      entryPoints: [file],
      bundle: true,
      write: false,
      // In memory only: a throw is then shown at its line of the config file.
      absWorkingDir: dirname(file),
      outdir: 'out',
      sourcemap: 'external',
      sourcesContent: false,
      format: 'iife',
      globalName: 'config_module',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
      tsconfigRaw: bundlerTsconfig('es2020'),
      alias: { 'dodo-transform': join(TOOL_ROOT, 'src', 'config', 'config-entry.ts') },
      plugins: [configImportsPlugin(dirname(file))],
    });
    code = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    sourceMap = result.outputFiles.find((f) => f.path.endsWith('.js.map'))?.text;
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }).errors?.[0];
    const where = first?.location ? `:${first.location.line}:${first.location.column + 1}` : '';
    throw new UserError(`${file}${where}: cannot load the config: ${first?.text ?? String(error)}`, { cause: error });
  }
  const { createSandbox } = await import('../sandbox/index.js');
  // Its process goes on to the compile that follows the config (it saves a process start).
  const sandbox = createSandbox({ concurrency: 1, handOver: true });
  let outcome;
  try {
    [outcome] = await sandbox.runMany(`${code}\nreturn config_module && config_module.default;`, [{}], { mode: 'data' });
  } finally {
    await sandbox.close();
  }
  if (!outcome!.ok) {
    const { kind, message } = outcome!.error;
    // A config is data: one that loops or fills memory says so, not "threw".
    const why = kind === 'timeout' ? `it did not finish loading within ${message.match(/\d+ ms/)?.[0] ?? 'the time limit'} (an endless loop?); a config only exports its settings`
      : kind === 'memory' ? 'it ran out of memory while loading; a config only exports its settings'
        : `the config threw while loading: ${message}`;
    const { line, column } = outcome!.error;
    const at = line !== undefined && sourceMap !== undefined ? createPositionMapper(dirname(file), sourceMap)(line, column ?? 1) : undefined;
    // Only a line of the config file itself (not of a file it imports, nor of the tool's entry).
    const where = at && resolve(dirname(file), at.file) === file ? `:${at.line}:${at.column}` : '';
    throw new UserError(`${file}${where}: ${why}`);
  }
  if (outcome!.escapes) throw new UserError(`${file}: the config calls ${outcome!.escapes.join(', ')} to run code from a string; a config is data`);
  const value = (outcome!.result as { value?: unknown } | null)?.value;
  if (value === undefined) throw new UserError(`${file}: the config has no default export; use export default defineConfig({ … })`);
  // zod is loaded only when there is a config file to check: it costs ~50 ms to import.
  const { getConfigProblems } = await import('./config-schema.js');
  const problems = getConfigProblems(value);
  if (problems.length > 0) throw new UserError(`${file}: invalid config`, { details: problems });
  return value as UserConfig;
}

/** A config may import relative files inside its folder and "dodo-transform"; nothing else. */
function configImportsPlugin(dir: string): Plugin {
  return {
    name: 'dodo-transform-config-imports',
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point' || args.path === 'dodo-transform' || args.namespace !== 'file') return undefined;
        // The tool's own modules (what "dodo-transform" resolves to) import each other.
        if (isInside(join(TOOL_ROOT, 'src'), args.importer)) return undefined;
        if (Object.keys(args.with).length > 0) return { errors: [{ text: `import attributes are not supported in a config (${JSON.stringify(args.path)})` }] };
        if (!args.path.startsWith('.')) return { errors: [{ text: `a config may import only relative files and "dodo-transform", not ${JSON.stringify(args.path)}` }] };
        const target = join(args.resolveDir, args.path);
        if (!isInside(dir, target)) return { errors: [{ text: `${JSON.stringify(args.path)} is outside the project` }] };
        return undefined;
      });
    },
  };
}
