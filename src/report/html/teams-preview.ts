// A Microsoft Teams message: the Adaptive Card of a Workflows (Power Automate) webhook.
//
// A small renderer of our own rather than Microsoft's adaptivecards package: that one renders
// into the live DOM (it cannot run at build time, in Node, where the report is made
// deterministic and testable), and would add a large script to every report. This one covers
// the elements notifications use: TextBlock, RichTextBlock, FactSet, ColumnSet/Column,
// Container, Image, ActionSet and the card's actions. Others are named, not drawn.
// Source: https://adaptivecards.io/explorer/
import { appendJsonPath } from '../../util/json.js';
import { clip, esc, imagePlaceholder, isObject, link, str } from './html.js';
import type { FindingMarks } from './marks.js';

const COLORS = new Set(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']);
const SIZES = new Set(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']);

/** The subset of Markdown TextBlock supports: bold, italic, links, and lines starting with - or 1. */
function cardMarkdown(text: string): string {
  let html = '';
  let at = 0;
  for (const m of text.matchAll(/\[([^\]\n]+)\]\(([^)\s]+)\)/g)) {
    html += inlineFormat(esc(text.slice(at, m.index)));
    html += link(m[2], inlineFormat(esc(m[1]!)));
    at = m.index + m[0].length;
  }
  html += inlineFormat(esc(text.slice(at)));
  return html.split('\n').map((line) => line.replace(/^- /, '• ')).join('<br>');
}

function inlineFormat(escaped: string): string {
  return escaped.replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<i>$2</i>').replace(/(^|\W)_([^_\n]+)_(?=\W|$)/g, '$1<i>$2</i>');
}

function textClasses(el: Record<string, unknown>): string {
  const classes = ['ac-text'];
  const color = str(el['color']);
  if (color && COLORS.has(color)) classes.push(`ac-c-${color.toLowerCase()}`);
  const size = str(el['size']);
  if (size && SIZES.has(size)) classes.push(`ac-s-${size.toLowerCase()}`);
  if (el['weight'] === 'Bolder') classes.push('ac-bold');
  if (el['isSubtle'] === true) classes.push('ac-subtle');
  if (el['italic'] === true) classes.push('ac-italic');
  if (el['strikethrough'] === true) classes.push('ac-strike');
  return classes.join(' ');
}

function action(value: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(value)) return '';
  const title = esc(clip(str(value['title']) ?? str(value['type']) ?? 'action', 100));
  const inner = value['type'] === 'Action.OpenUrl' ? link(value['url'], title) : title;
  return `<span class="ac-action${marks.cls(path)}">${inner}${marks.badges(path)}</span>`;
}

function actions(list: unknown, path: string, marks: FindingMarks): string {
  if (!Array.isArray(list) || list.length === 0) return '';
  return `<div class="ac-actions">${list.map((a, i) => action(a, appendJsonPath(path, i), marks)).join('')}</div>`;
}

function items(list: unknown, path: string, marks: FindingMarks, depth: number): string {
  if (!Array.isArray(list)) return '';
  return list.map((el, i) => element(el, appendJsonPath(path, i), marks, depth)).join('');
}

function element(el: unknown, path: string, marks: FindingMarks, depth: number): string {
  if (!isObject(el)) return '';
  if (depth > 20) return '<div class="note">… nested too deep to show</div>';
  const sub = (key: string) => appendJsonPath(path, key);
  const type = str(el['type']) ?? '';
  let body: string;
  switch (type) {
    case 'TextBlock':
      body = `<div class="${textClasses(el)}">${cardMarkdown(clip(str(el['text']) ?? '', 3000))}</div>`;
      break;
    case 'RichTextBlock':
      body = `<div class="ac-text">${Array.isArray(el['inlines']) ? el['inlines'].map((run, i) => {
        if (typeof run === 'string') return esc(run);
        if (!isObject(run)) return '';
        const p = appendJsonPath(sub('inlines'), i);
        return `<span class="${textClasses(run)}${marks.cls(p)}">${esc(clip(str(run['text']) ?? '', 3000)).replace(/\n/g, '<br>')}</span>${marks.badges(p)}`;
      }).join('') : ''}</div>`;
      break;
    case 'FactSet':
      body = `<table class="ac-facts">${Array.isArray(el['facts']) ? el['facts'].map((f, i) => {
        const p = appendJsonPath(sub('facts'), i);
        return isObject(f) ? `<tr class="${marks.cls(p).trim()}"><th>${cardMarkdown(clip(str(f['title']) ?? '', 500))}</th><td>${cardMarkdown(clip(str(f['value']) ?? '', 3000))}${marks.badges(p)}</td></tr>` : '';
      }).join('') : ''}</table>`;
      break;
    case 'ColumnSet':
      body = `<div class="ac-columns">${Array.isArray(el['columns']) ? el['columns'].map((c, i) => {
        const p = appendJsonPath(sub('columns'), i);
        const width = isObject(c) && (c['width'] === 'auto' || c['width'] === 'stretch') ? ` ac-w-${c['width']}` : '';
        return `<div class="ac-column${width}${marks.cls(p)}">${isObject(c) ? items(c['items'], appendJsonPath(p, 'items'), marks, depth + 1) : ''}${marks.badges(p)}</div>`;
      }).join('') : ''}</div>`;
      break;
    case 'Container':
      body = `<div class="ac-container${el['style'] === 'emphasis' || el['style'] === 'accent' ? ' ac-emphasis' : ''}">${items(el['items'], sub('items'), marks, depth + 1)}</div>`;
      break;
    case 'Image':
      body = imagePlaceholder(el['url'], el['altText']);
      break;
    case 'ActionSet':
      body = actions(el['actions'], sub('actions'), marks);
      break;
    default:
      body = `<div class="unknown">${esc(type || 'element')} (not shown)</div>`;
  }
  return `<div class="ac-el${el['separator'] === true ? ' ac-sep' : ''}${marks.cls(path)}">${body}${marks.badges(path)}</div>`;
}

/** The card at `path`, drawn as Teams shows it in a channel. */
export function renderAdaptiveCard(card: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(card)) return '<p class="note">no Adaptive Card</p>';
  const sub = (key: string) => appendJsonPath(path, key);
  return `<div class="ac-card${marks.cls(path)}">${items(card['body'], sub('body'), marks, 0)}${actions(card['actions'], sub('actions'), marks)}${marks.badges(path)}</div>`;
}

/** `payload` at `path`: a message with Adaptive Card attachments, or a bare card. */
export function renderTeams(payload: unknown, path: string, marks: FindingMarks): string {
  if (!isObject(payload)) return '<p class="note">not a Teams message (the body is not an object)</p>';
  if (payload['type'] === 'AdaptiveCard') return `<div class="teams">${renderAdaptiveCard(payload, path, marks)}</div>`;
  const attachments = Array.isArray(payload['attachments']) ? payload['attachments'] : [];
  const cards = attachments.map((a, i) => {
    const p = appendJsonPath(appendJsonPath(path, 'attachments'), i);
    return isObject(a) ? renderAdaptiveCard(a['content'], appendJsonPath(p, 'content'), marks) : '';
  });
  const text = str(payload['text']);
  return `<div class="teams${marks.cls(path)}"><div class="who"><b>Workflows</b></div>${text === undefined ? '' : `<div class="ac-text">${cardMarkdown(clip(text, 3000))}</div>`}${cards.join('') || '<p class="note">no card attached</p>'}${marks.badges(path)}</div>`;
}
