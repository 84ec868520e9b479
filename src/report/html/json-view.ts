// The JSON body as pretty-printed text, with the findings on the nodes they are about and the
// fields the destination reads highlighted. Strings are clipped for display (see clip).
import type { Finding } from '../../findings/finding.js';
import { appendJsonPath } from '../../util/json.js';
import { clip, esc } from './html.js';
import { FindingMarks } from './marks.js';

export interface JsonViewOptions {
  /** Path of the value, as findings name it: `$.payload`. */
  path: string;
  findings: readonly Finding[];
  /** Whether a key's path is one the destination reads (shown highlighted). */
  highlight?: (path: string) => boolean;
}

/** Depth past which nested values are summarised: a cycle-free but deep body stays readable. */
const MAX_DEPTH = 40;

export function renderJson(value: unknown, options: JsonViewOptions): { html: string; unplaced: Finding[] } {
  const marks = new FindingMarks(options.findings);
  const highlight = options.highlight ?? (() => false);
  const node = (v: unknown, path: string, indent: string, depth: number): string => {
    const inner = `${indent}  `;
    let text: string;
    if (Array.isArray(v)) {
      text = v.length === 0 ? '[]' : depth >= MAX_DEPTH ? `[… ${v.length} items]`
        : `[\n${v.map((item, i) => `${inner}${node(item, appendJsonPath(path, i), inner, depth + 1)}`).join(',\n')}\n${indent}]`;
    } else if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      text = entries.length === 0 ? '{}' : depth >= MAX_DEPTH ? `{… ${entries.length} keys}`
        : `{\n${entries.map(([k, item]) => {
          const at = appendJsonPath(path, k);
          // Short tags, unquoted fixed classes: a report holds thousands of these, each embedded as JSON.
          const key = `<i class=k>${esc(JSON.stringify(k))}</i>`;
          return `${inner}${highlight(at) ? `<mark>${key}</mark>` : key}: ${node(item, at, inner, depth + 1)}`;
        }).join(',\n')}\n${indent}}`;
    } else if (typeof v === 'string') {
      text = `<i class=s>${esc(JSON.stringify(clip(v)))}</i>`;
    } else if (v === undefined) {
      text = '<i class=u>undefined</i>';
    } else {
      text = `<i class=${v === null ? 'n' : typeof v === 'number' ? 'm' : 'b'}>${esc(String(v))}</i>`;
    }
    return marks.wrap(path, text);
  };
  const { html, unplaced } = marks.finish(node(value, options.path, '', 0));
  return { html: `<pre class="json" title="highlighted keys: fields the destination reads">${html}</pre>`, unplaced };
}
