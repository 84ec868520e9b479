// Destination lookup by URL and request validation for transformed webhooks.
import { parseUrl } from './checks.js';
import { customerIo } from './customer-io.js';
import { segment } from './segment.js';
import type { Destination, DestinationIssue } from './types.js';

export type { Destination, DestinationEndpoint, DestinationIssue, Severity } from './types.js';
export { DESTINATION_ISSUE_CODES, isDestinationIssueCode } from './issue-codes.js';
export type { DestinationIssueCode } from './issue-codes.js';
export { customerIo } from './customer-io.js';
export { segment } from './segment.js';

export const DESTINATIONS: readonly Destination[] = [segment, customerIo];

/** The destination whose API host the URL points at; undefined for other or unparsable URLs. */
export function findDestination(url: string): Destination | undefined {
  const parsed = parseUrl(url);
  return parsed ? DESTINATIONS.find((d) => d.matches(parsed)) : undefined;
}

export interface DestinationValidation {
  /** The destination's id, when the URL belongs to a known destination. */
  destination?: string;
  issues: DestinationIssue[];
}

/** Validates a request for a known destination; unknown URLs give no destination and no issues. */
export function validateDestinationRequest(url: string, method: string, payload: unknown): DestinationValidation {
  const destination = findDestination(url);
  if (!destination) return { issues: [] };
  return { destination: destination.id, issues: destination.validate(url, method, payload) };
}
