import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { EVENT_TYPES } from '../../runtime/events/event-types.js';
import { getBuiltinSample } from '../../samples/index.js';
import { UserError } from '../../util/errors.js';
import { TOOL_VERSION } from '../../util/tool-info.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import type { CliIo } from '../io.js';
import { build } from './build.js';
import { getTemplatePath } from './generate-handler.js';
import { EXIT_OK } from '../../findings/exit-codes.js';

export interface InitOptions {
  template?: string;
  force?: boolean;
}

const CONFIG = `import { defineConfig } from 'dodo-transform';

export default defineConfig({
  mappings: ['mappings/*.ts'],
  outDir: 'handlers',
  samples: 'samples',
});
`;

// The same settings the compiler type-checks mappings with, so the editor agrees with it.
const TSCONFIG = `${JSON.stringify({
  compilerOptions: {
    strict: true, target: 'es2020', lib: ['es2020'], module: 'preserve', moduleResolution: 'bundler',
    types: [], noEmit: true, skipLibCheck: true,
  },
  include: ['mappings', 'dodo-transform.config.ts'],
}, null, 2)}\n`;

/** package.json with build/check scripts; existing scripts of those names are kept, ours get a prefix. */
async function packageJson(cwd: string): Promise<{ text: string; scripts: string[] }> {
  const path = join(cwd, 'package.json');
  const pkg = existsSync(path) ? JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown> : { name: basename(cwd).toLowerCase().replace(/[^a-z0-9-]/g, '-'), private: true, type: 'module' };
  const scripts = { ...(pkg['scripts'] as Record<string, string> | undefined) };
  const added: string[] = [];
  for (const [name, command] of [['build', 'dodo-transform build'], ['check', 'dodo-transform check']] as const) {
    // The project's own scripts stay: ours go under the first free name.
    const key = [name, `webhooks:${name}`, `dodo-transform:${name}`].find((k) => scripts[k] === undefined || scripts[k] === command);
    if (key === undefined) continue;
    scripts[key] = command;
    added.push(key);
  }
  const devDependencies = { ...(pkg['devDependencies'] as Record<string, string> | undefined) };
  devDependencies['dodo-transform'] ??= `^${TOOL_VERSION}`;
  return { text: `${JSON.stringify({ ...pkg, scripts, devDependencies }, null, 2)}\n`, scripts: added };
}

/** Scaffolds a project that passes `dodo-transform check` right away. */
export async function init(io: CliIo, options: InitOptions): Promise<number> {
  const template = options.template ?? 'segment';
  const templatePath = getTemplatePath(template);
  const files = new Map<string, string>([
    [join(io.cwd, 'dodo-transform.config.ts'), CONFIG],
    [join(io.cwd, 'mappings', `${template}.ts`), await readFile(templatePath, 'utf8')],
    [join(io.cwd, 'samples', EVENT_TYPES[0], 'example.json'), `${JSON.stringify(getBuiltinSample(EVENT_TYPES[0]), null, 2)}\n`],
  ]);
  if (!existsSync(join(io.cwd, 'tsconfig.json'))) files.set(join(io.cwd, 'tsconfig.json'), TSCONFIG);
  // The snippet the first build writes is the user's too when it is already there.
  const clashes = [...files.keys(), join(io.cwd, 'handlers', `${template}.js`)].filter((f) => existsSync(f));
  if (clashes.length > 0 && !options.force) {
    throw new UserError(`${clashes.map((f) => relative(io.cwd, f)).join(', ')} already exist${clashes.length === 1 ? 's' : ''}; pass --force to overwrite`);
  }
  const pkg = await packageJson(io.cwd);
  files.set(join(io.cwd, 'package.json'), pkg.text);
  await writeFilesAtomic(files, { cwd: io.cwd, within: io.cwd });
  for (const file of files.keys()) io.stderr.write(`wrote ${relative(io.cwd, file)}\n`);
  const code = await build(io, {});
  if (code !== 0) return code;
  const how = (name: string) => { const key = pkg.scripts.find((k) => k === name || k.endsWith(`:${name}`)); return key ? `npm run ${key}` : `npx dodo-transform ${name}`; };
  // npm install only if the project does not have the tool yet (init run through npx).
  const installed = existsSync(join(io.cwd, 'node_modules', 'dodo-transform', 'package.json'));
  io.stderr.write(`\nNext: ${installed ? '' : 'npm install, then '}edit mappings/${template}.ts and run ${how('build')} (CI: ${how('check')}).\n`);
  return EXIT_OK;
}
