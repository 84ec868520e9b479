/**
 * A problem the user can fix (bad flag, bad config, missing file): the CLI prints
 * the message alone, no stack, and exits 2. Anything else is a bug in the tool.
 */
export class UserError extends Error {
  override name = 'UserError';
  /** Lines shown under the message, indented (every problem of a config). */
  readonly details: readonly string[];
  constructor(message: string, options?: { cause?: unknown; details?: readonly string[] }) {
    super(message, options);
    this.details = options?.details ?? [];
  }
}
