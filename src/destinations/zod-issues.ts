import type { z } from 'zod';
import { isDestinationIssueCode } from './issue-codes.js';
import { issue, jsonPath, preview, valueAt } from './json.js';
import type { DestinationIssue } from './types.js';

export type ZodIssue = z.core.$ZodIssue;

/** What a classifier sees: the zod issue, where it is, and the offending value. */
export interface IssueContext {
  issue: ZodIssue;
  path: PropertyKey[];
  /** The value at `path` in the request body (undefined when missing). */
  value: unknown;
  /** The whole request body. */
  root: unknown;
}

/** Gives a zod issue a destination-specific code and message; undefined → generic `schema.invalid`. */
export type IssueClassifier = (ctx: IssueContext) => DestinationIssue | undefined;

/**
 * Turns zod issues into DestinationIssues with JSON paths. Custom issues carry their code in
 * `params.code` (their message is already ours); everything else goes through `classify`, then
 * a generic wording. zod's own message text is never shown.
 */
export function fromZodIssues(issues: readonly ZodIssue[], root: unknown, classify: IssueClassifier): DestinationIssue[] {
  const out: DestinationIssue[] = [];
  const seen = new Set<string>();
  for (const zi of issues) {
    const path = [...zi.path];
    const ctx: IssueContext = { issue: zi, path, value: valueAt(root, path), root };
    const converted = fromCustom(zi, path) ?? classify(ctx) ?? generic(ctx);
    const key = `${converted.code}|${converted.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(converted);
  }
  return out;
}

function fromCustom(zi: ZodIssue, path: PropertyKey[]): DestinationIssue | undefined {
  if (zi.code !== 'custom') return undefined;
  const code: unknown = zi.params?.['code'];
  if (typeof code !== 'string' || !isDestinationIssueCode(code)) return undefined;
  const severity = zi.params?.['severity'] === 'warning' ? 'warning' : 'error';
  return issue(code, path, zi.message, severity);
}

const ARTICLE: Record<string, string> = {
  string: 'a string', number: 'a number', int: 'an integer', boolean: 'a boolean (true or false)',
  object: 'an object', record: 'an object', array: 'an array', null: 'null',
};

/** "a string", "an object"… for the expected type of an invalid_type issue. */
export function expectedText(expected: string): string {
  return ARTICLE[expected] ?? expected;
}

/** What a value is, for messages: `missing`, `null`, `the string "12.00"`, `a number (12)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': return `the string ${preview(value)}`;
    case 'number': return `the number ${value}`;
    case 'boolean': return `the boolean ${value}`;
    case 'object': return 'an object';
    default: return typeof value;
  }
}

function generic({ issue: zi, path, value }: IssueContext): DestinationIssue {
  const where = path.length === 0 ? 'The body' : jsonPath(path);
  return issue('schema.invalid', path, `${where} ${genericProblem(zi, value)}`);
}

function genericProblem(zi: ZodIssue, value: unknown): string {
  switch (zi.code) {
    case 'invalid_type':
      return value === undefined
        ? `is required: set it to ${expectedText(zi.expected)}`
        : `must be ${expectedText(zi.expected)}, not ${describeValue(value)}`;
    case 'invalid_value':
      return `must be ${zi.values.map((v) => JSON.stringify(v)).join(' or ')}, not ${describeValue(value)}`;
    case 'too_small':
      if (zi.origin === 'string' && Number(zi.minimum) === 1) return 'must not be empty';
      return `is too small: the minimum is ${zi.minimum}${zi.origin === 'array' ? ' elements' : ''}`;
    case 'too_big':
      return `is too large: the maximum is ${zi.maximum}${zi.origin === 'string' ? ' characters' : zi.origin === 'array' ? ' elements' : ''}`;
    case 'invalid_format':
      return `is not a valid ${zi.format === 'regex' ? 'value' : zi.format}: got ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `has keys the API does not accept: ${zi.keys.join(', ')}; remove them`;
    case 'invalid_union':
      return zi.discriminator !== undefined && 'options' in zi && zi.options
        ? `must be one of ${zi.options.map((o) => JSON.stringify(o)).join(', ')}, not ${describeValue(value)}`
        : `does not match any shape the API accepts (got ${describeValue(value)})`;
    default:
      return 'is not valid';
  }
}
