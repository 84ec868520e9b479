import { EVENT_TYPES, type EventType } from '../runtime/events/event-types.js';
import type { Finding } from '../findings/finding.js';
import { BUILTIN_SAMPLES, getVariants, loadSampleFiles } from '../samples/index.js';
import { deepFreeze } from '../util/json.js';
import { toProjectPath } from '../util/path.js';

/** One event to run a snippet on. `name` says where it came from: `builtin/<variant>` or a file. */
export interface SampleInput {
  eventType: EventType;
  name: string;
  event: unknown;
  /** `webhook.env` for this run; absent means the runtime gave none. */
  env?: Readonly<Record<string, string>>;
  /** For a run without env beside one with it: the index (in the same list) of the run with env. */
  withEnv?: number;
}

/** The URL of the endpoint a snippet runs for, in validation: the runtime keeps it unless the snippet changes it. */
export const SAMPLE_ENDPOINT_URL = 'https://endpoint.example.com/dodo-webhooks';

/** The input object the runtime hands to handler. `env` only when configured: the runtime may omit it. */
export function toRuntimeInput(sample: SampleInput): Record<string, unknown> {
  return { method: 'POST', url: SAMPLE_ENDPOINT_URL, eventType: sample.eventType, payload: sample.event, ...(sample.env && { env: { ...sample.env } }) };
}

/** The suffix of a sample name run without env beside the same sample with the configured env. */
export const NO_ENV_SUFFIX = ' (no env)';

/**
 * With env configured, each sample runs with it and again without (the runtime may omit env):
 * the second run is named `<name> (no env)` and points at the first.
 */
export function withEnvRuns(inputs: readonly SampleInput[], env: Readonly<Record<string, string>> | undefined): SampleInput[] {
  if (env === undefined) return [...inputs];
  const out: SampleInput[] = [];
  for (const input of inputs) {
    const index = out.length;
    out.push({ ...input, env }, { eventType: input.eventType, name: `${input.name}${NO_ENV_SUFFIX}`, event: input.event, withEnv: index });
  }
  return out;
}

export interface SampleSelection {
  root: string;
  /** Only these event types (default: all 48). */
  events?: readonly EventType[];
  /** A folder of user samples, `<dir>/<event-type>/*.json`; absent folders are fine. */
  samplesDir?: string;
  /** Include the built-in samples and their variants. @default true */
  builtin?: boolean;
}

/**
 * An event's built-in sample and its variants, made once per process and frozen: a watch session
 * re-checks with the same objects, whose runtime inputs are then serialised only once (see
 * validate-snippets), and nothing can change them between runs.
 */
const BUILTIN_INPUTS = new Map<EventType, readonly SampleInput[]>();
function builtinInputs(type: EventType): readonly SampleInput[] {
  let made = BUILTIN_INPUTS.get(type);
  if (made === undefined) {
    made = getVariants(BUILTIN_SAMPLES[type]).map((variant) => deepFreeze({ eventType: type, name: `builtin/${variant.name}`, event: variant.event }));
    BUILTIN_INPUTS.set(type, made);
  }
  return made;
}

/** Built-in samples with every variant, plus the user's sample files; bad files become findings. */
export async function getSampleInputs(selection: SampleSelection): Promise<{ inputs: SampleInput[]; findings: Finding[] }> {
  const wanted = new Set<string>(selection.events ?? EVENT_TYPES);
  const inputs: SampleInput[] = [];
  if (selection.builtin !== false) {
    for (const type of EVENT_TYPES) if (wanted.has(type)) inputs.push(...builtinInputs(type));
  }
  const findings: Finding[] = [];
  if (selection.samplesDir) {
    const loaded = await loadSampleFiles(selection.samplesDir, selection.root);
    for (const sample of loaded.samples) {
      if (wanted.has(sample.eventType)) inputs.push({ eventType: sample.eventType, name: toProjectPath(selection.root, sample.file), event: sample.event });
    }
    for (const problem of loaded.problems) {
      findings.push({ code: 'bad-sample', severity: 'error', file: toProjectPath(selection.root, problem.file), jsonPath: problem.jsonPath, message: problem.message });
    }
  }
  return { inputs, findings };
}
