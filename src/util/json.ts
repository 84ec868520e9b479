// JSON values and the `$.a[0]["odd key"]` paths every finding uses. Free of Node APIs: destination
// schemas import it, and they are type-checked inside users' mappings.

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `path` with one more step: `$.batch` + 2 → `$.batch[2]`, + "id" → `$.id`, + "order id" → `$["order id"]`. */
export function appendJsonPath(path: string, step: PropertyKey): string {
  if (typeof step === 'number') return `${path}[${step}]`;
  if (typeof step === 'string' && IDENTIFIER.test(step)) return `${path}.${step}`;
  return `${path}[${JSON.stringify(String(step))}]`;
}

/** `['batch', 2, 'identifiers', 'id']` → `$.batch[2].identifiers.id`; odd keys use `["…"]`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(appendJsonPath, '$');
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

/** A plain JSON object: not null, not an array. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Freezes a JSON-like value and everything in it: for data every caller shares. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
