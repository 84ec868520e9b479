// Literals that are this destination's credentials: a snippet must not carry them. Its own module,
// without the schemas, because compiling reads every destination's patterns.
import type { SecretPattern } from '../define-destination.js';

export const SENDGRID_SECRETS: readonly SecretPattern[] = [{ pattern: /^SG\.[\w-]{16,}\.[\w-]{16,}$/, label: 'a SendGrid API key' }];
