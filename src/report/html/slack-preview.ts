// A Slack message the way the channel shows it: Block Kit blocks and mrkdwn.
// Source: https://docs.slack.dev/messaging/formatting-message-text, https://docs.slack.dev/reference/block-kit/blocks
import { appendJsonPath } from '../../util/json.js';
import { clip, esc, imagePlaceholder, isObject, link, str } from './html.js';
import type { FindingMarks } from './marks.js';

/** Slack's own entities, which a sender writes for a literal &, < or >. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

/** Bold, italic, strike and code on one run of escaped text (no <…> tokens in it). */
function formatRun(escaped: string): string {
  return escaped
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=$|[\s).,!?:;])/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?:;])/g, '$1<i>$2</i>')
    .replace(/(^|[\s(])~([^~\n]+)~(?=$|[\s).,!?:;])/g, '$1<s>$2</s>');
}

/** One `<…>` token: a link, a user/channel mention, a special mention, or (unescaped text) a bare link. */
function token(inner: string): string {
  const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
  if (target.startsWith('@')) return `<span class="mention">@${esc(label ?? target.slice(1))}</span>`;
  if (target.startsWith('#')) return `<span class="mention">#${esc(label ?? target.slice(1))}</span>`;
  if (target.startsWith('!subteam^')) return `<span class="mention">${esc(label ?? '@team')}</span>`;
  if (target.startsWith('!')) {
    const name = target.slice(1).replace(/\^.*$/, '');
    return `<span class="mention loud">@${esc(label ?? name)}</span>`;
  }
  return link(decodeEntities(target), esc(decodeEntities(label ?? target)));
}

/** mrkdwn text as Slack renders it. Code blocks are kept literal; `>` lines are quotes. */
export function mrkdwn(text: string): string {
  const out: string[] = [];
  const parts = clip(text, 3000).split(/```/);
  parts.forEach((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) {
      out.push(`<pre class="sl-pre">${esc(decodeEntities(part))}</pre>`);
      return;
    }
    const piece = i % 2 === 1 ? `\`\`\`${part}` : part;
    const lines = piece.split('\n').map((line) => {
      const quote = /^(?:>|&gt;)\s?/.exec(line);
      const body = quote ? line.slice(quote[0].length) : line;
      let html = '';
      let at = 0;
      for (const m of body.matchAll(/<([^<>]*)>/g)) {
        html += formatRun(esc(decodeEntities(body.slice(at, m.index))));
        html += token(m[1]!);
        at = m.index + m[0].length;
      }
      html += formatRun(esc(decodeEntities(body.slice(at))));
      return quote ? `<span class="quote">${html}</span>` : html;
    });
    out.push(lines.join('<br>'));
  });
  return out.join('');
}

function textObject(value: unknown): string {
  if (!isObject(value)) return '';
  const text = str(value['text']) ?? '';
  return value['type'] === 'mrkdwn' ? mrkdwn(text) : esc(clip(text, 3000)).replace(/\n/g, '<br>');
}

function element(value: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(value)) return '';
  const type = str(value['type']);
  if (type === 'image') return imagePlaceholder(value['image_url'], value['alt_text'], 'img small');
  if (type === 'button') {
    const label = textObject(value['text']);
    return `<span class="sl-button ${value['style'] === 'danger' ? 'danger' : value['style'] === 'primary' ? 'primary' : ''}${marks.cls(path)}">${link(value['url'], label)}</span>${marks.badges(path)}`;
  }
  if (type === 'mrkdwn' || type === 'plain_text') return `<span class="${marks.cls(path).trim()}">${textObject(value)}</span>${marks.badges(path)}`;
  return `<span class="unknown">${esc(type ?? 'element')}</span>`;
}

