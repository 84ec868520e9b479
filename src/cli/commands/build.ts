import { join, relative } from 'node:path';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import { compileAndReport, getConfiguredMappings, loadProjectConfig, type CompileFlags } from '../compile-for-cli.js';
import { createColors, type CliIo } from '../io.js';
import { EXIT_OK } from '../../findings/exit-codes.js';

export interface BuildOptions extends CompileFlags {
  outDir?: string;
}

/** Every configured mapping → `<outDir>/<name>.js`; nothing is written unless all compile cleanly. */
export async function build(io: CliIo, options: BuildOptions): Promise<number> {
  const config = await loadProjectConfig(io, options);
  const mappings = await getConfiguredMappings(config);
  const { result, exitCode } = await compileAndReport(io, config.root, mappings, config);
  if (exitCode !== 0) {
    io.stderr.write('build failed: no snippet was written\n');
    return exitCode;
  }
  const files = new Map(result.snippets.map((s) => [join(config.outDir, `${s.name}.js`), s.code] as const));
  await writeFilesAtomic(files);
  const colors = createColors(io, 'stderr');
  for (const s of result.snippets) {
    const out = relative(io.cwd, join(config.outDir, `${s.name}.js`));
    io.stderr.write(`${colors.green('✓')} ${out}  ${colors.dim(`${s.events.length} event${s.events.length === 1 ? '' : 's'}, ${s.code.length} characters`)}\n`);
  }
  return EXIT_OK;
}
