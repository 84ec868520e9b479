// One sample's outcome as a card body: its findings, the outgoing request (masked), and for
// destinations people read, the message as they would see it. Pure: the same run gives the same HTML.
import type { Finding } from '../../findings/finding.js';
import type { SampleRun } from '../../validate/validate-snippets.js';
import { renderDiscord } from './discord-preview.js';
import { renderEmail } from './email-preview.js';
import { clip, esc, isObject } from './html.js';
import { renderJson } from './json-view.js';
import { badge, FindingMarks } from './marks.js';
import { shownRequest } from './mask-secrets.js';
import { readsField } from './read-fields.js';
import { renderSlack } from './slack-preview.js';
import { renderTeams } from './teams-preview.js';

/** Destinations whose bodies are email messages (MailerLite and Loops bodies are contacts and events). */
export const EMAIL_DESTINATIONS: ReadonlySet<string> = new Set(['resend', 'sendgrid', 'autosend', 'keplars']);

/** The destinations drawn as a message rather than only as JSON. */
export function rendersMessage(destination: string | undefined): boolean {
  return destination === 'slack' || destination === 'discord' || destination === 'microsoft-teams' || (destination !== undefined && EMAIL_DESTINATIONS.has(destination));
}

export function findingList(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  return `<ul class="findings">${findings.map((f) => `<li class="${f.severity === 'error' ? 'error' : 'warning'}">${badge(f)}${f.jsonPath ? ` <code class="path">${esc(f.jsonPath)}</code>` : ''} ${esc(f.message)}` +
    `${f.logs?.length ? `<pre class="logs">${esc(f.logs.join('\n'))}</pre>` : ''}</li>`).join('')}</ul>`;
}

function rendered(destination: string, payload: unknown, findings: readonly Finding[]): string {
  const marks = new FindingMarks(findings);
  const html = destination === 'slack' ? renderSlack(payload, '$.payload', marks)
    : destination === 'discord' ? renderDiscord(payload, '$.payload', marks)
      : destination === 'microsoft-teams' ? renderTeams(payload, '$.payload', marks)
        : renderEmail(destination, payload, '$.payload', marks);
  return marks.finish(html).html;
}

/** `secrets`: values masked wherever they appear in the request (webhook.env's). */
export function renderRun(run: SampleRun, secrets: readonly string[] = []): string {
  const out = [findingList(run.findings)];
  if (run.error !== undefined) {
    out.push(`<p class="run-error">the snippet failed: ${esc(clip(run.error, 2000))}</p>`);
    return out.join('');
  }
  if (run.status === 'cancel') {
    out.push('<p class="note">cancelled: the webhook is not sent for this sample</p>');
    return out.join('');
  }
  if (!isObject(run.result)) {
    out.push(`<p class="run-error">handler returned ${esc(clip(JSON.stringify(run.result) ?? String(run.result), 500))}</p>`);
    return out.join('');
  }
  const request = shownRequest(run.result, secrets);
  const marks = new FindingMarks(run.findings);
  const line = `<div class="req-line"><b>${marks.wrap('$.method', esc(request.method))}</b> ${marks.wrap('$.url', esc(clip(request.url, 2000)))}</div>`;
  const headers = request.headers.length === 0 ? '' : `<table class="headers${marks.cls('$.headers')}">${request.headers.map(([k, v]) => `<tr><th>${esc(clip(k, 200))}</th><td>${esc(clip(v, 500))}</td></tr>`).join('')}</table>${marks.badges('$.headers')}`;
  const head = marks.finish(line + headers).html;
  const json = renderJson(request.payload, { path: '$.payload', findings: run.findings, highlight: readsField(run.destination) });
  const requestHtml = `<div class="request"><div class="pane-title">request${run.destination ? ` → ${esc(run.destination)}` : ''}</div>${head}${json.html}</div>`;
  if (run.destination !== undefined && rendersMessage(run.destination)) {
    out.push(`<div class="panes"><div class="rendered"><div class="pane-title">as shown</div>${rendered(run.destination, request.payload, run.findings)}</div>${requestHtml}</div>`);
  } else {
    out.push(`<div class="panes">${requestHtml}</div>`);
  }
  return out.join('');
}
