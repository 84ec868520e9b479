// Every string that reaches the report came from a payload, a snippet or a file: all of it is
// hostile. These are the only ways text enters the page.
import { escapeText } from '../../util/terminal-text.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text as HTML, for element content and quoted attribute values alike. Control characters
 * (ESC, bidi overrides, U+2028) are shown as escapes first, as in the terminal reporters.
 */
export function esc(text: string): string {
  return escapeText(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Like esc, but newlines become line breaks (message text, not code). */
export function escLines(text: string): string {
  return esc(text).replace(/\n/g, '<br>');
}

/**
 * A value as JSON inside `<script type="application/json">`: `<` (so no `</script>` or `<!--`
 * ends the block early) and the JavaScript line separators are written as \u escapes, which
 * JSON.parse reads back unchanged. Only these: a script's text has no entities, and every other
 * escape would make a large report larger still.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string value of a JSON body, shortened for display: the long-strings variant would otherwise fill the page. */
export function clip(text: string, max = 1000): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** Only http(s) links become links: `javascript:` and `data:` URLs are shown as text. */
export function link(url: unknown, label: string): string {
  if (typeof url === 'string' && /^https?:\/\//i.test(url)) return `<a href="${esc(url)}" rel="noreferrer noopener" target="_blank" title="${esc(url)}">${label}</a>`;
  return `<span class="link" title="${esc(String(url ?? ''))}">${label}</span>`;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An image the message shows. Not an <img>: the report makes no request, and a remote image
 * would be one (the CSP would block it anyway); a labelled box stands in.
 */
export function imagePlaceholder(url: unknown, alt: unknown, className = 'img'): string {
  const label = str(alt) ?? 'image';
  return `<span class="${className}" title="${esc(String(url ?? ''))}">🖼 ${esc(clip(label, 200))}</span>`;
}
