// Reads of fields that no event of that type carries (`customer.phone`, `product_id` on a
// payment): the sandbox records every read of a key the payload did not have; a field that is
// absent from every sample and variant of the event type does not exist on it.
import type { Finding } from '../findings/finding.js';
import type { RunOutcome } from '../sandbox/index.js';
import { findGuardedReads, type GuardedAt } from '../analyze/guarded-reads.js';
import { suggest } from '../util/suggest.js';
import type { SampleInput } from './sample-inputs.js';

function collectPaths(value: unknown, path: string, into: Set<string>, depth = 0): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectPaths(item, `${path}[]`, into, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    into.add(`${path}.${key}`);
    collectPaths(v, `${path}.${key}`, into, depth + 1);
  }
}

/**
 * A payment's amount field read on another resource, and the other way round: what it is called
 * there (the nearest spelling would be wrong: total_amount → trial_amount on a subscription).
 */
const FIELD_MEANT: Readonly<Record<string, readonly string[]>> = {
  total_amount: ['recurring_pre_tax_amount', 'amount'],
  amount: ['total_amount', 'recurring_pre_tax_amount'],
  recurring_pre_tax_amount: ['total_amount', 'amount'],
};

/**
 * Per list of inputs: every snippet of a run is judged on the same list, and walking all its
 * samples was 3.5% of check's time when done once per snippet.
 */
const knownByInputs = new WeakMap<readonly SampleInput[], Map<string, Set<string>>>();

/** Every field path any sample of each event type has, as the sandbox names reads. */
export function knownFieldPaths(inputs: readonly SampleInput[]): Map<string, Set<string>> {
  const known = knownByInputs.get(inputs);
  if (known) return known;
  const byType = new Map<string, Set<string>>();
  knownByInputs.set(inputs, byType);
  for (const input of inputs) {
    const set = byType.get(input.eventType) ?? new Set<string>();
    collectPaths(input.event, 'payload', set);
    byType.set(input.eventType, set);
  }
  return byType;
}

