import * as z from 'zod';
import { TARGETS } from '../compile/targets.js';
import { suggest } from '../util/suggest.js';

import { isAbsolute, normalize } from 'node:path';
import { UNSAFE_PATH_CHARACTERS, unsafePathReason } from '../util/path.js';
import { escapeLine } from '../util/terminal-text.js';

// A config may come from a repository the user has just cloned: its paths are printed and
// written to, so none may carry control characters, and the folders written to stay in the project.
const isInProject = (path: string) => !isAbsolute(path) && !normalize(path).split(/[\\/]/).includes('..');
const relativePath = z.string({ error: 'must be a path (a string)' }).min(1, 'must not be empty')
  .refine((path) => unsafePathReason(path) === undefined, { error: (issue) => `${unsafePathReason(String(issue.input))}` });
const folderInProject = relativePath.refine(isInProject, {
  error: 'must be a folder inside the project (a relative path without ..)',
});
// A pattern is not written anywhere (the files it matches are checked by name when compiled),
// so "**/" is fine in it; what it matches must be in the project all the same.
const patternInProject = z.string({ error: 'must be a path (a string)' }).min(1, 'must not be empty')
  .refine((pattern) => !UNSAFE_PATH_CHARACTERS.test(pattern), 'contains control or line-breaking characters')
  .refine(isInProject, 'must match files inside the project (a relative pattern without .., such as "mappings/**/*.ts")');

export const configSchema = z.strictObject({
  mappings: z.union([patternInProject, z.array(patternInProject).min(1, 'must list at least one file or pattern')], {
    error: 'must be a file or glob pattern, or a list of them, such as "mappings/*.ts"',
  }).optional(),
  outDir: folderInProject.optional(),
  target: z.enum(TARGETS, { error: `must be one of ${TARGETS.join(', ')}` }).optional(),
  minify: z.boolean({ error: 'must be true or false' }).optional(),
  typecheck: z.boolean({ error: 'must be true or false' }).optional(),
  samples: folderInProject.optional(),
  expected: folderInProject.optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)'), z.string({ error: 'must be a string' }), {
    error: (issue) => (issue.code === 'invalid_key' ? 'is not a variable name (letters, digits, _)' : 'must be an object of variable names to strings, e.g. { API_TOKEN: "test" }'),
  }).optional(),
});

/** Every problem of a config value as `path.to.key: message`, never a raw ZodError. */
export function getConfigProblems(value: unknown): string[] {
  const result = configSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    // Keys are the config's own text: one with a newline must not start a line of its own.
    const path = escapeLine(issue.path.map(String).join('.')) || '(config)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => {
        const guess = suggest(k, Object.keys(configSchema.shape));
        return `${issue.path.length ? `${path}.` : ''}${escapeLine(k)}: unknown option${guess ? `; did you mean "${guess}"?` : ''}`;
      }).join('\n');
    }
    return `${path}: ${issue.message}`;
  }).flatMap((line) => line.split('\n'));
}
