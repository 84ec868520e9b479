import type { DestinationIssue } from './types.js';

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['batch', 2, 'identifiers', 'id']` → `$.batch[2].identifiers.id`; odd keys use `['…']`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && IDENTIFIER.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

/** The value at `segments` inside `root`, or undefined when a step is missing. */
export function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[s];
  }
  return cur;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** UTF-8 size of `JSON.stringify(value)`; undefined when it is not serialisable. */
export function jsonBytes(value: unknown): number | undefined {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? 0 : utf8Bytes(text);
  } catch {
    return undefined;
  }
}

/** A short, safe rendering of a value for messages. */
export function preview(value: unknown, max = 40): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function issue(
  code: DestinationIssue['code'], path: readonly PropertyKey[] | string, message: string,
  severity: DestinationIssue['severity'] = 'error',
): DestinationIssue {
  return { code, path: typeof path === 'string' ? path : jsonPath(path), message, severity };
}
