// Both functions keep whole code points (an emoji is never cut in half), not whole grapheme clusters:
// a ZWJ sequence or a letter with a combining mark can lose its tail.
// When the ellipsis alone does not fit in the limit, the text is cut without it.

/**
 * Shortens `text` to at most `maxLength` UTF-16 code units (JS `.length`, what Slack and Discord limits count),
 * ellipsis included: truncate("Hello world", 8) === "Hello w…".
 */
export function truncate(text: string, maxLength: number, ellipsis = '…'): string {
  if (text.length <= maxLength) return text;
  if (ellipsis.length > maxLength) ellipsis = '';
  let end = Math.max(0, maxLength - ellipsis.length);
  // A high surrogate just before the cut means the cut splits a pair: drop its first half too.
  if ((text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
  return text.slice(0, end) + ellipsis;
}

/**
 * UTF-8 length in bytes, without TextEncoder (the runtime may lack it). A lone surrogate counts 3,
 * as TextEncoder encodes it as U+FFFD.
 */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Shortens `text` to at most `maxBytes` UTF-8 bytes, ellipsis included (e.g. Customer.io's 100-byte event names). */
export function truncateBytes(text: string, maxBytes: number, ellipsis = '…'): string {
  if (utf8Length(text) <= maxBytes) return text;
  let budget = maxBytes - utf8Length(ellipsis);
  if (budget < 0) {
    budget = maxBytes;
    ellipsis = '';
  }
  let end = 0;
  for (const char of text) {
    budget -= utf8Length(char);
    if (budget < 0) break;
    end += char.length;
  }
  return text.slice(0, end) + ellipsis;
}
