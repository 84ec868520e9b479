// What a mapping declares (events keys, url, otherEvents) is read by evaluating its bundle, and
// that evaluation is user code: it happens in the sandbox process ('inspect' mode), which sends
// back only a plain-data description of the exported value. This file judges that description.
import { isEventType } from '../runtime/events/event-types.js';
import type { Finding } from '../findings/finding.js';
import type { MappingShape, RunOutcome, Sandbox, ValueShape } from '../sandbox/index.js';
import { isRecord } from '../util/json.js';
import { suggest } from '../util/suggest.js';
import { CARD_URL_DESTINATIONS, DESTINATION_IDS, type DestinationId } from '../runtime/mapping/destination-ids.js';
import { placeholderReason } from '../validate/placeholder-url.js';
import { unknownEventFinding } from './typecheck.js';

/** What a mapping declares, read by evaluating its bundle at compile time. */
export interface MappingInfo {
  events: string[];
  otherEvents: 'cancel' | 'passthrough';
  url?: string;
  destination?: DestinationId;
}

export interface InspectInput {
  /** Bundle body (no export statement) and the local name of the mapping object. */
  body: string;
  mappingName: string;
  /** Project path and text of the mapping source, to locate problems. */
  file: string;
  sourceText: string;
}

/** The code the sandbox evaluates: the module body, ending with the mapping as its value. */
export function inspectionCode(input: Pick<InspectInput, 'body' | 'mappingName'>): string {
  return `${input.body}\nreturn ${input.mappingName || 'undefined'};`;
}

/**
 * Runs the bundled module once in the sandbox, with a time limit, and checks the shape of what
 * it exports. This catches unknown event keys even with --no-typecheck, and gives the snippet
 * header its event list.
 */
export async function inspectMapping(input: InspectInput, sandbox: Sandbox, mapPosition?: PositionMapper): Promise<{ info?: MappingInfo; findings: Finding[] }> {
  const [outcome] = await sandbox.runMany(inspectionCode(input), [{}], { mode: 'inspect' });
  return judgeInspection(input, outcome!, mapPosition);
}

/** A position in the bundle → the user's source file and position, where the source map knows it. */
export type PositionMapper = (line: number, column: number) => { file: string; line: number; column: number } | undefined;

