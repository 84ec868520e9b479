import type { Message } from 'esbuild';
import { loadEsbuild } from '../util/load-esbuild.js';
import type { Finding } from '../findings/finding.js';
import { toProjectPath } from '../util/path.js';
import { createResolvePlugin, ENTRY_PREFIX } from './resolve-plugin.js';

export interface BundledMapping {
  /** Absolute path of the mapping file. */
  file: string;
  /** ES module text: the mapping, its helpers and `export { applyMapping, mapping }`. */
  code: string;
  /** Source map of `code` (sources are relative to the project root). */
  sourceMap: string;
  /** Bytes each input contributes to `code`, keyed by project path. */
  inputBytes: Record<string, number>;
}

export interface BundleOptions {
  root: string;
  files: readonly string[];
  target: string;
  minify: boolean;
}

/**
 * One esbuild run for all mappings (each entry is bundled standalone), in
 * memory. esbuild reads the sources itself; nothing is written.
 */
export async function bundleMappings(options: BundleOptions): Promise<{ bundles: BundledMapping[]; findings: Finding[] }> {
  const entries = options.files.map((file, index) => ({ in: ENTRY_PREFIX + file, out: `m${index}` }));
  try {
    const result = await loadEsbuild().build({
      entryPoints: entries,
      absWorkingDir: options.root,
      outdir: 'out',
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'neutral',
      target: options.target,
      minify: options.minify,
      treeShaking: true,
      sourcemap: 'external',
      sourcesContent: false,
      metafile: true,
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
      plugins: [createResolvePlugin(options.root)],
    });
    const bundles = options.files.map((file, index): BundledMapping => {
      const js = result.outputFiles.find((f) => f.path.endsWith(`/m${index}.js`) || f.path.endsWith(`\\m${index}.js`));
      const map = result.outputFiles.find((f) => f.path.endsWith(`m${index}.js.map`));
      const meta = Object.entries(result.metafile.outputs).find(([out]) => out.endsWith(`m${index}.js`))?.[1];
      if (!js || !map || !meta) throw new Error(`esbuild produced no output for ${file}`);
      const inputBytes: Record<string, number> = {};
      for (const [input, info] of Object.entries(meta.inputs)) inputBytes[input] = info.bytesInOutput;
      return { file, code: js.text, sourceMap: map.text, inputBytes };
    });
    return { bundles, findings: [] };
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors;
    if (!messages) throw error;
    return { bundles: [], findings: messages.map((m) => toFinding(options.root, m)) };
  }
}

function toFinding(root: string, message: Message): Finding {
  const location = message.location;
  const forbidden = /cannot run in the webhook runtime|leaves the project|is an absolute path|outside the project/.test(message.text);
  // The entry imports each mapping's default export: a helper module matched by the mappings glob has none.
  const noDefault = /^No matching export in ".*" for import "default"$/.test(message.text);
  return {
    code: forbidden ? 'forbidden-import' : noDefault ? 'invalid-mapping' : 'bundle-error',
    severity: 'error',
    message: noDefault
      ? 'this file has no default export, so it is not a mapping: a mapping needs `export default defineMapping({ … })`. ' +
        'Helper modules belong outside the mappings glob, e.g. in mappings/lib/ (the default glob "mappings/*.ts" does not match subfolders) or a sibling folder such as lib/'
      : message.text,
    ...(location && {
      file: toProjectPath(root, `${root}/${location.file}`).replace(/^dodo-transform-entry:/, ''),
      ...(!noDefault && { line: location.line, column: location.column + 1 }),
    }),
  };
}
