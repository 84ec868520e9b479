const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const entity = (char: string): string => ENTITIES[char] ?? char;

/** Text → HTML text or attribute value (e.g. an email body for Resend or SendGrid). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, entity);
}

/**
 * Text → Slack mrkdwn that shows literally. Only & < > are control characters; Slack decodes only those
 * three entities (https://api.slack.com/reference/surfaces/formatting#escaping), so quotes stay as they are.
 */
export function escapeSlackText(text: string): string {
  return text.replace(/[&<>]/g, entity);
}

/**
 * Text → Discord markdown that shows literally and pings nobody. Discord drops a backslash before markdown
 * punctuation (support article "Markdown Text 101"); a backslash does not stop a mention, so a zero-width
 * space goes after the "@" of @everyone, @here and <@id>, <@!id>, <@&role> (discord.com/developers/docs/reference#message-formatting).
 */
export function escapeDiscordMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|>#\-[\]()]/g, '\\$&')
    // fromCharCode, not "\u200b": the bundler would write the invisible character itself into the snippet.
    .replace(/@(?=everyone|here)|<@/g, `$&${String.fromCharCode(0x200b)}`);
}
