// Literals that are this destination's credentials: a snippet must not carry them. Its own module,
// without the schemas, because compiling reads every destination's patterns.
import type { SecretPattern } from '../define-destination.js';

export const DISCORD_SECRETS: readonly SecretPattern[] = [{ pattern: /^https:\/\/(?:discord|discordapp)\.com\/api\/webhooks\/\d+\/[\w-]{40,}$/, label: 'a Discord webhook URL (the URL is the secret)' }];
