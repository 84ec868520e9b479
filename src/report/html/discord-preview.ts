// A Discord webhook message the way the channel shows it: content, embeds, and mentions that ping
// (or not, as allowed_mentions says). Source: https://discord.com/developers/docs/resources/webhook
import { appendJsonPath } from '../../util/json.js';
import { clip, esc, imagePlaceholder, isObject, link, str } from './html.js';
import type { FindingMarks } from './marks.js';

/** Which mentions ping: allowed_mentions.parse, or every kind when the message does not say. */
interface Pings { everyone: boolean; users: boolean; roles: boolean }

function pingsOf(payload: Record<string, unknown>): Pings {
  const allowed = payload['allowed_mentions'];
  if (!isObject(allowed)) return { everyone: true, users: true, roles: true };
  const parse = Array.isArray(allowed['parse']) ? allowed['parse'] : [];
  const listed = (key: string) => Array.isArray(allowed[key]) && (allowed[key] as unknown[]).length > 0;
  return { everyone: parse.includes('everyone'), users: parse.includes('users') || listed('users'), roles: parse.includes('roles') || listed('roles') };
}

function mention(text: string, pings: boolean): string {
  return `<span class="${pings ? 'mention ping' : 'mention quiet'}" title="${pings ? 'pings' : 'shown, does not ping (allowed_mentions)'}">${esc(text)}</span>`;
}

/** Discord markdown on one line of escaped-later text. */
function inline(text: string, pings: Pings, links: boolean): string {
  let html = '';
  let at = 0;
  // Mentions and masked links are tokens; the text between them is formatted.
  const tokens = /<@!?(\d+)>|<@&(\d+)>|<#(\d+)>|@(everyone|here)|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g;
  for (const m of text.matchAll(tokens)) {
    html += format(esc(text.slice(at, m.index)));
    if (m[1]) html += mention(`@user ${m[1]}`, pings.users);
    else if (m[2]) html += mention(`@role ${m[2]}`, pings.roles);
    else if (m[3]) html += `<span class="mention">#channel ${esc(m[3])}</span>`;
    else if (m[4]) html += mention(`@${m[4]}`, pings.everyone);
    else html += links ? link(m[6], format(esc(m[5]!))) : esc(m[0]);
    at = m.index + m[0].length;
  }
  return html + format(esc(text.slice(at)));
}

function format(escaped: string): string {
  return escaped
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/__([^_]+)__/g, '<u>$1</u>')
    .replace(/~~([^~]+)~~/g, '<s>$1</s>')
    .replace(/(^|[^*\w])\*([^*\n]+)\*(?!\w)/g, '$1<i>$2</i>')
    .replace(/(^|[^_\w])_([^_\n]+)_(?!\w)/g, '$1<i>$2</i>')
    .replace(/\|\|([^|]+)\|\|/g, '<span class="spoiler">$1</span>');
}

/** Discord markdown: code blocks, `>` quotes, `#` headings, then inline formatting. */
export function discordMarkdown(text: string, pings: Pings, links = true): string {
  const parts = clip(text, 4096).split('```');
  return parts.map((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) return `<pre class="dc-pre">${esc(part.replace(/^[\w-]*\n/, ''))}</pre>`;
    return (i % 2 === 1 ? `\`\`\`${part}` : part).split('\n').map((line) => {
      const heading = /^(#{1,3}) (.*)$/.exec(line);
      if (heading) return `<span class="dc-h${heading[1]!.length}">${inline(heading[2]!, pings, links)}</span>`;
      const quote = /^> (.*)$/.exec(line);
      if (quote) return `<span class="quote">${inline(quote[1]!, pings, links)}</span>`;
      return inline(line, pings, links);
    }).join('<br>');
  }).join('');
}

function colorStyle(color: unknown): string {
  if (typeof color !== 'number' || !Number.isInteger(color) || color < 0 || color > 0xffffff) return '';
  return ` style="border-left-color:#${color.toString(16).padStart(6, '0')}"`;
}

