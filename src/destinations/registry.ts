// Every destination, and which one a request URL is for. Adding a destination: its folder, and one line here.
import { registerFindingCodes } from '../findings/registry.js';
import type { CodeInfo } from '../findings/codes.js';
import { GENERIC_CODES, type Destination, type DestinationIssue } from './define-destination.js';
import { autosend } from './autosend/index.js';
import { closeCrm } from './close-crm/index.js';
import { customerIo } from './customer-io/index.js';
import { datafast } from './datafast/index.js';
import { discord } from './discord/index.js';
import { dub } from './dub/index.js';
import { hubspot } from './hubspot/index.js';
import { inngest } from './inngest/index.js';
import { keplars } from './keplars/index.js';
import { loops } from './loops/index.js';
import { mailerlite } from './mailerlite/index.js';
import { microsoftTeams } from './microsoft-teams/index.js';
import { n8n } from './n8n/index.js';
import { resend } from './resend/index.js';
import { segment } from './segment/index.js';
import { sendgrid } from './sendgrid/index.js';
import { slack } from './slack/index.js';
import { windmill } from './windmill/index.js';
import { zapier } from './zapier/index.js';
import { parseUrl } from '../util/url.js';

export type { Destination, DestinationEndpoint, DestinationIssue, Severity } from './define-destination.js';

/**
 * In order: a URL belongs to the first destination whose hosts it is on, else to the first that
 * claims its path on any host (n8n and Windmill, which are often self-hosted).
 */
export const DESTINATIONS: readonly Destination[] = [
  segment, customerIo, inngest, zapier, resend, sendgrid, autosend, mailerlite, keplars, slack, discord, microsoftTeams,
  hubspot, closeCrm, loops, datafast, dub, windmill, n8n,
];

/** Every destination code and what it means, the generic ones first. */
export const DESTINATION_ISSUE_CODES: Readonly<Record<string, CodeInfo>> = Object.assign({}, GENERIC_CODES, ...DESTINATIONS.map((d) => d.codes));
registerFindingCodes(DESTINATION_ISSUE_CODES);

export function isDestinationIssueCode(code: string): boolean {
  return Object.hasOwn(DESTINATION_ISSUE_CODES, code);
}

/** The destination the URL is meant for; undefined for other or unparsable URLs. */
export function findDestination(url: string): Destination | undefined {
  const parsed = parseUrl(url);
  if (parsed === undefined) return undefined;
  return DESTINATIONS.find((d) => d.matchesHost(parsed)) ?? DESTINATIONS.find((d) => d.claimsPath(parsed));
}

/** The destination with this id (a template's name). */
export function getDestination(id: string): Destination | undefined {
  return DESTINATIONS.find((d) => d.id === id);
}

export interface DestinationValidation {
  /** The destination's id, when the URL belongs to a known destination. */
  destination?: string;
  issues: DestinationIssue[];
}

/**
 * Validates a request for a known destination: the URL's, else the declared one (whose checks
 * then run on its sample URL's route). Unknown URLs with nothing declared give no issues.
 */
export function validateDestinationRequest(url: string, method: string, payload: unknown, declared?: string): DestinationValidation {
  const destination = findDestination(url);
  if (!destination) {
    const named = declared === undefined ? undefined : getDestination(declared);
    if (named?.card.sampleUrl === undefined) return { issues: [] };
    return { destination: named.id, issues: named.validate(named.card.sampleUrl, method, payload) };
  }
  return { destination: destination.id, issues: destination.validate(url, method, payload) };
}
