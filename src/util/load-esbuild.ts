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

/**
 * Stops esbuild's service process, if it was started: a one-shot command that is done bundling
 * gives its memory back (about 150 MB after a hundred mappings). A later build starts another.
 */
export function releaseEsbuild(): Promise<void> {
  return esbuild ? esbuild.stop() : Promise.resolve();
}