function embed(value: unknown, path: string, marks: FindingMarks, pings: Pings): string {
  if (!isObject(value)) return `<div class="dc-embed${marks.cls(path)}">not an embed${marks.badges(path)}</div>`;
  const sub = (key: string) => appendJsonPath(path, key);
  const part = (key: string, className: string, html: string) => `<div class="${className}${marks.cls(sub(key))}">${html}${marks.badges(sub(key))}</div>`;
  const out: string[] = [];
  const author = isObject(value['author']) ? str(value['author']['name']) : undefined;
  if (author !== undefined) out.push(part('author', 'dc-author', esc(clip(author, 256))));
  const title = str(value['title']);
  if (title !== undefined) out.push(part('title', 'dc-title', value['url'] === undefined ? esc(clip(title, 256)) : link(value['url'], esc(clip(title, 256)))));
  const description = str(value['description']);
  if (description !== undefined) out.push(part('description', 'dc-description', discordMarkdown(description, pings)));
  if (Array.isArray(value['fields'])) {
    // Inline fields sit up to three to a row; a field that is not inline takes a row of its own.
    const fields = value['fields'].map((f, i) => {
      const p = appendJsonPath(sub('fields'), i);
      if (!isObject(f)) return `<div class="dc-field wide${marks.cls(p)}">?${marks.badges(p)}</div>`;
      return `<div class="dc-field${f['inline'] === true ? '' : ' wide'}${marks.cls(p)}"><div class="dc-fname">${discordMarkdown(str(f['name']) ?? '', pings, false)}</div><div class="dc-fvalue">${discordMarkdown(str(f['value']) ?? '', pings)}</div>${marks.badges(p)}</div>`;
    });
    out.push(`<div class="dc-fields">${fields.join('')}</div>`);
  }
  if (isObject(value['image'])) out.push(imagePlaceholder(value['image']['url'], 'image'));
  const footer = isObject(value['footer']) ? str(value['footer']['text']) : undefined;
  const timestamp = str(value['timestamp']);
  if (footer !== undefined || timestamp !== undefined) {
    // Discord shows the timestamp in the reader's time zone; the report shows it as UTC, so it is the same everywhere.
    const when = timestamp === undefined ? '' : Number.isNaN(Date.parse(timestamp)) ? esc(timestamp) : esc(new Date(timestamp).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC'));
    out.push(`<div class="dc-footer${marks.cls(sub('footer'))}">${esc(clip(footer ?? '', 2048))}${footer !== undefined && when ? ' • ' : ''}${when}${marks.badges(sub('footer'))}${marks.badges(sub('timestamp'))}</div>`);
  }
  const thumbnail = isObject(value['thumbnail']) ? `<div class="dc-thumb">${imagePlaceholder(value['thumbnail']['url'], 'thumbnail', 'img small')}</div>` : '';
  return `<div class="dc-embed${marks.cls(path)}"${colorStyle(value['color'])}>${thumbnail}${out.join('')}${marks.badges(path)}</div>`;
}

/** `payload` at `path` (`$.payload`), as a message in a channel. */
export function renderDiscord(payload: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(payload)) return '<p class="note">not a Discord message (the body is not an object)</p>';
  const sub = (key: string) => appendJsonPath(path, key);
  const pings = pingsOf(payload);
  const name = str(payload['username']) ?? 'Webhook';
  const content = str(payload['content']);
  const embeds = Array.isArray(payload['embeds']) ? payload['embeds'].map((e, i) => embed(e, appendJsonPath(sub('embeds'), i), marks, pings)).join('') : '';
  return `<div class="discord${marks.cls(path)}"><div class="avatar">${esc([...name][0] ?? 'W')}</div><div class="msg"><div class="who"><b>${esc(clip(name, 80))}</b> <span class="app">BOT</span></div>` +
    `${content === undefined ? '' : `<div class="dc-content${marks.cls(sub('content'))}">${discordMarkdown(content, pings)}${marks.badges(sub('content'))}</div>`}${embeds}</div>${marks.badges(path)}</div>`;
}
