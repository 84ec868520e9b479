// Destination lookup by URL and request validation for transformed webhooks.
import { parseUrl } from './checks.js';
import { customerIo } from './customer-io.js';
import { segment } from './segment.js';
import { inngest } from './inngest.js';
import { n8n } from './n8n.js';
import { windmill } from './windmill.js';
import { zapier } from './zapier.js';
import { autosend } from './autosend.js';
import { keplars } from './keplars.js';
import { mailerlite } from './mailerlite.js';
import { resend } from './resend.js';
import { sendgrid } from './sendgrid.js';
import { discord } from './discord.js';
import { microsoftTeams } from './microsoft-teams.js';
import { slack } from './slack.js';
import { closeCrm } from './close-crm.js';
import { datafast } from './datafast.js';
import { dub } from './dub.js';
import { hubspot } from './hubspot.js';
import { loops } from './loops.js';
import type { Destination, DestinationIssue } from './types.js';

export type { Destination, DestinationEndpoint, DestinationIssue, Severity } from './types.js';
export { DESTINATION_ISSUE_CODES, isDestinationIssueCode } from './issue-codes.js';
export type { DestinationIssueCode } from './issue-codes.js';
export { customerIo } from './customer-io.js';
export { segment } from './segment.js';

// Windmill and n8n match by path on any host: keep them last so host-matched destinations win.
export const DESTINATIONS: readonly Destination[] = [segment, customerIo, inngest, zapier, resend, sendgrid, autosend, mailerlite, keplars, slack, discord, microsoftTeams, hubspot, closeCrm, loops, datafast, dub, windmill, n8n];

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
