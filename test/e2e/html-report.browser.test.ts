/// <reference lib="dom" />
// The HTML report in a real browser (the distribution's headless Chromium): the previews show the
// messages, hostile text never runs, nothing leaves the page, the filters work. Screenshots go to
// test-artifacts/ (ignored by git; CI keeps them as artifacts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const available = existsSync(CHROMIUM);
// In CI a missing browser is a failure (the tests would otherwise vanish); locally they are skipped.
const inCi = process.env['CI'] === 'true' || process.env['CI'] === '1';

if (!available && inCi) {
  describe('HTML report in Chromium', () => {
    it('needs Chromium', () => {
      throw new Error(`${CHROMIUM} is missing: install the chromium package (.ci/run does) to run the browser tests`);
    });
  });
}

/** A hand-written snippet that puts the sample's text raw into Slack mrkdwn and an email body, plus its own attempts to load and run things. */
const HOSTILE_SNIPPET = `function handler(webhook) {
  var d = (webhook.payload && webhook.payload.data) || {};
  var name = (d.customer && d.customer.name) || '';
  if (webhook.eventType === 'payment.succeeded') {
    webhook.url = 'https://hooks.slack.com/services/T000/B000/HOSTILESECRET';
    webhook.payload = { text: 'Paid by ' + name + ' <img src=http://127.0.0.1:9/slack.png>', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: name + '<script>document.title="pwned";fetch("http://127.0.0.1:9/x")</script>' } }] };
  } else if (webhook.eventType === 'refund.succeeded') {
    webhook.url = 'https://api.resend.com/emails';
    webhook.headers = { Authorization: 'Bearer re_HOSTILEKEY' };
    webhook.payload = { from: 'billing@example.com', to: ['ada@example.com'], subject: 'Refund for ' + name, text: 'Hi ' + name,
      html: '<p>Hi ' + name + '</p><script>parent.document.title="pwned";fetch("http://127.0.0.1:9/e")</script><img src="http://127.0.0.1:9/e.png"><link rel="stylesheet" href="http://127.0.0.1:9/s.css">' };
  } else {
    webhook.cancel = true;
  }
  return webhook;
}
`;

