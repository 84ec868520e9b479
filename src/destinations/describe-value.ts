// Wording for destination findings: how a value and an expected type read in a message.

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
