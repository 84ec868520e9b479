import { getDestination } from '../destinations/registry.js';

/**
 * The runtime input as the declared destination's card would give it: where the card supplies
 * the URL (Slack, Discord, …), webhook.url is a URL of that card's form, so a snippet that keeps
 * it is checked against that destination's route. Other inputs are returned as they are.
 */
export function withCardUrl(input: Record<string, unknown>, destination: string | undefined): Record<string, unknown> {
  const url = cardSampleUrl(destination);
  return url === undefined ? input : { ...input, url };
}

/** The URL a destination's card gives a snippet, where the card supplies it. */
export function cardSampleUrl(destination: string | undefined): string | undefined {
  return destination === undefined ? undefined : getDestination(destination)?.card.sampleUrl;
}