/** One finding per field the snippet reads that its event type never has. */
export function unknownFieldFindings(
  file: string,
  inputs: readonly SampleInput[],
  outcomes: readonly RunOutcome[],
  mapPosition?: (line: number, column: number) => { file: string; line: number; column: number } | undefined,
  code?: string,
): Finding[] {
  // Parsed only if a finding depends on it (a field another handled event has).
  let guardedAt: GuardedAt | undefined | null = null;
  const isGuardedRead = (line: number, column: number): boolean => {
    if (code === undefined) return false;
    if (guardedAt === null) guardedAt = findGuardedReads(code);
    return guardedAt ? guardedAt(line, column) : isGuardedOnLine(code.split(/\r\n|[\n\r\u2028\u2029]/)[line - 1], column - 1);
  };
  const known = knownFieldPaths(inputs);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  type Listed = Finding & { events: Set<string>; readPath: string; readAt?: { line: number; column: number } };
  const byPath = new Map<string, Listed>();
  const listed: Listed[] = [];
  outcomes.forEach((outcome, i) => {
    const input = inputs[i]!;
    // A run that failed or cancelled is judged by that; only requests actually sent count here.
    if (!outcome.ok || (outcome.result as { cancel?: unknown } | null)?.cancel === true) return;
    const fields = known.get(input.eventType);
    for (const read of outcome.reads ?? []) {
      if (!fields || fields.has(read.path)) continue;
      // metadata holds the merchant's own keys: any key may be there.
      if (/(^|\.)metadata(\.|$)/.test(read.path.slice(0, read.path.lastIndexOf('.')))) continue;
      const earlier = byPath.get(read.path);
      if (earlier) { earlier.events.add(input.eventType); continue; }
      const key = `${input.eventType} ${read.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const parent = read.path.slice(0, read.path.lastIndexOf('.'));
      const name = read.path.slice(read.path.lastIndexOf('.') + 1);
      // Only a field of an object the event has: reading into a field that is itself unknown was said once already.
      if (parent !== 'payload' && !fields.has(parent)) continue;
      const siblings = [...fields].filter((p) => p.startsWith(`${parent}.`) && !p.slice(parent.length + 1).includes('.') && !p.slice(parent.length + 1).includes('['))
        .map((p) => p.slice(parent.length + 1));
      const guess = FIELD_MEANT[name]?.find((f) => siblings.includes(f)) ?? suggest(name, siblings) ?? siblings.find((s) => s.startsWith(`${name}_`) || s.endsWith(`_${name}`));
      const shown = read.path.replace(/^payload\.(data\.)?/, '');
      const where = read.line !== undefined ? (mapPosition?.(read.line, read.column ?? 1) ?? { file, line: read.line, column: read.column ?? 1 }) : { file };
      const finding = {
        code: 'unknown-field' as const, severity: 'error' as const, ...where, event: input.eventType, sample: input.name,
        message: `${shown} does not exist on ${input.eventType} events, so it is always undefined` +
          (guess ? `; did you mean ${guess}?` : siblings.length ? ` (${parent.replace(/^payload\.?/, '') || 'the payload'} has ${siblings.slice(0, 8).join(', ')}${siblings.length > 8 ? ', …' : ''})` : ''),
        events: new Set([input.eventType]),
        readPath: read.path,
        ...(read.line !== undefined && { readAt: { line: read.line, column: read.column ?? 1 } }),
      };
      byPath.set(read.path, finding);
      listed.push(finding);
    }
  });
  // The event types the snippet sends a request for: a field one of them has, read in code the
  // others share, is not a typo; read with a guard (|| or ??) it is deliberate, and no finding.
  const sent = new Set(inputs.filter((_, i) => { const o = outcomes[i]; return o?.ok && (o.result as { cancel?: unknown } | null)?.cancel !== true; }).map((input) => input.eventType));
  const haveIt = (path: string) => [...sent].filter((type) => known.get(type)?.has(path));
  // One finding per field, whatever the number of event types that read it.
  return [...findings, ...listed.map(({ events, readPath, readAt, ...f }) => {
    const message = events.size > 1
      ? f.message.replace(` on ${f.event} events`, ` on ${f.event} events (nor on ${events.size - 1} other event type${events.size === 2 ? '' : 's'} the snippet handles)`)
      : f.message;
    const others = haveIt(readPath);
    if (others.length === 0) return [{ ...f, message }];
    // Guarded (`d.payment_id || d.refund_id`, `d.total_amount != null ? …`): the shared code
    // expects it to be missing here.
    if (readAt && isGuardedRead(readAt.line, readAt.column)) return [];
    const which = `${others.slice(0, 2).join(' and ')}${others.length > 2 ? ` and ${others.length - 2} more` : ''}`;
    return [{
      ...f,
      message: `${message.slice(0, message.indexOf(', so it is always undefined'))}, only on ${which}: the code they share reads undefined here; guard it (?? null, or test it first: != null ? … : …), or handle those events apart`,
    }];
  }).flat()];
}

/**
 * For a snippet that does not parse as a script: whether the read at `column` of `line` (the
 * start of the field's name) is an operand of a `||` or `??` chain, the left side of a `&&`, or
 * the test of a `?:` on that line.
 */
function isGuardedOnLine(line: string | undefined, column: number): boolean {
  if (line === undefined) return false;
  // The rest of the member chain (`.a`, `?.b`, `["c"]`), then what follows it.
  const rest = line.slice(column).replace(/^[\w$]+(?:\s*(?:\?\.|\.)\s*[\w$]+|\[[^\]]*\])*/, '');
  if (/^\s*(?:\|\||\?\?|&&|\?(?!\.))/.test(rest)) return true;
  // Or a later operand of a fallback chain: `d.payment_id || d.subscription_id`.
  const before = line.slice(0, column).replace(/(?:[\w$]+\s*(?:\?\.|\.)\s*)+$/, '').trimEnd();
  return /(?:\|\||\?\?)$/.test(before);
}
