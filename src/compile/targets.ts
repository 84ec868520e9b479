/** ECMAScript versions a snippet can be lowered to. The runtime is V8; es2020 is the safe default. */
export const TARGETS = ['es2015', 'es2016', 'es2017', 'es2018', 'es2019', 'es2020', 'es2021', 'es2022'] as const;
export type Target = (typeof TARGETS)[number];
export const DEFAULT_TARGET: Target = 'es2020';

/** The runtime's limit on a transformation's code. */
export const MAX_SNIPPET_CHARS = 51_200;

/** The highest target: the unlowered build of a mapping that parity checks compare its snippet with. */
export const REFERENCE_TARGET: Target = 'es2022';

/**
 * What esbuild takes in place of the project's tsconfig.json, which it would otherwise read (and
 * follow its `extends` anywhere on the machine, quoting the file it reached in its errors: a
 * cloned repository chooses both). The type check uses its own tsconfig too; the same strictness
 * and target give class fields the semantics tsc checked them with.
 */
export function bundlerTsconfig(target: string): { compilerOptions: { strict: true; target: string } } {
  return { compilerOptions: { strict: true, target } };
}
