// Typed builders for Windmill webhook requests. Bundled into snippets: plain code, types only from the schema.
// Source: https://www.windmill.dev/docs/core_concepts/webhooks
import type { WindmillArgs, WindmillRunMode, WindmillTargetKind } from '../../destinations/windmill/schema.js';

export type { WindmillArgs, WindmillRunMode, WindmillTargetKind } from '../../destinations/windmill/schema.js';

export interface WindmillRunUrlOptions {
  /** Instance origin, e.g. "https://app.windmill.dev" or your self-hosted URL. */
  origin: string;
  workspace: string;
  /** "f" flow by path, "p" script by path, "h" script by hash, "fv" flow version. */
  kind: WindmillTargetKind;
  /** e.g. "f/billing/on_payment" (owner prefix included), a hash, or a flow version number. */
  target: string;
  /** @default "run" (async: answers with the job id at once) */
  mode?: WindmillRunMode;
}

/** The webhook URL of a script or flow. The token goes in an "Authorization: Bearer" header, not here. */
export function windmillRunUrl(options: WindmillRunUrlOptions): string {
  const origin = options.origin.replace(/\/+$/, '');
  return `${origin}/api/w/${encodeURIComponent(options.workspace)}/jobs/${options.mode ?? 'run'}/${options.kind}/${options.target}`;
}

/**
 * The body: one key per parameter of the script's main() (or flow input), so keys must be identifiers.
 * @example windmillArgs({ event_type: event.type, event_id: `${event.type}:${p.payment_id}`, data: { … } })
 */
export function windmillArgs<A extends WindmillArgs>(args: A): A {
  return args;
}
