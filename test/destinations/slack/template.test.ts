import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings/finding.js';
import { validateDestinationRequest } from '../../../src/destinations/registry.js';
import { EVENT_TYPES } from '../../../src/runtime/events/event-types.js';
import { BUILTIN_SAMPLES, getVariants } from '../../../src/samples/index.js';
import { makeCardWebhook, runSnippet } from '../../support/run-snippet.js';
import { compileTemplate } from '../../support/templates.js';

const HANDLED = [
  'payment.succeeded', 'payment.failed', 'refund.succeeded', 'refund.failed', 'dispute.opened',
  'subscription.active', 'subscription.cancelled', 'subscription.on_hold', 'subscription.failed',
];

interface Result { url: string; method?: string; payload: { text: string; blocks: Record<string, unknown>[] }; cancel?: boolean }

let code = '';
let findings: Finding[] = [];
const results = new Map<string, Result>();

beforeAll(async () => {
  const compiled = compileTemplate('slack');
  findings = compiled.findings;
  code = compiled.snippets[0]?.code ?? '';
  for (const type of EVENT_TYPES) {
    for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
      results.set(`${type}/${variant.name}`, runSnippet(code, makeCardWebhook('slack', variant.event as { type: string })) as Result);
    }
  }
});

describe('templates/slack.ts', () => {
  it('compiles without errors or warnings', () => {
    expect(findings).toEqual([]);
    expect(code).toMatch(/^\/\/ Generated/);
  });

  it('alerts on the handled events and cancels the rest', () => {
    const sent = new Set([...results].filter(([, r]) => r.cancel !== true).map(([key]) => key.split('/')[0]));
    expect([...sent].sort()).toEqual([...HANDLED].sort());
  });

  it('sends a request Slack accepts for every event and variant', () => {
    let checked = 0;
    for (const [key, result] of results) {
      if (result.cancel === true) continue;
      const { destination, issues } = validateDestinationRequest(result.url, result.method ?? 'POST', result.payload);
      expect(destination, key).toBe('slack');
      // Warnings too: unescaped markup or a missing fallback text would show here.
      expect(issues, key).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(HANDLED.length * 5);
  });

  it('formats amounts by the currency\'s exponent', () => {
    expect(results.get('payment.succeeded/base')?.payload.text).toContain('$29.99');
    expect(results.get('payment.succeeded/currency-jpy')?.payload.text).toContain('¥4,499');
    expect(results.get('payment.succeeded/currency-kwd')?.payload.text).toContain('9.207 KWD');
    expect(results.get('subscription.active/base')?.payload.text).toContain('$24.99 / month');
  });

  it('reads the dispute amount whether it is a string or a number', () => {
    expect(results.get('dispute.opened/base')?.payload.text).toContain('$4.00');
    expect(results.get('dispute.opened/dispute-amount-number')?.payload.text).toContain('$4.00');
  });

  it('escapes customer text, so markup neither formats nor mentions', () => {
    const json = JSON.stringify(results.get('payment.succeeded/markup-chars')?.payload);
    expect(json).toContain('&lt;script&gt;');
    expect(json).toContain('&lt;@U123&gt;');
    expect(json).not.toContain('<@U123>');
    expect(json).not.toContain('<script>');
  });

  it('truncates long customer text to the block limits', () => {
    const fields = results.get('payment.succeeded/long-strings')?.payload.blocks[1]?.['fields'] as { text: string }[];
    expect(fields[1]?.text.length).toBeLessThanOrEqual(2000);
    expect(fields[1]?.text.endsWith('…')).toBe(true);
  });
});
