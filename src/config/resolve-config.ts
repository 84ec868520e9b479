import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_TARGET, type Target } from '../compile/targets.js';
import type { UserConfig } from './define-config.js';
import { findConfigFile, loadConfigFile } from './load-config.js';
import { UserError } from '../util/errors.js';

export interface ResolvedConfig {
  /** Directory of the config file, else of the nearest package.json, else the cwd. */
  root: string;
  configFile?: string;
  mappings: string[];
  outDir: string;
  target: Target;
  minify: boolean;
  typecheck: boolean;
  samples: string;
  expected: string;
  /** `webhook.env` for validation and preview; undefined when neither the config nor a flag sets one. */
  env?: Record<string, string>;
}

export interface ConfigInput {
  cwd: string;
  /** An explicit --config path. */
  configFile?: string;
  /** CLI flags: they win over the file. */
  overrides?: UserConfig;
}

export async function resolveConfig(input: ConfigInput): Promise<ResolvedConfig> {
  const configFile = input.configFile ? resolve(input.cwd, input.configFile) : findConfigFile(input.cwd);
  if (input.configFile && configFile && !existsSync(configFile)) throw new UserError(`${input.configFile}: config file not found`);
  const fromFile = configFile ? await loadConfigFile(configFile) : {};
  // Flags were already checked by the CLI parser (choices, types); only set ones override the file.
  const overrides = Object.fromEntries(Object.entries(input.overrides ?? {}).filter(([, v]) => v !== undefined)) as UserConfig;
  const merged: UserConfig = { ...fromFile, ...overrides };
  // env merges key by key: a flag replaces one variable of the file, not all of them.
  const env = fromFile.env || overrides.env ? { ...fromFile.env, ...overrides.env } : undefined;
  const root = configFile ? dirname(configFile) : findPackageRoot(input.cwd);
  const mappings = merged.mappings ?? 'mappings/*.ts';
  return {
    root,
    ...(configFile && { configFile }),
    mappings: Array.isArray(mappings) ? mappings : [mappings],
    outDir: resolve(root, merged.outDir ?? 'handlers'),
    target: merged.target ?? DEFAULT_TARGET,
    minify: merged.minify ?? false,
    typecheck: merged.typecheck ?? true,
    samples: resolve(root, merged.samples ?? 'samples'),
    expected: resolve(root, merged.expected ?? 'expected'),
    ...(env && { env }),
  };
}

/** The project folder resolveConfig would settle on, without loading the config file. */
export function findProjectRoot(cwd: string): string {
  const configFile = findConfigFile(cwd);
  return configFile ? dirname(configFile) : findPackageRoot(cwd);
}

function findPackageRoot(cwd: string): string {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}
