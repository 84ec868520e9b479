import { describe, expect, it } from 'vitest';
import { keplars, KeplarsEmailSchema } from '../../../src/destinations/keplars/index.js';
import type { KeplarsEmail } from '../../../src/destinations/keplars/index.js';
import { keplarsEmail } from '../../../src/runtime/destinations/keplars-builders.js';
import { check, found } from '../../support/destinations.js';

const BASE = 'https://api.keplars.com/api/v1/send-email';
const ASYNC = `${BASE}/async`;

const email: KeplarsEmail = {
  to: ['ada@example.com'], from: 'billing@acme.dev', from_name: 'Acme', subject: 'Your receipt', body: '<p>Thanks</p>', is_html: true,
};
const templated: KeplarsEmail = { to: ['ada@example.com'], template_id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890', params: { amount: '$29.99' } };

describe('Keplars: valid requests', () => {
  it.each([['a raw email', email], ['a template email', templated], ['cc, bcc and reply_to', { ...email, cc: ['a@example.com'], bcc: ['b@example.com'], reply_to: 'help@acme.dev' }]])(
    '%s passes without issues', (_, body) => {
      expect(found(ASYNC, body)).toEqual([]);
      expect(KeplarsEmailSchema.safeParse(body).success).toBe(true);
    });

  it.each(['instant', 'high', 'async', 'bulk'])('accepts the %s queue', (priority) => {
    expect(found(`${BASE}/${priority}`, email)).toEqual([]);
  });

  it('accepts a schedule nested under email, and flat', () => {
    expect(found(`${BASE}/schedule`, { scheduled_at: '2026-06-01T09:00:00.000Z', timezone: 'UTC', email })).toEqual([]);
    expect(found(`${BASE}/schedule`, { ...email, scheduled_at: '2025-12-25_09:00:00', timezone: 'America/New_York' })).toEqual([]);
  });

  it('builder picks the queue', () => {
    expect(keplarsEmail(email)).toEqual({ url: ASYNC, method: 'POST', payload: email });
    expect(keplarsEmail(email, 'high').url).toBe(`${BASE}/high`);
  });
});

describe('Keplars: rules', () => {
  it('needs to as a non-empty array', () => {
    const issues = check(ASYNC, { ...email, to: 'ada@example.com' });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['keplars.to-not-array@$.to']);
    expect(issues[0]?.message).toContain('to: [customer.email]');
    expect(found(ASYNC, { ...email, to: [] })).toEqual(['keplars.to-not-array@$.to']);
  });

  it('rejects invalid addresses', () => {
    expect(found(ASYNC, { ...email, to: ['ada@example.com', 'Ada <ada@example.com>'] })).toEqual(['keplars.invalid-email@$.to[1]']);
    expect(found(ASYNC, { ...email, from: 'Acme' })).toEqual(['keplars.invalid-email@$.from']);
  });

  it('needs subject and body without a template, and neither with one', () => {
    const { subject: _s, body: _b, ...bare } = email;
    expect(found(ASYNC, bare)).toEqual(['keplars.missing-content@$.subject', 'keplars.missing-content@$.body']);
    expect(found(ASYNC, { ...templated, subject: 'Receipt' })).toEqual(['keplars.template-with-content@$.subject']);
  });

  it('needs a UUID template_id, not a placeholder', () => {
    expect(found(ASYNC, { ...templated, template_id: 'your-keplars-payment-success-template-id' })).toEqual(['keplars.invalid-template-id@$.template_id']);
  });

  it('needs scheduled_at on the schedule route, in both shapes', () => {
    expect(found(`${BASE}/schedule`, { email })).toEqual(['keplars.missing-schedule@$.scheduled_at']);
    expect(found(`${BASE}/schedule`, email)).toEqual(['keplars.missing-schedule@$.scheduled_at']);
    expect(found(`${BASE}/schedule`, { scheduled_at: 'x', email: { ...email, to: 'a@b.co' } })).toEqual(['keplars.to-not-array@$.email.to']);
  });

  it('warns about other APIs\' field names', () => {
    expect(check(ASYNC, { ...email, html: '<p>x</p>' })).toMatchObject([{ code: 'keplars.unknown-field', path: '$.html', severity: 'warning' }]);
  });

  it('only takes POST, and routes', () => {
    expect(found(ASYNC, email, 'PUT')).toEqual(['method.not-post@$']);
    expect(found(`${BASE}/asynch`, email)).toEqual(['keplars.unknown-endpoint@$']);
    expect(check('https://api.keplars.com/api/v1/contacts', {})).toMatchObject([{ code: 'keplars.unvalidated-endpoint', severity: 'warning' }]);
    expect(keplars.matches(new URL('https://keplars.com/api/v1/send-email/async'))).toBe(false);
  });
});
