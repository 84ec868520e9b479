// The selectors destinations declare their markup fields with (`$.html`, `$[*].html`,
// `$.content[?(@.type=="text/html")].value`): a small JSONPath subset, evaluated on plain data.
// Steps: `.key`, `[*]` (every element), `[?(@.key==<JSON literal>)]` (keeps the value, or the
// array elements, whose key equals the literal), and `..` (every object at any depth below, for
// formats that nest, such as an Adaptive Card's containers and columns).

export interface SelectedField {
  /** JSONPath of the value, `$.…` from the payload root. */
  path: string;
  value: string;
}

type Step = { kind: 'key'; key: string } | { kind: 'all' } | { kind: 'filter'; key: string; equals: unknown } | { kind: 'descend' };

const STEP = /^(?:\.([A-Za-z_$][\w$]*)|\[\*\]|\[\?\(@\.([A-Za-z_$][\w$]*)==(.+?)\)\]|(\.\.)(?=\[))/;
/** Nesting deeper than this is not followed: a hostile payload cannot make the walk unbounded. */
const MAX_DEPTH = 64;

function parseSelector(selector: string): Step[] {
  if (!selector.startsWith('$')) throw new Error(`selector must start with $: ${selector}`);
  const steps: Step[] = [];
  let rest = selector.slice(1);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m) throw new Error(`unsupported selector step in ${selector}: ${rest}`);
    if (m[4] !== undefined) steps.push({ kind: 'descend' });
    else if (m[1] !== undefined) steps.push({ kind: 'key', key: m[1] });
    else if (m[2] !== undefined) steps.push({ kind: 'filter', key: m[2], equals: JSON.parse(m[3]!) as unknown });
    else steps.push({ kind: 'all' });
    rest = rest.slice(m[0].length);
  }
  return steps;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `value` and every object below it (array elements included, arrays themselves not). */
function descendants(path: string, value: unknown, depth: number): { path: string; value: unknown }[] {
  if (depth > MAX_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => descendants(`${path}[${i}]`, v, depth + 1));
  if (!isObject(value)) return [];
  const IDENT = /^[A-Za-z_$][\w$]*$/;
  return [{ path, value }, ...Object.keys(value).flatMap((k) => descendants(IDENT.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`, value[k], depth + 1))];
}

/** Every string the selector reaches in `root`, with its path (`prefix` stands for `$`). */
export function selectStrings(root: unknown, selector: string, prefix = '$'): SelectedField[] {
  let nodes: { path: string; value: unknown }[] = [{ path: prefix, value: root }];
  for (const step of parseSelector(selector)) {
    nodes = nodes.flatMap(({ path, value }) => {
      if (step.kind === 'descend') return descendants(path, value, 0);
      if (step.kind === 'key') return isObject(value) && Object.hasOwn(value, step.key) ? [{ path: `${path}.${step.key}`, value: value[step.key] }] : [];
      if (step.kind === 'all') return Array.isArray(value) ? value.map((v, i) => ({ path: `${path}[${i}]`, value: v as unknown })) : [];
      const matches = (v: unknown) => isObject(v) && v[step.key] === step.equals;
      if (Array.isArray(value)) return value.flatMap((v, i) => (matches(v) ? [{ path: `${path}[${i}]`, value: v as unknown }] : []));
      return matches(value) ? [{ path, value }] : [];
    });
  }
  return nodes.filter((n): n is SelectedField => typeof n.value === 'string');
}
