import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { isInside, isRealInside } from '../util/path.js';
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
export function createResolvePlugin(root: string): Plugin {
  return {
    name: 'dodo-transform-resolve',
    setup(build) {
      // Import attributes would load any file as text or bytes: refused, whatever the path.
      build.onResolve({ filter: /.*/ }, (args) => {
        if (Object.keys(args.with ?? {}).length === 0) return undefined;
        return { errors: [{ text: `import ${JSON.stringify(args.path)} with attributes cannot run in the webhook runtime: import attributes are not supported` }] };
      });
      // Absolute paths: a mapping's helpers are relative modules inside the project.
      build.onResolve({ filter: /^(\/|[A-Za-z]:[\\/]|\\\\|file:)/ }, (args) => {
        if (args.kind === 'entry-point' || args.namespace === ENTRY_NS) return undefined;
        return { errors: [{ text: `import ${JSON.stringify(args.path)} is an absolute path: a mapping may import only relative helper modules inside the project, "dodo-transform" and "dodo-transform/destinations"` }] };
      });
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.namespace === TOOL_NS) return undefined;
        if (isInside(root, join(args.resolveDir, args.path))) return undefined;
        return { errors: [{ text: `import ${JSON.stringify(args.path)} leaves the project: a mapping may import only relative helper modules inside the project` }] };
      });
      // Every user file esbuild reads: a regular file whose real path (symlinks followed) is inside.
      build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        if (isRealInside(root, args.path)) return undefined;
        // The real path is not printed: it would tell a shared CI log where the link points.
        return { errors: [{ text: 'this import reaches a file outside the project through a symbolic link: a mapping may import only files inside the project' }] };
      });
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
              `helper modules, "dodo-transform" and "dodo-transform/destinations"`,
          }],
        };
      });
    },
  };
}
