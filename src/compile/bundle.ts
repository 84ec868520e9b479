import type { Message } from 'esbuild';
import { loadEsbuild } from '../util/load-esbuild.js';
import type { Finding } from '../findings/finding.js';
import { toProjectPath } from '../util/path.js';
import { createResolvePlugin, ENTRY_PREFIX } from './resolve-plugin.js';
import { bundlerTsconfig } from './targets.js';

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

export interface BundleResult {
  /** One per mapping that bundled, in the order of `files`. */
  bundles: BundledMapping[];
  findings: Finding[];
}

/**
 * One esbuild run for all mappings (each entry is bundled standalone), in memory. esbuild
 * reads the sources itself; nothing is written. When that run fails, each mapping is bundled
 * on its own: one mapping's forbidden import must not leave every other mapping unbuilt (and
 * their committed snippets reported as orphaned).
 */
export async function bundleMappings(options: BundleOptions): Promise<BundleResult> {
  const together = await bundleOnce(options);
  if (together.findings.length === 0 || options.files.length < 2) return together;
  const alone = await Promise.all(options.files.map((file) => bundleOnce({ ...options, files: [file] })));
  const seen = new Set<string>();
  const findings = alone.flatMap((r) => r.findings).filter((f) => {
    // A broken helper that several mappings import is one problem, reported once.
    const key = JSON.stringify([f.file, f.line, f.column, f.code, f.message]);
    return !seen.has(key) && Boolean(seen.add(key));
  });
  return { bundles: alone.flatMap((r) => r.bundles), findings };
}

async function bundleOnce(options: BundleOptions): Promise<BundleResult> {
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
      tsconfigRaw: bundlerTsconfig(options.target),
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
