/**
 * A problem the user can fix (bad flag, bad config, missing file): the CLI prints
 * the message alone, no stack, and exits 2. Anything else is a bug in the tool.
 */
export class UserError extends Error {
  override name = 'UserError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
