// Literals that are this destination's credentials: a snippet must not carry them. Its own module,
// without the schemas, because compiling reads every destination's patterns.
import type { SecretPattern } from '../define-destination.js';

export const RESEND_SECRETS: readonly SecretPattern[] = [{ pattern: /^re_[A-Za-z0-9_]{20,}$/, label: 'a Resend API key' }];
