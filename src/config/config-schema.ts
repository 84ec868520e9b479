import * as z from 'zod';
import { TARGETS } from '../compile/targets.js';
import { suggest } from '../util/suggest.js';

const relativePath = z.string().min(1, 'must not be empty');

export const configSchema = z.strictObject({
  mappings: z.union([relativePath, z.array(relativePath).min(1, 'must list at least one file or pattern')]).optional(),
  outDir: relativePath.optional(),
  target: z.enum(TARGETS, { error: `must be one of ${TARGETS.join(', ')}` }).optional(),
  minify: z.boolean().optional(),
  typecheck: z.boolean().optional(),
  samples: relativePath.optional(),
  expected: relativePath.optional(),
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a variable name (letters, digits, _)'), z.string({ error: 'must be a string' })).optional(),
});

/** Every problem of a config value as `path.to.key: message`, never a raw ZodError. */
export function getConfigProblems(value: unknown): string[] {
  const result = configSchema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(config)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => {
        const guess = suggest(k, Object.keys(configSchema.shape));
        return `${issue.path.length ? `${path}.` : ''}${k}: unknown option${guess ? `; did you mean "${guess}"?` : ''}`;
      }).join('\n');
    }
    return `${path}: ${issue.message}`;
  }).flatMap((line) => line.split('\n'));
}
