import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/finding.js';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import type { DiscordWebhookMessage } from '../../../src/destinations/discord/index.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeCardWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = [
  'payment.succeeded', 'payment.failed', 'refund.succeeded', 'refund.failed', 'dispute.opened',
  'subscription.active', 'subscription.cancelled', 'subscription.on_hold', 'subscription.failed',
];

interface Result { url: string; method?: string; payload: DiscordWebhookMessage; cancel?: boolean }

let code = '';
let findings: Finding[] = [];
const results = new Map<string, Result>();
const embed = (key: string) => results.get(key)?.payload.embeds?.[0];

beforeAll(async () => {
  const compiled = compileTemplate('discord');
  findings = compiled.findings;
  code = compiled.snippets[0]?.code ?? '';
  for (const type of EVENT_TYPES) {
    for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
      results.set(`${type}/${variant.name}`, runSnippet(code, makeCardWebhook('discord', variant.event as { type: string })) as Result);
    }
  }
});

describe('templates/discord.ts', () => {
  it('compiles without errors or warnings', () => {
    expect(findings).toEqual([]);
    expect(code).toMatch(/^\/\/ Generated/);
  });

  it('alerts on the handled events and cancels the rest', () => {
    const sent = new Set([...results].filter(([, r]) => r.cancel !== true).map(([key]) => key.split('/')[0]));
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('sends a request Discord accepts for every event and variant', () => {
    let checked = 0;
    for (const [key, result] of results) {
      if (result.cancel === true) continue;
      const { destination, issues } = validateDestinationRequest(result.url, result.method ?? 'POST', result.payload);
      expect(destination, key).toBe('discord');
      expect(issues, key).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(HANDLED.length * 5);
  });

  it('formats amounts by the currency\'s exponent', () => {
    expect(embed('payment.succeeded/base')?.title).toContain('$29.99');
    expect(embed('payment.succeeded/currency-jpy')?.title).toContain('¥4,499');
    expect(embed('payment.succeeded/currency-kwd')?.title).toContain('9.207 KWD');
    expect(embed('subscription.active/base')?.title).toContain('$24.99 / month');
  });

  it('reads the dispute amount whether it is a string or a number', () => {
    expect(embed('dispute.opened/base')?.title).toContain('$4.00');
    expect(embed('dispute.opened/dispute-amount-number')?.title).toContain('$4.00');
  });

  it('sends integer colours and an ISO timestamp', () => {
    expect(embed('payment.failed/base')?.color).toBe(0xe74c3c);
    expect(embed('payment.succeeded/base')?.timestamp).toBe('2025-08-04T05:30:45.182Z');
  });

  it('escapes customer text and turns off mentions', () => {
    const result = results.get('payment.succeeded/markup-chars');
    expect(result?.payload.allowed_mentions).toEqual({ parse: [] });
    const customer = result?.payload.embeds?.[0]?.fields?.find((f) => f.name === 'Customer')?.value ?? '';
    expect(customer).toContain('\\*bold\\*');
    expect(customer).toContain('@\u200beveryone');
    expect(customer).not.toMatch(/(^|[^\\])\*bold/);
  });

  it('truncates long customer text to the embed limits', () => {
    const e = embed('dispute.opened/long-strings');
    expect(e?.fields?.find((f) => f.name === 'Customer')?.value.length).toBeLessThanOrEqual(256);
    expect(e?.description?.length).toBeLessThanOrEqual(2000);
    expect(e?.description?.endsWith('…')).toBe(true);
  });
});
