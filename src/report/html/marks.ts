// Findings shown where they are about: a finding's JSON path (`$.payload.blocks[1].text.text`) is
// attached to the nearest part of a view that exists (the block, the field, the JSON node).
//
// A view is rendered first with slots at the parts it draws; `finish` then puts each finding on
// the deepest slot whose path is the finding's or an ancestor of it. Slots are marked with U+0001,
// which user text can never contain once escaped (esc shows control characters as `\x01`).
import type { Finding } from '../../findings/finding.js';
import { esc } from './html.js';

/** The last step of a JSON path: `.key`, `[0]` or `["odd key"]`. */
const LAST_STEP = /(?:\.[A-Za-z_$][\w$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/;

export function parentPath(path: string): string | undefined {
  const m = LAST_STEP.exec(path);
  return m ? path.slice(0, m.index) : undefined;
}

export class FindingMarks {
  private readonly paths = new Set<string>();

  constructor(private readonly findings: readonly Finding[]) {}

  /** A class token for the part at `path` (` has-f sev-…` once finished, when findings land there). */
  cls(path: string): string {
    this.paths.add(path);
    return `\u0001c${path}\u0001`;
  }

  /** Tokens around a part that has no element of its own: a marked span once finished, when findings land there. */
  wrap(path: string, html: string): string {
    this.paths.add(path);
    return `\u0001o${path}\u0001${html}\u0001e${path}\u0001${this.badges(path)}`;
  }

  /** A badge token for the part at `path`: the codes of the findings that land there. */
  badges(path: string): string {
    this.paths.add(path);
    return `\u0001b${path}\u0001`;
  }

  /** Replaces the tokens; returns the HTML and the findings no part of the view was about. */
  finish(html: string): { html: string; unplaced: Finding[] } {
    const at = new Map<string, Finding[]>();
    const unplaced: Finding[] = [];
    for (const f of this.findings) {
      let p: string | undefined = f.jsonPath;
      while (p !== undefined && !this.paths.has(p)) p = parentPath(p);
      if (p === undefined) unplaced.push(f);
      else at.set(p, [...(at.get(p) ?? []), f]);
    }
    const out = html.replace(/\u0001([cboe])([^\u0001]*)\u0001/g, (_, kind: string, path: string) => {
      const here = at.get(path) ?? [];
      if (here.length === 0) return '';
      const sev = here.some((f) => f.severity === 'error') ? 'sev-error' : 'sev-warning';
      if (kind === 'b') return here.map(badge).join('');
      if (kind === 'o') return `<span class="has-f ${sev}" data-path="${esc(path)}">`;
      if (kind === 'e') return '</span>';
      return ` has-f ${sev}" data-path="${esc(path)}`;
    });
    return { html: out, unplaced };
  }
}

export function badge(f: Finding): string {
  return `<span class="fbadge ${f.severity === 'error' ? 'error' : 'warning'}" title="${esc(`${f.jsonPath ?? ''} ${f.message}`.trim())}">${esc(f.code)}</span>`;
}
