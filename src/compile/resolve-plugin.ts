import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import type { Plugin } from 'esbuild';
import { TOOL_ROOT } from '../util/tool-info.js';

export const ENTRY_PREFIX = 'dodo-transform-entry:';
const TOOL_NS = 'dodo-transform';
const ENTRY_NS = 'dodo-transform-entry';

/**
 * What `import … from "dodo-transform…"` means inside a mapping, as virtual paths. A virtual path
 * is the module's path under src/runtime/, the only folder a snippet may bundle code from; it is
 * what snippets show in their `// dodo-transform:…` comments.
 */
const TOOL_MODULES: Record<string, string> = {
  'dodo-transform': 'mapping/index.ts',
  'dodo-transform/apply': 'mapping/apply-mapping.ts',
  'dodo-transform/destinations': 'destinations/index.ts',
};

/** The folder the virtual paths are relative to. */
export const RUNTIME_DIR = posix.join('src', 'runtime');

/**
 * Resolves everything a mapping may import and refuses the rest.
 * The tool's own modules live in a virtual namespace so that the `// path`
 * comments esbuild writes into snippets read "dodo-transform:…" instead of
 * an install path that differs per machine.
 */
export function createResolvePlugin(): Plugin {
  return {
    name: 'dodo-transform-resolve',
    setup(build) {
      build.onResolve({ filter: /^dodo-transform-entry:/ }, (args) => ({
        path: args.path.slice(ENTRY_PREFIX.length),
        namespace: ENTRY_NS,
      }));
      build.onLoad({ filter: /.*/, namespace: ENTRY_NS }, (args) => ({
        // The entry re-exports the mapping and the dispatcher; the snippet emitter
        // turns these exports into `return applyMapping(mapping, webhook)`.
        contents: `import mapping from ${JSON.stringify(args.path)};\n` +
          `export { applyMapping } from "dodo-transform/apply";\nexport { mapping };\n`,
        resolveDir: posix.dirname(args.path),
        loader: 'js',
      }));

      build.onResolve({ filter: /^dodo-transform(\/.*)?$/ }, (args) => {
        const path = TOOL_MODULES[args.path];
        if (!path) return { errors: [{ text: `"${args.path}" is not a module of dodo-transform; import from "dodo-transform"` }] };
        return { path, namespace: TOOL_NS, sideEffects: false };
      });
      build.onResolve({ filter: /^\./, namespace: TOOL_NS }, (args) => ({
        path: posix.join(posix.dirname(args.importer), args.path).replace(/\.js$/, '.ts'),
        namespace: TOOL_NS,
        sideEffects: false,
      }));
      build.onLoad({ filter: /.*/, namespace: TOOL_NS }, async (args) => ({
        contents: await readFile(posix.join(TOOL_ROOT, RUNTIME_DIR, args.path), 'utf8'),
        loader: 'ts',
      }));

      // Bare specifiers other than dodo-transform: packages and Node built-ins.
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        return {
          errors: [{
            text: `import "${args.path}" cannot run in the webhook runtime: a mapping may import only relative ` +
              `helper modules and "dodo-transform"`,
          }],
        };
      });
    },
  };
}
