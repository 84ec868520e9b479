import type { Finding } from '../findings/finding.js';
import type { EventSummary, SampleRun } from '../validate/validate-snippets.js';

/** What validating a set of snippets found: the data every reporter formats. */
export interface Report {
  root: string;
  cwd: string;
  findings: Finding[];
  /** Per file: events × outcomes; `results` (every sample's run) only when asked for with `keepResults`. */
  summaries: { file: string; destinations: string[]; events: EventSummary[]; results?: SampleRun[] }[];
}
