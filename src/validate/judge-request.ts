// Everything said of one sample's returned webhook: the runtime contract and the destination's
// request schema (check-result), then the amounts and the text in it. validate runs it for every
// sample, preview for the one it shows.
import { checkAmounts } from './check-amounts.js';
import { checkResult, type ResultContext, type ResultIssue, type ResultVerdict } from './check-result.js';
import { checkText } from './check-text.js';

export interface JudgedRequest {
  verdict: ResultVerdict;
  /** The verdict's issues, and for a request that is sent the amount and text checks'. */
  issues: ResultIssue[];
  /** Where it goes: the URL's destination, else the declared one (undefined when cancelled). */
  destination?: string;
}

export function judgeRequest(result: unknown, context: ResultContext & { event: unknown; sample: string }): JudgedRequest {
  const { event, sample, ...resultContext } = context;
  const verdict = checkResult(result, resultContext);
  if (verdict.cancelled) return { verdict, issues: verdict.issues };
  const destination = verdict.destination ?? context.declared;
  const request = result as { url?: unknown; headers?: unknown; payload?: unknown };
  return {
    verdict,
    issues: [
      ...verdict.issues,
      ...checkAmounts(request.payload, event, destination),
      ...checkText(request, { event, sample, ...(destination !== undefined && { destination }) }),
    ],
    ...(destination !== undefined && { destination }),
  };
}
