import { describe, expect, it } from 'vitest';
import { autosend, AutoSendMailSchema } from '../../../src/destinations/autosend/index.js';
import type { AutoSendBulk, AutoSendMail } from '../../../src/destinations/autosend/index.js';
import { autosendBulk, autosendMail } from '../../../src/runtime/destinations/autosend-builders.js';
import { check, found } from '../../support/destinations.js';

const SEND = 'https://api.autosend.com/v1/mails/send';
const BULK = 'https://api.autosend.com/v1/mails/bulk';

const mail: AutoSendMail = {
  to: { email: 'ada@example.com', name: 'Ada' }, from: { email: 'billing@acme.dev', name: 'Acme' },
  subject: 'Your receipt', html: '<p>Thanks</p>', text: 'Thanks', cc: [{ email: 'books@acme.dev' }],
};
const bulk: AutoSendBulk = {
  recipients: [{ email: 'a@example.com', dynamicData: { name: 'A' } }, { email: 'b@example.com' }],
  from: { email: 'billing@acme.dev' }, subject: 'News', html: '<p>Hi {{name}}</p>',
};

describe('AutoSend: valid requests', () => {
  it.each([
    ['a full email', mail],
    ['a template without subject or html', { to: { email: 'ada@example.com' }, from: { email: 'billing@acme.dev' }, templateId: 'A-61522f2', dynamicData: { amount: '$29.99' } }],
    ['a 998-character subject', { ...mail, subject: 's'.repeat(998) }],
  ])('%s passes without issues', (_, body) => {
    expect(found(SEND, body)).toEqual([]);
    expect(AutoSendMailSchema.safeParse(body).success).toBe(true);
  });

  it('accepts a bulk email to 100 recipients', () => {
    expect(found(BULK, bulk)).toEqual([]);
    expect(found(BULK, { ...bulk, recipients: Array.from({ length: 100 }, (_, i) => ({ email: `u${i}@example.com` })) })).toEqual([]);
  });

  it('builders set the route, POST, and headers only with a key', () => {
    expect(autosendMail(mail)).toEqual({ url: SEND, method: 'POST', payload: mail });
    expect(autosendBulk(bulk, { apiKey: 'k', idempotencyKey: 'i' })).toMatchObject({ url: BULK, headers: { Authorization: 'Bearer k', 'Idempotency-Key': 'i' } });
  });
});

describe('AutoSend: rules', () => {
  it('takes one recipient object in to, not an array', () => {
    const issues = check(SEND, { ...mail, to: ['ada@example.com'] });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['autosend.to-not-object@$.to']);
    expect(issues[0]?.message).toContain('/v1/mails/bulk');
    expect(found(SEND, { ...mail, to: 'ada@example.com' })).toEqual(['autosend.to-not-object@$.to']);
  });

  it('rejects invalid email addresses', () => {
    expect(found(SEND, { ...mail, from: { email: 'Acme <billing@acme.dev>' } })).toEqual(['autosend.invalid-email@$.from.email']);
    expect(found(SEND, { ...mail, to: { email: 'ada' } })).toEqual(['autosend.invalid-email@$.to.email']);
    expect(found(BULK, { ...bulk, recipients: [{ email: 'x@' }] })).toEqual(['autosend.invalid-email@$.recipients[0].email']);
  });

  it('needs html, text or templateId, and a subject without a template', () => {
    const { html: _h, text: _t, subject: _s, ...bare } = mail;
    expect(found(SEND, bare)).toEqual(['autosend.missing-content@$.html', 'autosend.missing-subject@$.subject']);
  });

  it('limits subject to 998 characters and still checks the content', () => {
    const { html: _h, text: _t, ...noBody } = mail;
    expect(found(SEND, { ...noBody, subject: 's'.repeat(999) })).toEqual(['autosend.subject-too-long@$.subject', 'autosend.missing-content@$.html']);
  });

  it('limits bulk recipients to 1–100', () => {
    expect(found(BULK, { ...bulk, recipients: Array.from({ length: 101 }, (_, i) => ({ email: `u${i}@example.com` })) })).toEqual(['autosend.too-many-recipients@$.recipients']);
    expect(found(BULK, { ...bulk, recipients: [] })).toEqual(['autosend.too-many-recipients@$.recipients']);
  });

  it('warns about snake_case names AutoSend ignores', () => {
    expect(check(SEND, { ...mail, template_id: 'A-1', reply_to: { email: 'a@b.co' } }).map((i) => `${i.severity}:${i.code}@${i.path}`))
      .toEqual(['warning:autosend.unknown-field@$.template_id', 'warning:autosend.unknown-field@$.reply_to']);
    expect(check(BULK, { ...bulk, to: { email: 'a@b.co' } })).toMatchObject([{ code: 'autosend.unknown-field', path: '$.to' }]);
  });

  it('only takes POST, and routes', () => {
    expect(found(SEND, mail, 'PUT')).toEqual(['method.not-post@$']);
    expect(found('https://api.autosend.com/v1/mail/send', mail)).toEqual(['autosend.unknown-endpoint@$']);
    expect(check('https://api.autosend.com/v1/contacts', {})).toMatchObject([{ code: 'autosend.unvalidated-endpoint', severity: 'warning' }]);
    expect(autosend.matches(new URL('https://autosend.com/v1/mails/send'))).toBe(false);
  });
});
