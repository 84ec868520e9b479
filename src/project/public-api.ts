// The programmatic face of the project layer: the same work as `validate` and `check`, with
// typed results instead of printed reports.
import { resolve } from 'node:path';
import { resolveConfig, type ResolvedConfig } from '../config/resolve-config.js';
import type { EventType } from '../runtime/events/event-types.js';
import { findMappings } from './find-mappings.js';
import { createSandbox } from '../sandbox/index.js';
import { assertReadableFile } from '../util/user-files.js';
import { checkProject as checkLoadedProject } from './check-project.js';
import { checkDestinationName, withDestination } from './destination-option.js';
import { prepareSnippets } from './prepare-snippets.js';
import type { Report } from './report.js';
import { runValidation } from './run-validation.js';

export interface ProjectOptions {
  /** Where to look for dodo-transform.config.* (and what report paths are relative to). @default process.cwd() */
  cwd?: string;
  /** An explicit config file. */
  configFile?: string;
  /** `webhook.env` for the runs (wins over the config's `env`); each sample also runs without env. */
  env?: Record<string, string>;
}

export interface ValidateFilesOptions extends ProjectOptions {
  /** Only these event types' samples. @default all 48 */
  events?: EventType[];
  /** A folder of sample files instead of the project's. */
  samples?: string;
  /** Per-sample time limit in ms. @default 1000 */
  timeoutMs?: number;
  /** Where the `.js` snippets send when the dashboard card supplies the URL (`slack`, `discord`, …). */
  destination?: string;
}

async function loadConfig(options: ProjectOptions): Promise<{ cwd: string; config: ResolvedConfig }> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const config = await resolveConfig({ cwd, ...(options.configFile !== undefined && { configFile: options.configFile }), ...(options.env && { overrides: { env: options.env } }) });
  return { cwd, config };
}

/**
 * Validates `.js` snippets and `.ts` mappings on every sample, like `dodo-transform validate`.
 * Problems with the code are findings in the report; unusable arguments (a missing file, a
 * directory, a bad config) reject with an Error whose message names the file.
 */
export async function validate(files: readonly string[], options: ValidateFilesOptions = {}): Promise<Report> {
  const { cwd, config } = await loadConfig(options);
  const paths = files.map((f) => resolve(cwd, f));
  paths.forEach((file, i) => assertReadableFile(file, files[i]!, config.root));
  const sandbox = createSandbox(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  try {
    const destination = options.destination === undefined ? undefined : await checkDestinationName(options.destination);
    const prepared = withDestination(await prepareSnippets(config.root, paths, config, sandbox), destination);
    const { report } = await runValidation({
      root: config.root, cwd, snippets: prepared.snippets, findings: prepared.findings, sandbox,
      ...(options.events && { events: options.events }),
      samplesDir: options.samples !== undefined ? resolve(cwd, options.samples) : config.samples,
      golden: { dir: config.expected, update: false },
      ...(config.env && { env: config.env }),
    });
    return report;
  } finally {
    await sandbox.close();
  }
}

/** The project's configured mappings compiled, compared with outDir and validated, like `dodo-transform check`. */
export async function checkProject(options: ProjectOptions = {}): Promise<Report> {
  const { cwd, config } = await loadConfig(options);
  const mappings = await findMappings(config.root, config.mappings);
  return (await checkLoadedProject({ config, mappings, cwd })).report;
}
