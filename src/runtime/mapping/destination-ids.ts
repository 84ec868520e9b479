// The destinations a mapping may name with `destination:`. A plain list here, not the registry:
// this module is bundled into snippets' type world and must not pull the destinations' schemas in.
// A test keeps it equal to the registry's ids.
export const DESTINATION_IDS = [
  'autosend', 'close-crm', 'customer-io', 'datafast', 'discord', 'dub', 'hubspot', 'inngest', 'keplars', 'loops',
  'mailerlite', 'microsoft-teams', 'n8n', 'resend', 'segment', 'sendgrid', 'slack', 'windmill', 'zapier',
] as const;

export type DestinationId = (typeof DESTINATION_IDS)[number];

/** Those whose dashboard card supplies the request URL (each destination's `urlFrom: 'card'`; a test keeps them equal). */
export const CARD_URL_DESTINATIONS: readonly DestinationId[] = ['discord', 'inngest', 'microsoft-teams', 'n8n', 'slack', 'windmill', 'zapier'];
