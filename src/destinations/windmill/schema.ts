// Request bodies of Windmill's webhook routes (/api/w/<workspace>/jobs/run…/p|f|h|fv/…).
// Source: https://www.windmill.dev/docs/core_concepts/webhooks ("Body": each key is an argument of the script/flow).
import * as z from 'zod';

/** Windmill Cloud; self-hosted instances are recognised by the route alone. */
export const WINDMILL_HOSTS = ['app.windmill.dev'] as const;

/** One argument value: any JSON. */
export const WindmillArgValueSchema = z.unknown();

/**
 * The body: a JSON object whose keys are the script's (or flow's) input names. Any other JSON
 * value is accepted too, but Windmill wraps it as `{ body: … }` (a lint warns about that).
 */
export const WindmillArgsSchema = z.record(z.string(), WindmillArgValueSchema);

export type WindmillArgs = z.infer<typeof WindmillArgsSchema>;

/** Run modes of the webhook routes: async returns a job id, the other two wait for the job. */
export const WINDMILL_RUN_MODES = ['run', 'run_wait_result', 'run_and_stream'] as const;
export type WindmillRunMode = (typeof WINDMILL_RUN_MODES)[number];

/** What the segment after the mode addresses: script by path, flow by path, script by hash, flow version. */
export const WINDMILL_TARGET_KINDS = ['p', 'f', 'h', 'fv'] as const;
export type WindmillTargetKind = (typeof WINDMILL_TARGET_KINDS)[number];

// An argument name must be a parameter of main() (TypeScript, Python…) or a flow input: an identifier.
export const WINDMILL_ARG_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
