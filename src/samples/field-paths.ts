/*
 * Dotted field paths ("customer.phone_number", "refunds.*.amount") into event data:
 * type-level helpers that derive the nullable and optional paths of an SDK type, so
 * the variant lists can be checked against the pinned SDK, and a run-time walker.
 */

// `{} extends Pick<T, K>` rather than `undefined extends T[K]`: it tells "may be
// missing" apart from "present but undefined" and survives the `-?` modifier.
type OptionalKey<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];
type NullableKey<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T];

// Records (Metadata) and arrays have no fixed fields to list, so paths stop there.
type IsPlainObject<V> = V extends readonly unknown[] ? false
  : V extends object ? (string extends keyof V ? false : true)
  : false;

// Only required, non-null objects are descended into: a nullable parent is itself
// set to null, which makes its children moot.
type NestedKey<T> = {
  [K in keyof T]-?: {} extends Pick<T, K> ? never : null extends T[K] ? never
    : IsPlainObject<T[K]> extends true ? K : never;
}[keyof T];

type Prefixed<T, Leaf> = {
  [K in NestedKey<T> & string]: `${K}.${Leaf extends 'null' ? NullPath<T[K]> : AbsentPath<T[K]>}`;
}[NestedKey<T> & string];

/** Paths of fields whose type admits `null`. */
export type NullPath<T> = (NullableKey<T> & string) | Prefixed<T, 'null'>;

/** Paths of optional fields whose type does not admit `null`: they can only be left out. */
export type AbsentPath<T> = (Exclude<OptionalKey<T>, NullableKey<T>> & string) | Prefixed<T, 'absent'>;

type Slot = (parent: Record<string, unknown>, key: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Calls `visit` with the parent object and key of every field `path` names in
 * `root`. `*` stands for every key of an object or element of an array. A named
 * last segment is visited even when the key is absent (so it can be added);
 * missing or non-object intermediate values end the walk silently.
 */
export function visitPath(root: unknown, path: string, visit: Slot): void {
  const walk = (node: unknown, segments: readonly string[]): void => {
    const [head, ...rest] = segments;
    if (head === undefined || !isObject(node)) return;
    const keys = head === '*' ? Object.keys(node) : [head];
    for (const key of keys) {
      if (rest.length === 0) visit(node, key);
      else walk(node[key], rest);
    }
  };
  walk(root, path.split('.'));
}

/** Replaces each value at `path` for which `replace` returns something other than undefined. */
export function replaceAt(root: unknown, path: string, replace: (value: unknown, key: string) => unknown): void {
  visitPath(root, path, (parent, key) => {
    if (!Object.prototype.hasOwnProperty.call(parent, key)) return;
    const next = replace(parent[key], key);
    if (next !== undefined) parent[key] = next;
  });
}
