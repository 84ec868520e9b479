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

/**
 * The first answer `look` gives for a value of the tree, in document order, or undefined.
 * Iterative: a value from a hostile file may be nested deeper than the call stack allows a
 * recursive walk to go.
 */
function findInTree(root: unknown, look: (value: unknown, path: PropertyKey[]) => string | undefined): string | undefined {
  const stack: [unknown, PropertyKey[]][] = [[root, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    const answer = look(value, path);
    if (answer !== undefined) return answer;
    if (value === null || typeof value !== 'object') continue;
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], [...path, entries[i]![0]]]);
  }
  return undefined;
}

/** The path of the first value nested deeper than `max` levels, or undefined. */
export function findTooDeep(root: unknown, max: number): string | undefined {
  // The first steps and the depth: the whole path of a value 5,000 levels down is no help.
  return findInTree(root, (value, path) => (value !== null && typeof value === 'object' && path.length >= max ? `${jsonPath(path.slice(0, 6))}… (${max} levels down)` : undefined));
}

/**
 * The JSON path of the first number JSON text held that JavaScript cannot (1e400 parses as
 * Infinity, and is sent on as null), or undefined.
 */
export function findNonFinite(root: unknown): string | undefined {
  return findInTree(root, (value, path) => (typeof value === 'number' && !Number.isFinite(value) ? jsonPath(path) : undefined));
}
