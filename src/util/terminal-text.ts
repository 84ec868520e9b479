// Text that came from user code or user files (console output, thrown messages, URLs, header
// values, file names, source lines) must never reach a terminal raw: an ESC, OSC or CSI sequence
// could retitle the window, move the cursor or hide lines, and CR or backspace could overwrite
// what the tool printed. Such characters are shown as escapes instead.

// C0 controls (but \t and \n, handled per call), DEL, C1 controls (0x9b is a one-byte CSI),
// bidirectional overrides and isolates (they reorder what a reader sees), line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_WITH_LINES = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of user text: every control character, tabs and newlines included, as an escape. */
export function escapeLine(text: string): string {
  return text.replace(UNSAFE_WITH_LINES, escapeChar);
}

/** User text that may span lines: newlines and tabs are kept, every other control character escaped. */
export function escapeText(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Whether the text holds a character escapeText would change (for URLs and header values, an error). */
export function hasControlCharacters(text: string): boolean {
  UNSAFE_WITH_LINES.lastIndex = 0;
  return UNSAFE_WITH_LINES.test(text);
}

/**
 * JSON text safe for a terminal: JSON.stringify already escapes C0 controls; DEL, C1 controls,
 * separators and bidi controls are valid raw in JSON, so they are rewritten as \u escapes too.
 */
export function escapeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The last line of defence, on every write of the CLI: control characters the tool did not put
 * there on purpose are escaped. With colour on, SGR sequences (colours only) pass; progress lines
 * and the OSC 52 clipboard sequence are written through `writeRaw`.
 */
export function guardTerminalText(input: string, allowColour: boolean): string {
  const text = input.replace(/\r\n/g, '\n');
  if (!allowColour) return escapeText(text);
  let out = '';
  let from = 0;
  for (const m of text.matchAll(/\u001b\[[0-9;]*m/g)) {
    out += escapeText(text.slice(from, m.index)) + m[0];
    from = m.index + m[0].length;
  }
  return out + escapeText(text.slice(from));
}
