import { resolve } from 'node:path';
import { ProjectCache } from '../cache/project-cache.js';
import { compile, type CompileResult } from '../compile/compile.js';
import type { Target } from '../compile/targets.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js';
import { getExitCode } from '../findings/exit-codes.js';
import { findMappings } from '../project/find-mappings.js';
import { UserError } from '../util/errors.js';
import { toProjectPath } from '../util/path.js';
import { assertReadableFile } from '../util/user-files.js';
import { createColors, type CliIo } from './io.js';
import { formatFindings, formatSummary } from './format-findings.js';

/** Flags shared by the commands that compile. */
export interface CompileFlags {
  config?: string;
  target?: Target;
  minify?: boolean;
  typecheck?: boolean;
  /** `--env KEY=VALUE` flags, for the commands that run snippets. */
  env?: Record<string, string>;
}

/** --cache-dir and --no-cache (check, build). */
export interface CacheFlags {
  /** false: neither read nor write the cache (--no-cache). @default true */
  cache?: boolean;
  /** --cache-dir, relative to the cwd. @default <root>/node_modules/.cache/dodo-transform */
  cacheDir?: string;
}

/**
 * The project's cache unless --no-cache; its one warning (a folder it cannot use) goes to stderr
 * as a line of its own (`beforeWarning` clears a progress line first).
 */
export function createCache(io: CliIo, root: string, flags: CacheFlags, beforeWarning?: () => void): ProjectCache | undefined {
  if (flags.cache === false) return undefined;
  const warn = (message: string) => {
    beforeWarning?.();
    io.stderr.write(`${createColors(io, 'stderr').yellow('warning:')} ${message}\n`);
  };
  return new ProjectCache({ root, ...(flags.cacheDir !== undefined && { dir: resolve(io.cwd, flags.cacheDir) }), warn });
}

/**
 * The config of the project at `from` (default the working directory). Commands that compile the
 * files they are given look from the first file's folder: its project decides the root the
 * snippet's header names, so the same file gives the same snippet from any directory.
 */
export async function loadProjectConfig(io: CliIo, flags: CompileFlags & { outDir?: string }, from = io.cwd): Promise<ResolvedConfig> {
  return resolveConfig({
    cwd: flags.config === undefined ? from : io.cwd,
    ...(flags.config !== undefined && { configFile: flags.config }),
    overrides: { target: flags.target, minify: flags.minify, typecheck: flags.typecheck, outDir: flags.outDir, env: flags.env },
  });
}

/** The configured mappings, or a usage error that says where it looked. */
export async function getConfiguredMappings(config: ResolvedConfig): Promise<string[]> {
  const files = (await findMappings(config.root, config.mappings))
    // Globs may match a directory named x.ts, a FIFO, or a link out of the project: refused, not read.
    .map((file) => { assertReadableFile(file, toProjectPath(config.root, file), config.root); return file; });
  if (files.length === 0) {
    throw new UserError(`no mapping files match ${config.mappings.map((p) => `"${p}"`).join(', ')} in ${config.root}; ` +
      'pass a file, use --template <name>, or set `mappings` in dodo-transform.config.ts');
  }
  return files;
}

/** Compiles, prints findings to stderr, and returns the result with its exit code. */
export async function compileAndReport(io: CliIo, root: string, mappings: string[], config: ResolvedConfig, cache?: ProjectCache): Promise<{ result: CompileResult; exitCode: 0 | 1 }> {
  const result = await compile({ root, mappings, target: config.target, minify: config.minify, typecheck: config.typecheck, ...(cache && { cache }) });
  await cache?.close();
  const colors = createColors(io, 'stderr');
  io.stderr.write(formatFindings(result.findings, root, io.cwd, colors) + formatSummary(result.findings, colors));
  return { result, exitCode: getExitCode(result.findings) };
}
