import type { Finding } from '../findings/finding.js';
import type { EventSummary } from '../validate/validate-snippets.js';

/** What validating a set of snippets found: the data every reporter formats. */
export interface Report {
  root: string;
  cwd: string;
  findings: Finding[];
  /** Per file: events × outcomes. */
  summaries: { file: string; destinations: string[]; events: EventSummary[] }[];
}
