import type { z } from 'zod';
import type { DestinationIssueCode } from './issue-codes.js';

export type Severity = 'error' | 'warning';

/** One problem found in a request body meant for a destination. */
export interface DestinationIssue {
  /** Stable code, documented in issue-codes.ts. */
  code: DestinationIssueCode;
  /** JSON path into the request body, `$` is the body itself (e.g. `$.identifiers.id`). */
  path: string;
  /** What is wrong and how to fix it. */
  message: string;
  severity: Severity;
}

/** One API route of a destination and the body it accepts. */
export interface DestinationEndpoint {
  /** URL path, exact match (e.g. `/v1/track`). */
  path: string;
  /** Short name of the call (e.g. `track`, `entity`). */
  kind: string;
  /** The request body's schema (hard rules only; warnings come from lints). */
  schema: z.ZodType;
  /** Maximum UTF-8 size of `JSON.stringify(body)`. */
  sizeLimitBytes: number;
  /** For batch routes: the limit for each element of the batch array. */
  itemSizeLimitBytes?: number;
  /** For batch routes: the most elements the batch array may hold. */
  maxItems?: number;
}

export interface Destination {
  /** Stable id, the integration card's slug (e.g. `segment`, `customer-io`). */
  id: string;
  name: string;
  /** Host names the destination's API is served from. */
  hosts: readonly string[];
  /** True when the URL points at this destination's API host (any path). */
  matches(url: URL): boolean;
  endpoints: readonly DestinationEndpoint[];
  /** Size limit of a single (non-batch) request body, in bytes. */
  sizeLimitBytes: number;
  /** Checks a request (after the transformation) against the destination's API rules. */
  validate(url: string, method: string, payload: unknown): DestinationIssue[];
}
