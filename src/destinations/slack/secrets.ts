// Literals that are this destination's credentials: a snippet must not carry them. Its own module,
// without the schemas, because compiling reads every destination's patterns.
import type { SecretPattern } from '../define-destination.js';

export const SLACK_SECRETS: readonly SecretPattern[] = [
  { pattern: /^xox[abposr]-[A-Za-z0-9-]{10,}$/, label: 'a Slack token' },
  { pattern: /^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}$/, label: 'a Slack webhook URL (the URL is the secret)' },
];
