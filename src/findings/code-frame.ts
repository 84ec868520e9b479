/** Columns of source a frame line shows: a minified or generated line can be tens of thousands long. */
const MAX_WIDTH = 100;

/**
 * The line of `source` at `line` with its neighbours and a caret under `column` (both 1-based).
 * Tabs show as two spaces; a long line shows the part around the column, cut with `…`.
 */
export function formatCodeFrame(source: string, line: number, column: number, context = 1): string[] {
  // Lines as JavaScript counts them (V8 reports positions so): CR, LS and PS break lines too.
  const lines = source.split(/\r\n|[\n\r\u2028\u2029]/);
  if (line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const expand = (text: string) => text.replace(/\t/g, '  ');
  const caret = expand((lines[line - 1] ?? '').slice(0, Math.max(0, column - 1))).length;
  // The same window on every line of the frame, so that the neighbours stay aligned.
  const start = caret < MAX_WIDTH - 10 ? 0 : caret - Math.floor(MAX_WIDTH / 2);
  const clip = (text: string) => {
    const shown = expand(text);
    return (start > 0 && shown.length > 0 ? '…' : '') + shown.slice(start, start + MAX_WIDTH) + (shown.length > start + MAX_WIDTH ? '…' : '');
  };
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${clip(lines[n - 1] ?? '')}`);
    if (n === line) out.push(`  ${' '.repeat(width)} | ${' '.repeat(caret - start + (start > 0 ? 1 : 0))}^`);
  }
  return out;
}
