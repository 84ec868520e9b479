import type { Target } from '../compile/targets.js';

/** The options of `dodo-transform.config.ts`. Every one can be overridden by a CLI flag. */
export interface UserConfig {
  /**
   * Mapping files or glob patterns, relative to the config file.
   * @default "mappings/*.ts"
   */
  mappings?: string | string[];
  /**
   * Where `build` writes snippets (`<outDir>/<mapping name>.js`).
   * @default "handlers"
   */
  outDir?: string;
  /**
   * ECMAScript version snippets are lowered to.
   * @default "es2020"
   */
  target?: Target;
  /** @default false */
  minify?: boolean;
  /** @default true */
  typecheck?: boolean;
  /**
   * Folder of sample payloads (`<samples>/<event-type>/*.json`).
   * @default "samples"
   */
  samples?: string;
  /**
   * Folder of expected outputs (`<expected>/<mapping name>/<event-type>.json`), written by `validate --update`.
   * @default "expected"
   */
  expected?: string;
  /**
   * The endpoint's variables (`webhook.env`) while validating and previewing, e.g. `{ SLACK_TOKEN: 'test-token' }`.
   * With env set, every sample runs twice: with this env and without one (the runtime may omit it).
   * `--env KEY=VALUE` flags win over these.
   */
  env?: Record<string, string>;
}

/**
 * Declares the project's configuration; an identity function for type checking.
 * @example
 * export default defineConfig({ mappings: ["mappings/*.ts"], outDir: "handlers" });
 */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
