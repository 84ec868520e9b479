import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/finding.js';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { TEAMS_SIZE_LIMIT_BYTES } from '../../../src/destinations/microsoft-teams/index.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeCardWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = [
  'payment.succeeded', 'payment.failed', 'refund.succeeded', 'refund.failed', 'dispute.opened',
  'subscription.active', 'subscription.cancelled', 'subscription.on_hold', 'subscription.failed',
];

interface Card { version: string; body: Record<string, unknown>[]; actions?: { url: string }[] }
interface Result { url: string; method?: string; payload: { type: string; attachments: { content: Card }[] }; cancel?: boolean }

let code = '';
let findings: Finding[] = [];
const results = new Map<string, Result>();
const card = (key: string) => results.get(key)?.payload.attachments[0]?.content;
const json = (key: string) => JSON.stringify(results.get(key)?.payload);

beforeAll(async () => {
  const compiled = compileTemplate('microsoft-teams');
  findings = compiled.findings;
  code = compiled.snippets[0]?.code ?? '';
  for (const type of EVENT_TYPES) {
    for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
      results.set(`${type}/${variant.name}`, runSnippet(code, makeCardWebhook('microsoft-teams', variant.event as { type: string })) as Result);
    }
  }
});

describe('templates/microsoft-teams.ts', () => {
  it('compiles without errors or warnings', () => {
    expect(findings).toEqual([]);
    expect(code).toMatch(/^\/\/ Generated/);
  });

  it('alerts on the handled events and cancels the rest', () => {
    const sent = new Set([...results].filter(([, r]) => r.cancel !== true).map(([key]) => key.split('/')[0]));
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('sends a card Teams accepts for every event and variant', () => {
    let checked = 0;
    for (const [key, result] of results) {
      if (result.cancel === true) continue;
      const { destination, issues } = validateDestinationRequest(result.url, result.method ?? 'POST', result.payload);
      expect(destination, key).toBe('microsoft-teams');
      expect(issues, key).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(result.payload))).toBeLessThan(TEAMS_SIZE_LIMIT_BYTES);
      checked++;
    }
    expect(checked).toBeGreaterThan(HANDLED.length * 5);
  });

  it('formats amounts by the currency\'s exponent', () => {
    expect(json('payment.succeeded/base')).toContain('$29.99');
    expect(json('payment.succeeded/currency-jpy')).toContain('¥4,499');
    expect(json('payment.succeeded/currency-kwd')).toContain('9.207 KWD');
    expect(json('subscription.active/base')).toContain('$24.99 / month');
  });

  it('reads the dispute amount whether it is a string or a number', () => {
    expect(json('dispute.opened/base')).toContain('$4.00');
    expect(json('dispute.opened/dispute-amount-number')).toContain('$4.00');
  });

  it('puts customer text only in TextRuns, which do not render Markdown', () => {
    const body = card('payment.succeeded/markup-chars')?.body ?? [];
    const markup = body.filter((e) => JSON.stringify(e).includes('*bold*'));
    expect(markup.length).toBeGreaterThan(0);
    for (const element of markup) expect(element['type']).toBe('RichTextBlock');
  });

  it('links the invoice when there is one, and sets a version', () => {
    expect(card('payment.succeeded/base')?.actions?.[0]?.url).toMatch(/^https:\/\/live\.dodopayments\.com\/invoices\//);
    expect(card('payment.succeeded/nullable-absent')?.actions).toEqual([]);
    expect(card('payment.succeeded/base')?.version).toBe('1.2');
  });

  it('truncates long customer text', () => {
    const text = JSON.stringify(card('dispute.opened/long-strings')?.body);
    expect(text).toContain('…');
    expect(text.length).toBeLessThan(5000);
  });
});
