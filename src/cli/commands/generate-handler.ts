import { existsSync, statSync } from 'node:fs';
import { listTemplateNames, TEMPLATES_DIR } from '../../templates/list-templates.js';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { UserError } from '../../util/errors.js';
import { isInside, shownPath } from '../../util/path.js';
import { assertReadableFile } from '../../util/user-files.js';
import { suggest } from '../../util/suggest.js';
import { TOOL_ROOT } from '../../util/tool-info.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import { compileAndReport, createCache, getConfiguredMappings, loadProjectConfig, type CacheFlags, type CompileFlags } from '../compile-for-cli.js';
import type { CliIo } from '../io.js';
import { EXIT_OK } from '../../findings/exit-codes.js';

export interface GenerateHandlerOptions extends CompileFlags, CacheFlags {
  files: string[];
  template?: string;
  out?: string;
}

function isFolder(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}

export function getTemplatePath(name: string): string {
  const path = join(TEMPLATES_DIR, `${name}.ts`);
  if (/^[a-z0-9-]+$/.test(name) && existsSync(path)) return path;
  const names = listTemplateNames();
  const guess = suggest(name, names);
  throw new UserError(`unknown template "${name}"${guess ? `; did you mean "${guess}"?` : '.'} Available: ${names.join(', ')}`);
}

/**
 * One snippet and no --out: print it. Otherwise write files (--out is the file
 * for one snippet, the folder for several; default the configured outDir).
 */
export async function generateHandler(io: CliIo, options: GenerateHandlerOptions): Promise<number> {
  if (options.template !== undefined && options.files.length > 0) {
    throw new UserError('give either mapping files or --template, not both');
  }
  const [first] = options.files;
  const config = await loadProjectConfig(io, options, first === undefined ? io.cwd : dirname(resolve(io.cwd, first)));
  const fromTemplate = options.template !== undefined;
  // Templates compile relative to the tool itself, so their snippets read "templates/<name>.ts" everywhere.
  const root = fromTemplate ? TOOL_ROOT : config.root;
  const mappings = fromTemplate ? [getTemplatePath(options.template ?? '')]
    : options.files.length > 0 ? options.files.map((f) => resolve(io.cwd, f)) : await getConfiguredMappings(config);
  for (const file of mappings) if (!existsSync(file)) throw new UserError(`${file}: no such mapping file`);
  for (const file of mappings) assertReadableFile(file, relative(io.cwd, file) || file, fromTemplate ? undefined : root);

  // The project's cache, as build and check keep it: compiling an unchanged mapping again costs
  // hashing. Only in a project (a config or a package.json: a one-off in ~/Downloads must not
  // leave a node_modules folder behind), not for a built-in template (its cache would go into the
  // tool's own folder), nor for a mapping outside the project.
  const inProject = config.configFile !== undefined || existsSync(join(root, 'package.json'));
  const cache = fromTemplate || !inProject || !mappings.every((m) => isInside(root, m)) ? undefined : createCache(io, root, options);
  const { result, exitCode } = await compileAndReport(io, root, mappings, config, cache);
  if (exitCode !== 0) return exitCode;
  const [only] = result.snippets;
  if (result.snippets.length === 1 && only && options.out === undefined) {
    io.stdout.write(only.code);
    return EXIT_OK;
  }
  const out = options.out !== undefined ? resolve(io.cwd, options.out) : undefined;
  // --out names the file for one snippet, unless it is an existing folder: then, as with cp, the snippet goes inside it.
  const single = result.snippets.length === 1 && out !== undefined && !isFolder(out);
  // Several snippets go into a folder: a new "two.js" would become a folder of that name.
  if (result.snippets.length > 1 && out !== undefined && !isFolder(out) && extname(out) === '.js') {
    throw new UserError(`--out ${shownPath(io.cwd, out)} names a file, but ${result.snippets.length} snippets were compiled: give a folder for them (such as handlers), or one mapping; nothing was written`);
  }
  const outDir = out ?? config.outDir;
  const files = new Map(result.snippets.map((s) => [single ? outDir : join(outDir, `${s.name}.js`), s.code] as const));
  const inputs = result.snippets.flatMap((s) => s.inputs.map((p) => resolve(root, p)));
  await writeFilesAtomic(files, { inputs: [...mappings, ...inputs], cwd: io.cwd, ...(out === undefined && { within: config.root }) });
  for (const [path, code] of files) io.stderr.write(`wrote ${shownPath(io.cwd, path)} (${code.length} characters)\n`);
  return EXIT_OK;
}
