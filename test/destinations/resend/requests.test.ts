import { describe, expect, it } from 'vitest';
import { resend, resendMailboxAddress, ResendEmailSchema } from '../../../src/destinations/resend/index.js';
import type { ResendEmail } from '../../../src/destinations/resend/index.js';
import { resendBatch, resendEmail } from '../../../src/runtime/destinations/resend-builders.js';
import { check, found } from '../../support/destinations.js';

const EMAILS = 'https://api.resend.com/emails';
const BATCH = 'https://api.resend.com/emails/batch';

const email: ResendEmail = {
  from: 'Acme Billing <billing@acme.dev>', to: ['ada@example.com'], subject: 'Your receipt', html: '<p>Thanks</p>', text: 'Thanks',
  tags: [{ name: 'dodo_event', value: 'payment_succeeded' }],
};

describe('Resend: valid requests', () => {
  it.each([
    ['a full email', email],
    ['to as one string, text only', { from: 'billing@acme.dev', to: 'ada@example.com', subject: 'Hi', text: 'Hi' }],
    ['a template instead of html', { from: 'billing@acme.dev', to: ['ada@example.com'], subject: 'Hi', template: { id: 'tpl_1', variables: { name: 'Ada' } } }],
    ['50 recipients, cc, bcc and reply_to', { ...email, to: Array.from({ length: 50 }, (_, i) => `u${i}@example.com`), cc: 'a@example.com', bcc: ['b@example.com'], reply_to: 'Support <help@acme.dev>' }],
  ])('%s passes without issues', (_, body) => {
    expect(found(EMAILS, body)).toEqual([]);
    expect(ResendEmailSchema.safeParse(body).success).toBe(true);
  });

  it('accepts a batch', () => {
    expect(found(BATCH, [email, { ...email, to: 'grace@example.com' }])).toEqual([]);
  });

  it('builders set the route, POST, and headers only with a key', () => {
    expect(resendEmail(email)).toEqual({ url: EMAILS, method: 'POST', payload: email });
    expect(resendEmail(email, { apiKey: 're_1', idempotencyKey: 'k' }).headers)
      .toEqual({ Authorization: 'Bearer re_1', 'Content-Type': 'application/json', 'Idempotency-Key': 'k' });
    expect(resendBatch([email]).url).toBe(BATCH);
  });
});

describe('Resend: rules', () => {
  it('rejects more than 50 addresses in to', () => {
    const issues = check(EMAILS, { ...email, to: Array.from({ length: 51 }, (_, i) => `u${i}@example.com`) });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['resend.too-many-recipients@$.to']);
    expect(issues[0]?.message).toContain('51 addresses');
  });

  it('rejects invalid from and to addresses, at their paths', () => {
    expect(found(EMAILS, { ...email, from: 'Acme Billing' })).toEqual(['resend.invalid-address@$.from']);
    expect(found(EMAILS, { ...email, from: '<script>x</script> <billing@acme.dev>' })).toEqual(['resend.invalid-address@$.from']);
    expect(found(EMAILS, { ...email, to: ['ada@example.com', 'not-an-email'] })).toEqual(['resend.invalid-address@$.to[1]']);
    expect(found(EMAILS, { ...email, to: 'ada@' })).toEqual(['resend.invalid-address@$.to']);
    expect(found(EMAILS, { ...email, to: [] })).toEqual(['resend.invalid-address@$.to']);
    expect(found(EMAILS, { ...email, reply_to: 'help' })).toEqual(['resend.invalid-address@$.reply_to']);
  });

  it('parses "Name <addr>" and plain addresses', () => {
    expect(resendMailboxAddress('"Acme, Inc." <billing@acme.dev>')).toBe('billing@acme.dev');
    expect(resendMailboxAddress(' billing@acme.dev ')).toBe('billing@acme.dev');
    expect(resendMailboxAddress('Acme <billing@acme>')).toBeUndefined();
  });

  it('needs html, text or a template, and not a template with html', () => {
    const { html: _h, text: _t, ...bare } = email;
    expect(found(EMAILS, bare)).toEqual(['resend.missing-content@$.html']);
    expect(found(EMAILS, { ...email, template: { id: 'tpl_1' } })).toEqual(['resend.template-with-content@$.html']);
  });

  it('needs from and subject', () => {
    const { from: _f, subject: _s, ...rest } = email;
    expect(found(EMAILS, rest)).toEqual(['schema.invalid@$.from', 'schema.invalid@$.subject']);
  });

  it('limits tags to ASCII letters, digits, _ and -', () => {
    expect(found(EMAILS, { ...email, tags: [{ name: 'dodo.event', value: 'ok' }] })).toEqual(['resend.invalid-tag@$.tags[0].name']);
    expect(found(EMAILS, { ...email, tags: [{ name: 'x', value: 'a'.repeat(257) }] })).toEqual(['resend.invalid-tag@$.tags[0].value']);
    expect(found(EMAILS, { ...email, tags: [{ name: 'x', value: 'a'.repeat(256) }] })).toEqual([]);
  });

  it('limits a batch to 100 emails without attachments or scheduled_at', () => {
    expect(found(BATCH, Array.from({ length: 101 }, () => email))).toEqual(['resend.batch-too-many@$']);
    expect(found(BATCH, [])).toEqual(['resend.batch-too-many@$']);
    expect(found(BATCH, [{ ...email, scheduled_at: 'in 1 hour' }])).toEqual(['resend.batch-unsupported-field@$[0].scheduled_at']);
    expect(found(BATCH, email)).toEqual(['schema.invalid@$']);
  });

  it('warns about the Node SDK\'s camelCase names', () => {
    expect(check(EMAILS, { ...email, replyTo: 'help@acme.dev' })).toMatchObject([{ code: 'resend.unknown-field', path: '$.replyTo', severity: 'warning' }]);
  });

  it('only takes POST', () => {
    expect(found(EMAILS, email, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('flags near-miss routes and only warns for other Resend routes', () => {
    expect(found('https://api.resend.com/email', email)).toEqual(['resend.unknown-endpoint@$']);
    // The body is checked as the route it nearly names: one round of fixes, not two.
    const noContent = { from: email.from, to: email.to, subject: email.subject };
    expect(found('https://api.resend.com/email', noContent)).toEqual(['resend.unknown-endpoint@$', 'resend.missing-content@$.html']);
    expect(check('https://api.resend.com/audiences/a1/contacts', { email: 'a@b.co' }))
      .toMatchObject([{ code: 'resend.unvalidated-endpoint', severity: 'warning' }]);
    expect(resend.matches(new URL('https://api.resend.com.evil.example/emails'))).toBe(false);
  });
});
