// Literals that are this destination's credentials: a snippet must not carry them. Its own module,
// without the schemas, because compiling reads every destination's patterns.
import type { SecretPattern } from '../define-destination.js';

export const HUBSPOT_SECRETS: readonly SecretPattern[] = [{ pattern: /^pat-(?:na|eu)\d-[a-f0-9-]{30,}$/, label: 'a HubSpot private app token' }];