describe.skipIf(!available)('HTML report in Chromium', () => {
  let context: BrowserContext;
  let dir: string;
  let templatesReport: string;
  let hostileReport: string;
  /** Every request a page made but the report file itself. */
  const requests: string[] = [];
  const dialogs: string[] = [];

  const cli = (args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'dodo-transform.js'), ...args], { cwd: dir, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dodo-html-browser-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    // By name: built-in templates, reported as templates/<name>.ts.
    const templates = readdirSync(join(REPO_ROOT, 'templates')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
    expect(templates).toHaveLength(19);
    templatesReport = join(dir, 'templates.html');
    const built = cli(['validate', ...templates, '--reporter', 'html', '--out', templatesReport]);
    expect(built.stderr).toContain('wrote the HTML report');
    expect(built.status).toBe(0);
    writeFileSync(join(dir, 'package.json'), '{"name":"hostile","private":true}');
    writeFileSync(join(dir, 'hostile.js'), HOSTILE_SNIPPET);
    hostileReport = join(dir, 'hostile.html');
    const hostile = cli(['validate', 'hostile.js', '--event', 'payment.succeeded', 'refund.succeeded', '--reporter', 'html', '--out', hostileReport]);
    expect(hostile.stderr).toContain('wrote the HTML report');
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dodo-chromium-')), {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1400, height: 1000 },
    });
    // Anything but the report's own file: recorded (from the page and its frames) and refused.
    context.on('request', (request) => {
      const url = request.url();
      if (url !== pathToFileURL(templatesReport).href && url !== pathToFileURL(hostileReport).href && !requests.includes(url)) requests.push(url);
    });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(templatesReport).href || url === pathToFileURL(hostileReport).href) return route.continue();
      requests.push(url);
      return route.abort();
    });
  }, 240_000);

  afterAll(async () => {
    await context?.close();
  });

  async function open(file: string): Promise<{ page: Page; domContentLoadedMs: number; readyMs: number }> {
    const page = await context.newPage();
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('html[data-ready]');
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoadedMs: nav.domContentLoadedEventEnd, readyMs: performance.now() };
    });
    return { page, ...timing };
  }

  const openGalleries = (page: Page, file: string) => page.evaluate((f) => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>(`section[data-file="${f}"] details.event`)) d.open = true;
  }, file);

  it('shows the templates\' messages as Slack, Discord, Teams and email show them', async () => {
    const { page, domContentLoadedMs, readyMs } = await open(templatesReport);
    const size = statSync(templatesReport).size;
    console.log(`19 templates report: ${(size / 1024 / 1024).toFixed(2)} MB, DOMContentLoaded ${domContentLoadedMs.toFixed(0)} ms, ready ${readyMs.toFixed(0)} ms`);
    // The target is 2 s; the bound here leaves room for a shared, busy CI machine (the bench measures it).
    expect(readyMs).toBeLessThan(5000);
    for (const t of ['slack', 'discord', 'microsoft-teams', 'resend', 'sendgrid', 'segment']) await openGalleries(page, `templates/${t}.ts`);

    const slack = page.locator('section[data-file="templates/slack.ts"] .slack').first();
    await expect.poll(() => slack.textContent()).toContain('Payment received: $29.99');
    expect(await slack.locator('.sl-field').first().innerHTML()).toContain('<b>Amount</b>');
    const discord = page.locator('section[data-file="templates/discord.ts"] .dc-embed').first();
    expect(await discord.locator('.dc-title').textContent()).toContain('Payment received: $29.99');
    expect(await discord.getAttribute('style')).toMatch(/border-left-color:#[0-9a-f]{6}/);
    const teams = page.locator('section[data-file="templates/microsoft-teams.ts"] .ac-card').first();
    expect(await teams.textContent()).toContain('Customer: Ada Lovelace');
    expect(await teams.locator('table.ac-facts').textContent()).toContain('Amount$29.99');
    const email = page.locator('section[data-file="templates/resend.ts"] .email').first();
    expect(await email.locator('table.em-head').textContent()).toContain('Your receipt: $29.99');
    const frameElement = await email.locator('iframe').elementHandle();
    const frame = await frameElement!.contentFrame();
    await expect.poll(async () => frame!.locator('body').textContent()).toContain('We received your payment of $29.99');
    expect(await frameElement!.getAttribute('sandbox')).toBe('');
    // Other destinations: the JSON body with the fields the destination reads highlighted.
    expect(await page.locator('section[data-file="templates/segment.ts"] pre.json mark').count()).toBeGreaterThan(0);
    // Secrets of the webhook URLs are masked.
    expect(await page.locator('section[data-file="templates/slack.ts"] .req-line').first().textContent()).toContain('/services/TDODO1234/BDODO5678/••••••');
    await slack.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'templates-slack.png') });
    await discord.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'templates-discord.png') });
    await teams.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'templates-teams.png') });
    await email.scrollIntoViewIfNeeded();
    // The frames load lazily, and paint a moment after they come into view.
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'templates-email.png') });
    await page.close();
  }, 60_000);

  it('filters by event, outcome and variant, and searches', async () => {
    const { page } = await open(templatesReport);
    const visible = () => page.locator('[data-row="card"]:not([hidden])').count();
    const all = await visible();
    expect(all).toBeGreaterThan(100);
    await page.selectOption('#f-event', 'refund.succeeded');
    const refunds = await visible();
    expect(refunds).toBeGreaterThan(0);
    expect(refunds).toBeLessThan(all);
    expect(await page.locator('[data-row="card"]:not([hidden]):not([data-event="refund.succeeded"])').count()).toBe(0);
    await page.selectOption('#f-variant', 'currency-jpy');
    const jpy = await visible();
    expect(jpy).toBeLessThan(refunds);
    expect(jpy).toBeGreaterThan(0);
    await page.selectOption('#f-event', '');
    await page.selectOption('#f-variant', '');
    await page.fill('#f-search', 'Your receipt');
    const found = await visible();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(all);
    // A search opens the galleries it matches in, so the matching previews show.
    await expect.poll(() => page.locator('[data-row="card"]:not([hidden]) .email').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'templates-search.png') });
    await page.fill('#f-search', '');
    await page.selectOption('#f-severity', 'cancel');
    expect(await page.locator('[data-row="card"]:not([hidden]):not([data-sev="cancel"])').count()).toBe(0);
    await page.close();
  }, 60_000);

  it('never runs hostile text, and nothing leaves the page', async () => {
    const { page } = await open(hostileReport);
    await openGalleries(page, 'hostile.js');
    const markup = page.locator('[data-row="card"]').filter({ hasText: 'markup-chars' });
    await expect.poll(() => markup.count()).toBeGreaterThan(0);
    // The customer's <script> and the snippet's own are text: in the JSON as written, in the Slack
    // preview as Slack shows an unescaped <…> (a link-like token).
    await expect.poll(() => page.locator('.slack').first().textContent()).toContain('document.title="pwned";fetch(');
    const card = page.locator('.card').filter({ hasText: 'markup-chars' }).first();
    expect(await card.locator('pre.json').first().textContent()).toContain('<script>alert(1)</script>');
    expect(await card.locator('pre.json').first().textContent()).toContain('<script>document.title=\\"pwned\\"');
    // The email bodies are in frames without scripts.
    const frames = page.locator('.email iframe');
    expect(await frames.count()).toBeGreaterThan(0);
    for (const sandbox of await frames.evaluateAll((list) => list.map((f) => f.getAttribute('sandbox')))) expect(sandbox).toBe('');
    await page.waitForTimeout(500);
    expect(await page.title()).toBe('dodo-transform report');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('main script, main img').length)).toBe(0);
    // The Authorization header and the Slack URL's secret are masked.
    const text = await page.locator('main').textContent();
    expect(text).not.toContain('re_HOSTILEKEY');
    expect(text).not.toContain('HOSTILESECRET');
    await page.locator('.email').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'hostile.png') });
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
