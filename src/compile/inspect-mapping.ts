import { createContext, runInContext, type Context } from 'node:vm';
import { isEventType } from '../runtime/events/event-types.js';
import type { Finding } from '../findings/finding.js';
import { unknownEventFinding } from './typecheck.js';

/** What a mapping declares, read by evaluating its bundle at compile time. */
export interface MappingInfo {
  events: string[];
  otherEvents: 'cancel' | 'passthrough';
  url?: string;
}

/**
 * One V8 context for every mapping of a compile run: creating one costs ~1.3 ms, and each
 * mapping's module runs inside its own function scope, so they do not see each other.
 */
export function createInspectContext(): Context {
  return createContext({}, { codeGeneration: { strings: false, wasm: false } });
}

export interface InspectInput {
  /** Bundle body (no export statement) and the local name of the mapping object. */
  body: string;
  mappingName: string;
  /** Project path and text of the mapping source, to locate problems. */
  file: string;
  sourceText: string;
}

/**
 * Runs the bundled module once, in a fresh V8 context with a time limit, and
 * checks the shape of what it exports. This catches unknown event keys even
 * with --no-typecheck, and gives the snippet header its event list.
 */
export function inspectMapping(input: InspectInput, context: Context = createInspectContext()): { info?: MappingInfo; findings: Finding[] } {
  let value: unknown;
  try {
    value = runInContext(`(function () {\n${input.body}\nreturn ${input.mappingName};\n})()`, context, { timeout: 1000 });
  } catch (error) {
    const message = error instanceof Error || (typeof error === 'object' && error && 'message' in error)
      ? String((error as { message: unknown }).message) : String(error);
    return { findings: [{ code: 'mapping-threw', severity: 'error', file: input.file, message: `loading the mapping threw: ${message}` }] };
  }
  const fail = (message: string): { findings: Finding[] } =>
    ({ findings: [{ code: 'invalid-mapping', severity: 'error', file: input.file, message }] });

  if (!isRecord(value)) return fail('the default export must be defineMapping({ events: { … } })');
  const { events, url, otherEvents } = value;
  if (!isRecord(events)) return fail('`events` must be an object keyed by Dodo event type');
  if (url !== undefined && (typeof url !== 'string' || !/^https:\/\/[^\s/]+/.test(url))) {
    return fail(`\`url\` must be an absolute https URL, got ${JSON.stringify(url)}`);
  }
  if (otherEvents !== undefined && otherEvents !== 'cancel' && otherEvents !== 'passthrough') {
    return fail(`\`otherEvents\` must be "cancel" or "passthrough", got ${JSON.stringify(otherEvents)}`);
  }
  const findings: Finding[] = [];
  const keys = Object.keys(events).sort();
  for (const key of keys) {
    if (!isEventType(key)) findings.push({ ...unknownEventFinding(key), file: input.file, ...locateKey(input.sourceText, key) });
    else if (typeof events[key] !== 'function') findings.push({ code: 'invalid-mapping', severity: 'error', file: input.file, ...locateKey(input.sourceText, key), message: `events["${key}"] must be a function (event) => result` });
  }
  const info: MappingInfo = { events: keys.filter(isEventType), otherEvents: otherEvents ?? 'cancel' };
  if (typeof url === 'string') info.url = url;
  return { info, findings };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
