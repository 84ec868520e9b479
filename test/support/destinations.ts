import { validateDestinationRequest } from '../../src/destinations/registry.js';
import type { DestinationIssue } from '../../src/destinations/registry.js';

export const SEGMENT = 'https://api.segment.io/v1';
export const SEGMENT_EU = 'https://events.eu1.segmentapis.com/v1';
export const CIO_ENTITY = 'https://track.customer.io/api/v2/entity';
export const CIO_BATCH = 'https://track.customer.io/api/v2/batch';

export function check(url: string, payload: unknown, method = 'POST'): DestinationIssue[] {
  return validateDestinationRequest(url, method, payload).issues;
}

/** `code@path` for each issue, in order: compact to assert on and clear when it fails. */
export function found(url: string, payload: unknown, method = 'POST'): string[] {
  return check(url, payload, method).map((i) => `${i.code}@${i.path}`);
}

/** Only the issue codes, sorted. */
export function codes(url: string, payload: unknown, method = 'POST'): string[] {
  return check(url, payload, method).map((i) => i.code).sort();
}

/** A string of `n` two-byte characters (é): n characters, 2n bytes in UTF-8. */
export const twoByte = (n: number): string => 'é'.repeat(n);
