import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  resolve: {
    // Fixture mappings import "dodo-transform"; in tests that means this checkout's sources.
    alias: [
      { find: /^dodo-transform\/destinations$/, replacement: fileURLToPath(new URL('../src/runtime/destinations/index.ts', import.meta.url)) },
      { find: /^dodo-transform$/, replacement: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // The machine has 2 cores; the compiler already runs tsc and esbuild in parallel.
    maxWorkers: 2,
  },
});
