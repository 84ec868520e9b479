// Every destination's secret patterns, without the destinations' schemas: compiling checks each
// mapping's literals against them, and loading the registry (zod and 19 schemas) would cost more
// than the rest of `generate`. A test keeps this list equal to the registry's.
import type { SecretPattern } from './define-destination.js';
import { DISCORD_SECRETS } from './discord/secrets.js';
import { HUBSPOT_SECRETS } from './hubspot/secrets.js';
import { RESEND_SECRETS } from './resend/secrets.js';
import { SENDGRID_SECRETS } from './sendgrid/secrets.js';
import { SLACK_SECRETS } from './slack/secrets.js';

export const DESTINATION_SECRETS: readonly SecretPattern[] = [
  ...DISCORD_SECRETS, ...HUBSPOT_SECRETS, ...RESEND_SECRETS, ...SENDGRID_SECRETS, ...SLACK_SECRETS,
];
