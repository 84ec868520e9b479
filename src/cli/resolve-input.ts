import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { listTemplateNames as listTemplates } from '../templates/list-templates.js';
import { UserError } from '../util/errors.js';
import { suggest } from '../util/suggest.js';
import { TOOL_ROOT } from '../util/tool-info.js';

/**
 * A command's input: a `.ts` mapping, a `.js` snippet, or a built-in template name (`slack`).
 * A file wins over a template of the same name, so `copy segment` in a folder with a `segment`
 * file is unambiguous.
 */
export function resolveInput(cwd: string, input: string): { path: string; template: boolean } {
  const path = resolve(cwd, input);
  if (existsSync(path)) {
    if (statSync(path).isFile() && /\.(c|m)?(ts|js)$/.test(path)) return { path, template: false };
    throw new UserError(`${input}: not a .ts mapping or a .js snippet`);
  }
  // Something with a folder or an extension was meant as a file: a template suggestion would mislead.
  if (/[\\/]|\.\w+$/.test(input)) throw new UserError(`${input}: no such file`);
  const templates = listTemplates();
  if (templates.includes(input)) return { path: resolve(TOOL_ROOT, 'templates', `${input}.ts`), template: true };
  const guess = suggest(input, templates);
  throw new UserError(`"${input}" is not a file or a built-in template${guess ? `; did you mean "${guess}"?` : ''} Templates: ${templates.join(', ')}`);
}

/**
 * For commands that check their files themselves (validate, preview): a bare name that is not
 * a file is a template name (or a "did you mean"); anything else is left to the file checks.
 */
export function resolveFileOrTemplate(cwd: string, input: string): { path: string; template: boolean } {
  const path = resolve(cwd, input);
  if (existsSync(path) || /[\\/]|\.\w+$/.test(input)) return { path, template: false };
  return resolveInput(cwd, input);
}
