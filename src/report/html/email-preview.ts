// An email the way a mail client shows it: subject, from and to, and the HTML body in a sandboxed
// frame (no allow-scripts: a <script> in customer text never runs; no allow-same-origin), with its
// own CSP so that not even an image is fetched; the text part beside it.
import { neutralizeResources } from './neutralize-resources.js';
import { appendJsonPath } from '../../util/json.js';
import { clip, esc, isObject, str } from './html.js';
import type { FindingMarks } from './marks.js';

/** What the frame's document may load: nothing but inline styles and data: images. */
export const EMAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** The most of an HTML body shown: past that the frame would only make the report heavy. */
const MAX_HTML = 100_000;

interface Part { value: string; path: string }
interface Email { from?: Part; to?: Part; subject?: Part; html?: Part; text?: Part }

/** An address as a string: "a@x", {email, name}, or a list of those. */
function address(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(address).filter((a) => a !== undefined).join(', ') || undefined;
  if (isObject(value)) {
    const email = str(value['email']);
    const name = str(value['name']);
    if (email === undefined) return undefined;
    return name === undefined ? email : `${name} <${email}>`;
  }
  return undefined;
}

function part(value: string | undefined, path: string): Part | undefined {
  return value === undefined ? undefined : { value, path };
}

/** The parts of an email body, by where each destination keeps them. */
export function extractEmail(destination: string, body: Record<string, unknown>, path: string): Email {
  const at = (key: string) => appendJsonPath(path, key);
  if (destination === 'sendgrid') {
    const personalizations = Array.isArray(body['personalizations']) ? body['personalizations'] : [];
    const first = isObject(personalizations[0]) ? personalizations[0] : {};
    const content = Array.isArray(body['content']) ? body['content'] : [];
    const find = (type: string) => {
      const i = content.findIndex((c) => isObject(c) && c['type'] === type);
      return i < 0 ? undefined : part(str((content[i] as Record<string, unknown>)['value']), `${appendJsonPath(at('content'), i)}.value`);
    };
    const subject = str(first['subject']) === undefined ? part(str(body['subject']), at('subject')) : part(str(first['subject']), `${appendJsonPath(at('personalizations'), 0)}.subject`);
    const email: Email = {};
    const from = part(address(body['from']), at('from'));
    const to = part(address(first['to']), `${appendJsonPath(at('personalizations'), 0)}.to`);
    const html = find('text/html');
    const text = find('text/plain');
    return Object.assign(email, from && { from }, to && { to }, subject && { subject }, html && { html }, text && { text });
  }
  if (destination === 'keplars' && isObject(body['email'])) return extractEmail(destination, body['email'], at('email'));
  const html = destination === 'keplars' ? (body['is_html'] === false ? undefined : part(str(body['body']), at('body'))) : part(str(body['html']), at('html'));
  const text = destination === 'keplars' ? (body['is_html'] === false ? part(str(body['body']), at('body')) : undefined) : part(str(body['text']), at('text'));
  const fromName = str(body['from_name']);
  const fromAddress = address(body['from']);
  const from = part(fromName !== undefined && fromAddress !== undefined ? `${fromName} <${fromAddress}>` : fromAddress, at('from'));
  const to = part(address(body['to']), at('to'));
  const subject = part(str(body['subject']), at('subject'));
  return Object.assign({}, from && { from }, to && { to }, subject && { subject }, html && { html }, text && { text });
}

/** The body as it goes into srcdoc: the CSP first, so the frame's document applies it before any content, and no URL to fetch. */
export function frameDocument(html: string): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${EMAIL_CSP}"><meta name="referrer" content="no-referrer">${neutralizeResources(clip(html, MAX_HTML))}`;
}

function renderOne(email: Email, path: string, marks: FindingMarks): string {
  const row = (label: string, p: Part | undefined) =>
    `<tr class="${p ? marks.cls(p.path).trim() : ''}"><th>${label}</th><td>${p ? esc(clip(p.value, 500)) : '<i>(none)</i>'}${p ? marks.badges(p.path) : ''}</td></tr>`;
  const html = email.html
    ? `<div class="em-html${marks.cls(email.html.path)}"><div class="em-label">HTML${marks.badges(email.html.path)}</div><iframe sandbox="" referrerpolicy="no-referrer" loading="lazy" title="email HTML body" srcdoc="${esc(frameDocument(email.html.value))}"></iframe></div>`
    : '<div class="em-html"><div class="em-label">HTML</div><p class="note">no HTML part</p></div>';
  const text = email.text
    ? `<div class="em-textpart${marks.cls(email.text.path)}"><div class="em-label">text${marks.badges(email.text.path)}</div><pre>${esc(clip(email.text.value, 20_000))}</pre></div>`
    : '<div class="em-textpart"><div class="em-label">text</div><p class="note">no text part</p></div>';
  return `<div class="email${marks.cls(path)}"><table class="em-head">${row('Subject', email.subject)}${row('From', email.from)}${row('To', email.to)}</table><div class="em-body">${html}${text}</div>${marks.badges(path)}</div>`;
}

/** `payload` at `path` as one email, or (Resend's batch) as each of them. */
export function renderEmail(destination: string, payload: unknown, path: string, marks: FindingMarks): string {
  if (Array.isArray(payload)) {
    return payload.slice(0, 10).map((item, i) => (isObject(item) ? renderOne(extractEmail(destination, item, appendJsonPath(path, i)), appendJsonPath(path, i), marks) : '')).join('') +
      (payload.length > 10 ? `<p class="note">… and ${payload.length - 10} more emails in the batch</p>` : '');
  }
  if (!isObject(payload)) return '<p class="note">not an email (the body is not an object)</p>';
  return renderOne(extractEmail(destination, payload, path), path, marks);
}
