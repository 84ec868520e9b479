import { describe, expect, it } from 'vitest';
import { DESTINATIONS, findDestination } from '../../../src/destinations/registry.js';
import { n8nEvent, n8nWebhookUrl } from '../../../src/runtime/destinations/n8n-builders.js';
import { n8n, N8nWebhookBodySchema, N8N_BODY_LIMIT_BYTES } from '../../../src/destinations/n8n/index.js';
import { check, found } from '../../support/destinations.js';

const CLOUD = 'https://acme.app.n8n.cloud/webhook/6f1c2b7e-3a4d-4e5f-9a0b-1c2d3e4f5a6b';
const SELF_HOSTED = 'https://n8n.acme.internal/webhook/dodo/payments';
const body = { event_type: 'payment.succeeded', payment_id: 'pay_1', amount: 29.99, currency: 'USD' };

describe('n8n: valid requests', () => {
  it.each([
    ['a cloud production URL', CLOUD],
    ['a self-hosted production URL', SELF_HOSTED],
    ['a cloud resume URL', 'https://acme.app.n8n.cloud/webhook-waiting/1234'],
  ])('%s passes without issues', (_, url) => {
    expect(found(url, body)).toEqual([]);
  });

  it('accepts any JSON body', () => {
    expect(found(CLOUD, [1, 'two', { three: [3] }])).toEqual([]);
    expect(found(CLOUD, 'text')).toEqual([]);
    expect(N8nWebhookBodySchema.safeParse({ nested: { list: [1, null] } }).success).toBe(true);
  });
});

describe('n8n: rules', () => {
  it('warns that a test URL only works while the editor listens', () => {
    const issues = check('https://acme.app.n8n.cloud/webhook-test/6f1c2b7e', body);
    expect(issues).toMatchObject([{ code: 'n8n.test-url', path: '$', severity: 'warning' }]);
    expect(issues[0]?.message).toContain('/webhook/');
    expect(check('https://n8n.acme.internal/webhook-test/dodo', body)).toMatchObject([{ code: 'n8n.test-url' }]);
  });

  it('rejects n8n Cloud URLs that are not webhooks', () => {
    expect(found('https://acme.app.n8n.cloud/workflow/12', body)).toEqual(['n8n.unknown-endpoint@$']);
    expect(found('https://acme.app.n8n.cloud/webhook/', body)).toEqual(['n8n.unknown-endpoint@$']);
  });

  it('warns when the method is not POST, since the node must match it', () => {
    expect(check(CLOUD, body, 'PUT')).toMatchObject([{ code: 'n8n.method-not-post', severity: 'warning' }]);
  });

  it('limits the body to 16 MiB (N8N_PAYLOAD_SIZE_MAX)', () => {
    expect(found(CLOUD, { note: 'a'.repeat(N8N_BODY_LIMIT_BYTES - 20) })).toEqual([]);
    expect(found(CLOUD, { note: 'a'.repeat(N8N_BODY_LIMIT_BYTES) })).toEqual(['size.too-large@$']);
  });
});

describe('n8n: URL matching', () => {
  it('claims /webhook/ and /webhook-test/ on any host, and all of n8n Cloud', () => {
    expect(findDestination(SELF_HOSTED)?.id).toBe('n8n');
    expect(findDestination('https://acme.app.n8n.cloud/anything')?.id).toBe('n8n');
    expect(n8n.matches(new URL('https://example.com/webhook/'))).toBe(false);
    expect(n8n.matches(new URL('https://example.com/webhooks/abc'))).toBe(false);
    expect(n8n.matches(new URL('https://example.com/api/webhook/abc'))).toBe(false);
    expect(n8n.matches(new URL('https://example.com/webhook-waiting/12'))).toBe(false);
    expect(n8n.matches(new URL('https://app.n8n.cloud.evil.example/x'))).toBe(false);
  });

  it('does not overlap other destinations', () => {
    for (const other of DESTINATIONS.filter((d) => d.id !== 'n8n')) {
      expect(other.matches(new URL(CLOUD)), other.id).toBe(false);
      expect(other.matches(new URL(SELF_HOSTED)), other.id).toBe(false);
      // Where a vendor's own matcher claims an n8n-looking URL on its host, the vendor wins.
      for (const host of other.hosts) {
        for (const path of ['/webhook/abc', '/webhook-test/abc']) {
          const url = `https://${host.replace('*', 'x')}${path}`;
          if (other.matches(new URL(url))) expect(findDestination(url)?.id, url).toBe(other.id);
        }
      }
    }
  });
});

describe('n8n: builders', () => {
  it('build the production URL and leave out undefined fields', () => {
    expect(n8nWebhookUrl('https://n8n.acme.internal/', '/dodo/payments')).toBe(SELF_HOSTED);
    expect(n8nEvent({ a: 1, b: undefined, c: { d: [1] } })).toEqual({ a: 1, c: { d: [1] } });
    expect(found(n8nWebhookUrl('https://acme.app.n8n.cloud', 'x'), n8nEvent(body))).toEqual([]);
  });
});
