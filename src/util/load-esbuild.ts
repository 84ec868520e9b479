import { createRequire } from 'node:module';

type Esbuild = typeof import('esbuild');

let esbuild: Esbuild | undefined;

/**
 * esbuild through require(): importing its CommonJS entry from ESM makes Node scan it
 * for named exports first, 24 ms of a 220 ms --no-typecheck run.
 */
export function loadEsbuild(): Esbuild {
  esbuild ??= createRequire(import.meta.url)('esbuild') as Esbuild;
  return esbuild;
}