/** Turns the sandbox's description of the exported mapping into the mapping's info or findings. */
export function judgeInspection(input: Pick<InspectInput, 'file' | 'sourceText'>, outcome: RunOutcome, mapPosition?: PositionMapper): { info?: MappingInfo; findings: Finding[] } {
  const file = input.file;
  if (!outcome.ok) {
    const what = outcome.error.kind === 'timeout' ? 'loading the mapping did not finish: ' : 'loading the mapping threw: ';
    // The module body keeps the bundle's lines (only the export at its end is cut): the source map applies.
    const at = outcome.error.line !== undefined ? mapPosition?.(outcome.error.line, outcome.error.column ?? 1) : undefined;
    const finding: Finding = { code: 'mapping-threw', severity: 'error', file, ...at, message: what + outcome.error.message };
    return { findings: [finding, ...escapeFindings(file, outcome)] };
  }
  const escapes = escapeFindings(file, outcome);
  const fail = (message: string): { findings: Finding[] } =>
    ({ findings: [{ code: 'invalid-mapping', severity: 'error', file, message }, ...escapes] });
  const shape = (isRecord(outcome.result) ? outcome.result : {}) as MappingShape;

  if (shape.type !== 'object') {
    return fail(`the default export must be defineMapping({ events: { … } }), got ${describe(shape)}`);
  }
  const { events, url, otherEvents, destination } = shape;
  if (events?.error !== undefined) return fail(`reading \`events\` threw: ${events.error}`);
  if (events?.type !== 'object') return fail('`events` must be an object keyed by Dodo event type');
  if (url !== undefined && (url.type !== 'undefined' || url.error !== undefined)) {
    if (url.error !== undefined) return fail(`reading \`url\` threw: ${url.error}`);
    if (url.type !== 'string' || typeof url.value !== 'string' || !/^https:\/\/[^\s/\p{Cc}]+[^\s\p{Cc}]*$/u.test(url.value)) {
      return fail(`\`url\` must be an absolute https URL, got ${describe(url)}`);
    }
  }
  let declared: DestinationId | undefined;
  if (destination !== undefined && (destination.type !== 'undefined' || destination.error !== undefined)) {
    if (destination.error !== undefined) return fail(`reading \`destination\` threw: ${destination.error}`);
    const id = destination.type === 'string' && typeof destination.value === 'string' ? destination.value : undefined;
    if (id === undefined || !(DESTINATION_IDS as readonly string[]).includes(id)) {
      const guess = id === undefined ? undefined : suggest(id, DESTINATION_IDS);
      const known = guess ? `did you mean "${guess}"?` : `it must be one of ${DESTINATION_IDS.join(', ')}`;
      const at = locatePattern(input.sourceText, /(?<=^|[\s{,])destination\s*:/m);
      return { findings: [{ code: 'invalid-mapping', severity: 'error', file, ...at, message: `\`destination\` is ${describe(destination)}, not a destination: ${known}` }, ...escapes] };
    }
    declared = id as DestinationId;
  }
  let others: 'cancel' | 'passthrough' = 'cancel';
  if (otherEvents !== undefined && otherEvents.type !== 'undefined') {
    if (otherEvents.error !== undefined) return fail(`reading \`otherEvents\` threw: ${otherEvents.error}`);
    if (otherEvents.value !== 'cancel' && otherEvents.value !== 'passthrough') {
      return fail(`\`otherEvents\` must be "cancel" or "passthrough", got ${describe(otherEvents)}`);
    }
    others = otherEvents.value;
  }
  if (events.error !== undefined) return fail(`listing the keys of \`events\` threw: ${events.error}`);
  const findings: Finding[] = [...escapes];
  const entries = (Array.isArray(events.keys) ? events.keys : []).filter((k) => isRecord(k) && typeof k.key === 'string');
  const keys = [...new Set(entries.map((k) => k.key))].sort();
  for (const key of keys) {
    const entry = entries.find((k) => k.key === key)!;
    if (!isEventType(key)) findings.push({ ...unknownEventFinding(key), file, ...locateKey(input.sourceText, key) });
    else if (entry.error !== undefined) findings.push({ code: 'invalid-mapping', severity: 'error', file, ...locateKey(input.sourceText, key), message: `reading events["${key}"] threw: ${entry.error}` });
    else if (entry.type !== 'function') findings.push({ code: 'invalid-mapping', severity: 'error', file, ...locateKey(input.sourceText, key), message: `events["${key}"] must be a function (event) => result, got ${describe(entry)}` });
  }
  const info: MappingInfo = { events: keys.filter(isEventType), otherEvents: others };
  if (url?.type === 'string' && typeof url.value === 'string') info.url = url.value;
  if (declared !== undefined) info.destination = declared;
  if (info.url !== undefined) findings.push(...urlFindings(info.url, declared, input));
  return { info, findings };
}

/**
 * The mapping's top-level `url`, said once at its line: a placeholder, or a URL where the card
 * supplies one (the samples would say the same on every run; run-validation keeps this one).
 */
function urlFindings(url: string, declared: DestinationId | undefined, input: Pick<InspectInput, 'file' | 'sourceText'>): Finding[] {
  const at = { file: input.file, ...locatePattern(input.sourceText, /(?<=^|[\s{,])url\s*:/m) };
  const placeholder = placeholderReason(url);
  if (placeholder !== undefined) {
    return [{ code: 'placeholder-url', severity: 'error', ...at, message: `\`url\` is a placeholder (${placeholder}): nothing receives what the snippet sends. ${declared !== undefined && CARD_URL_DESTINATIONS.includes(declared) ? 'Remove `url`: the dashboard card supplies it' : 'Put the real endpoint URL here, or remove `url` to keep the one the dashboard card supplies'}` }];
  }
  if (declared !== undefined && CARD_URL_DESTINATIONS.includes(declared)) {
    return [{ code: 'card-url-overwritten', severity: 'error', ...at, message: `\`url\` replaces the URL the ${declared} card supplies: remove it, and the snippet keeps the card's URL` }];
  }
  return [];
}

/** Code generation from strings, attempted while the module loaded (caught or not). */
export function escapeFindings(file: string, outcome: RunOutcome): Finding[] {
  return (outcome.escapes ?? []).map((what) => ({
    code: 'escape-attempt' as const,
    severity: 'error' as const,
    file,
    message: `the code calls ${what} to run code from a string; the webhook runtime forbids it, and a mapping must not try`,
  }));
}

function describe(v: ValueShape): string {
  if (v.type === 'string') return JSON.stringify(v.value);
  if (v.type === 'number' || v.type === 'boolean') return String(v.value);
  if (v.type === 'bigint') return 'a BigInt';
  if (v.type === 'revoked proxy') return 'a revoked Proxy';
  if (v.type === 'undefined' || v.type === 'null') return v.type;
  if (v.type === 'array' || v.type === 'object' || v.type === 'function' || v.type === 'symbol') return `${v.type === 'array' || v.type === 'object' ? 'an' : 'a'} ${v.type}`;
  return 'a value that cannot be read';
}

/** Where a pattern first matches in the source. */
function locatePattern(source: string, pattern: RegExp): { line?: number; column?: number } {
  const m = pattern.exec(source);
  if (!m) return {};
  const before = source.slice(0, m.index);
  return { line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
}

/** Where a quoted key first appears in the source: good enough to point an editor at it. */
function locateKey(source: string, key: string): { line?: number; column?: number } {
  for (const quote of ['"', "'", '`']) {
    const index = source.indexOf(quote + key + quote);
    if (index === -1) continue;
    const before = source.slice(0, index);
    const line = before.split('\n').length;
    return { line, column: index - before.lastIndexOf('\n') };
  }
  return {};
}