function block(value: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(value)) return `<div class="sl-block unknown${marks.cls(path)}">not a block${marks.badges(path)}</div>`;
  const type = str(value['type']) ?? '';
  const sub = (key: string) => appendJsonPath(path, key);
  const text = (key: string) => `<div class="sl-text${marks.cls(sub(key))}">${textObject(value[key])}${marks.badges(sub(key))}</div>`;
  let body: string;
  switch (type) {
    case 'header':
      body = `<div class="sl-header${marks.cls(sub('text'))}">${textObject(value['text'])}${marks.badges(sub('text'))}</div>`;
      break;
    case 'section': {
      const fields = Array.isArray(value['fields'])
        ? `<div class="sl-fields">${value['fields'].map((f, i) => { const p = appendJsonPath(sub('fields'), i); return `<div class="sl-field${marks.cls(p)}">${textObject(f)}${marks.badges(p)}</div>`; }).join('')}</div>`
        : '';
      const accessory = value['accessory'] === undefined ? '' : `<div class="sl-accessory">${element(value['accessory'], sub('accessory'), marks)}</div>`;
      body = `<div class="sl-section">${value['text'] === undefined ? '' : text('text')}${fields}</div>${accessory}`;
      break;
    }
    case 'context':
      body = `<div class="sl-context">${Array.isArray(value['elements']) ? value['elements'].map((e, i) => element(e, appendJsonPath(sub('elements'), i), marks)).join(' ') : ''}</div>`;
      break;
    case 'divider':
      body = '<hr class="sl-divider">';
      break;
    case 'image':
      body = `${value['title'] === undefined ? '' : `<div class="sl-text">${textObject(value['title'])}</div>`}${imagePlaceholder(value['image_url'], value['alt_text'])}`;
      break;
    case 'actions':
      body = `<div class="sl-actions">${Array.isArray(value['elements']) ? value['elements'].map((e, i) => element(e, appendJsonPath(sub('elements'), i), marks)).join('') : ''}</div>`;
      break;
    case 'markdown':
      body = `<div class="sl-text">${mrkdwn(str(value['text']) ?? '')}</div>`;
      break;
    default:
      body = `<div class="unknown">${esc(type || 'block')} block (not shown)</div>`;
  }
  return `<div class="sl-block sl-${esc(type)}${marks.cls(path)}">${body}${marks.badges(path)}</div>`;
}

function attachment(value: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(value)) return '';
  const color = str(value['color']);
  const style = color && /^#?[0-9a-f]{3,6}$/i.test(color) ? ` style="border-left-color:${color.startsWith('#') ? color : `#${color}`}"` : '';
  const title = str(value['title']);
  const fields = Array.isArray(value['fields']) ? value['fields'].filter(isObject).map((f) => `<div class="sl-field"><b>${esc(str(f['title']) ?? '')}</b><br>${mrkdwn(str(f['value']) ?? '')}</div>`).join('') : '';
  const blocks = Array.isArray(value['blocks']) ? value['blocks'].map((b, i) => block(b, appendJsonPath(appendJsonPath(path, 'blocks'), i), marks)).join('') : '';
  return `<div class="sl-attachment${marks.cls(path)}"${style}>${title ? `<b>${esc(title)}</b>` : ''}${value['text'] === undefined ? '' : `<div class="sl-text">${mrkdwn(str(value['text']) ?? '')}</div>`}${fields ? `<div class="sl-fields">${fields}</div>` : ''}${blocks}${marks.badges(path)}</div>`;
}

/** `payload` at `path` (`$.payload`), as a message in a channel. */
export function renderSlack(payload: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(payload)) return '<p class="note">not a Slack message (the body is not an object)</p>';
  const sub = (key: string) => appendJsonPath(path, key);
  const blocks = Array.isArray(payload['blocks']) ? payload['blocks'] : [];
  const text = str(payload['text']);
  const parts: string[] = [];
  // With blocks, text is only the notification: Slack shows the blocks in the channel.
  if (blocks.length > 0) parts.push(...blocks.map((b, i) => block(b, appendJsonPath(sub('blocks'), i), marks)));
  else if (text !== undefined) parts.push(`<div class="sl-text${marks.cls(sub('text'))}">${payload['mrkdwn'] === false ? esc(text) : mrkdwn(text)}${marks.badges(sub('text'))}</div>`);
  if (Array.isArray(payload['attachments'])) parts.push(...payload['attachments'].map((a, i) => attachment(a, appendJsonPath(sub('attachments'), i), marks)));
  const notification = blocks.length > 0
    ? `<div class="notification${marks.cls(sub('text'))}">notification: ${text === undefined ? '<i>(no text: nothing to show)</i>' : esc(clip(text, 300))}${marks.badges(sub('text'))}</div>`
    : '';
  return `<div class="slack${marks.cls(path)}"><div class="avatar">D</div><div class="msg"><div class="who"><b>Dodo Payments</b> <span class="app">APP</span></div>${parts.join('')}</div>${marks.badges(path)}</div>${notification}`;
}
