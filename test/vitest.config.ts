import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Tests that read the templates' snippets: they share one compile of all templates (support/compile-templates.ts). */
const TEMPLATE_TESTS = ['test/templates/**/*.test.ts', 'test/destinations/*/template.test.ts'];
/** The hostile-input suite measures time budgets: it runs on its own, after the rest (`npm run test:hostile`). */
const HOSTILE_TESTS = ['test/hostile/**/*.test.ts'];
const hostileOnly = process.env['DODO_TEST_SUITE'] === 'hostile';

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
    testTimeout: 30_000,
    // The machine has 2 cores; the compiler already runs tsc and esbuild in parallel.
    maxWorkers: 2,
    projects: hostileOnly ? [{ extends: true, test: { name: 'hostile', include: HOSTILE_TESTS } }] : [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...TEMPLATE_TESTS, ...HOSTILE_TESTS] } },
      // Its globalSetup runs only when one of its tests is selected.
      { extends: true, test: { name: 'templates', include: TEMPLATE_TESTS, globalSetup: ['test/support/compile-templates.ts'] } },
    ],
  },
});
