import { describe, expect, it } from 'vitest';
import { sendgrid, SendGridMailSchema } from '../../../src/destinations/sendgrid/index.js';
import type { SendGridContacts, SendGridMail } from '../../../src/destinations/sendgrid/index.js';
import { sendgridContacts, sendgridMail } from '../../../src/runtime/destinations/sendgrid-builders.js';
import { check, found } from '../../support/destinations.js';

const MAIL = 'https://api.sendgrid.com/v3/mail/send';
const CONTACTS = 'https://api.sendgrid.com/v3/marketing/contacts';

const mail: SendGridMail = {
  personalizations: [{ to: [{ email: 'ada@example.com', name: 'Ada' }] }],
  from: { email: 'billing@acme.dev', name: 'Acme' },
  subject: 'Your receipt',
  content: [{ type: 'text/plain', value: 'Thanks' }, { type: 'text/html', value: '<p>Thanks</p>' }],
};
const contacts: SendGridContacts = { list_ids: ['ca7a3796-e8a8-4029-9ccb-df8937940562'], contacts: [{ email: 'ada@example.com', first_name: 'Ada', custom_fields: { e1_T: 'pro' } }] };
const to = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `u${i}@example.com` }));

describe('SendGrid: valid requests', () => {
  it.each([
    ['a mail with text and html', mail],
    ['a dynamic template without subject or content', { personalizations: [{ to: [{ email: 'ada@example.com' }], dynamic_template_data: { amount: '$29.99' } }], from: { email: 'billing@acme.dev' }, template_id: 'd-0123456789abcdef0123456789abcdef' }],
    ['subjects in every personalization', { ...mail, subject: undefined, personalizations: [{ to: [{ email: 'a@example.com' }], subject: 'A' }, { to: [{ email: 'b@example.com' }], subject: 'B' }] }],
    ['1000 recipients', { ...mail, personalizations: [{ to: to(500), cc: to(500).map((a) => ({ email: `cc.${a.email}` })) }] }],
    ['the same address in two personalizations', { ...mail, personalizations: [{ to: [{ email: 'a@example.com' }] }, { to: [{ email: 'a@example.com' }] }] }],
  ])('%s passes without issues', (_, body) => {
    expect(found(MAIL, body)).toEqual([]);
    expect(SendGridMailSchema.safeParse(body).success).toBe(true);
  });

  it('accepts a contacts upsert as PUT, also on the EU host', () => {
    expect(found(CONTACTS, contacts, 'PUT')).toEqual([]);
    expect(found('https://api.eu.sendgrid.com/v3/mail/send', mail)).toEqual([]);
  });

  it('builders set the route and method', () => {
    expect(sendgridMail(mail)).toEqual({ url: MAIL, method: 'POST', payload: mail });
    expect(sendgridContacts(contacts, { apiKey: 'SG.x' })).toMatchObject({ url: CONTACTS, method: 'PUT', headers: { Authorization: 'Bearer SG.x' } });
  });
});

describe('SendGrid: rules', () => {
  it('needs personalizations, each with to', () => {
    const { personalizations: _, ...none } = mail;
    expect(found(MAIL, none)).toEqual(['sendgrid.missing-personalizations@$.personalizations']);
    expect(found(MAIL, { ...mail, personalizations: [] })).toEqual(['sendgrid.missing-personalizations@$.personalizations']);
    expect(found(MAIL, { ...mail, personalizations: [{ cc: [{ email: 'a@example.com' }] }] })).toEqual(['sendgrid.missing-to@$.personalizations[0].to']);
    expect(found(MAIL, { ...mail, personalizations: [{ to: [] }] })).toEqual(['sendgrid.missing-to@$.personalizations[0].to']);
  });

  it('limits personalizations and recipients to 1000', () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ to: [{ email: `u${i}@example.com` }] }));
    expect(found(MAIL, { ...mail, personalizations: many })).toEqual(['sendgrid.too-many-personalizations@$.personalizations', 'sendgrid.too-many-recipients@$.personalizations']);
    expect(found(MAIL, { ...mail, personalizations: [{ to: to(600), bcc: to(401).map((a) => ({ email: `b.${a.email}` })) }] }))
      .toEqual(['sendgrid.too-many-recipients@$.personalizations']);
  });

  it('rejects the same address twice in one personalization', () => {
    expect(found(MAIL, { ...mail, personalizations: [{ to: [{ email: 'a@example.com' }], cc: [{ email: 'A@example.com' }] }] }))
      .toEqual(['sendgrid.duplicate-recipient@$.personalizations[0].cc[0].email']);
  });

  it('rejects invalid email addresses in from and to', () => {
    expect(found(MAIL, { ...mail, from: { email: 'billing' } })).toEqual(['sendgrid.invalid-email@$.from.email']);
    expect(found(MAIL, { ...mail, personalizations: [{ to: [{ email: 'Ada <ada@example.com>' }] }] })).toEqual(['sendgrid.invalid-email@$.personalizations[0].to[0].email']);
  });

  it('needs text/plain before text/html in content, each once', () => {
    const issues = check(MAIL, { ...mail, content: [{ type: 'text/html', value: '<p>x</p>' }, { type: 'text/plain', value: 'x' }] });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['sendgrid.content-order@$.content[1].type']);
    expect(issues[0]?.message).toContain('text/plain first, then text/html');
    expect(found(MAIL, { ...mail, content: [{ type: 'text/plain', value: 'a' }, { type: 'text/plain', value: 'b' }] })).toEqual(['sendgrid.content-order@$.content[1].type']);
    expect(found(MAIL, { ...mail, content: [{ type: 'text/calendar', value: 'a' }, { type: 'text/html', value: 'b' }] })).toEqual(['sendgrid.content-order@$.content[1].type']);
  });

  it('needs content or a template, and a subject', () => {
    const { content: _c, subject: _s, ...bare } = mail;
    expect(found(MAIL, bare)).toEqual(['sendgrid.missing-content@$.content', 'sendgrid.missing-subject@$.subject']);
    expect(found(MAIL, { ...mail, content: [{ type: 'text/plain', value: '' }] })).toEqual(['schema.invalid@$.content[0].value']);
  });

  it('limits categories to 10 of at most 255 characters', () => {
    expect(found(MAIL, { ...mail, categories: Array.from({ length: 11 }, (_, i) => `c${i}`) })).toEqual(['sendgrid.invalid-categories@$.categories']);
    expect(found(MAIL, { ...mail, categories: ['ok', 'x'.repeat(256)] })).toEqual(['sendgrid.invalid-categories@$.categories[1]']);
  });

  it('warns about top-level fields from other mail APIs', () => {
    expect(check(MAIL, { ...mail, to: 'ada@example.com' })).toMatchObject([{ code: 'sendgrid.unknown-field', path: '$.to', severity: 'warning' }]);
  });

  it('takes mail/send as POST and contacts as PUT', () => {
    expect(found(MAIL, mail, 'PUT')).toEqual(['method.not-post@$']);
    expect(found(CONTACTS, contacts, 'POST')).toEqual(['sendgrid.method-not-put@$']);
  });

  it('needs an identifier per contact and 1 to 30,000 contacts', () => {
    expect(found(CONTACTS, { contacts: [{ first_name: 'Ada' }] }, 'PUT')).toEqual(['sendgrid.missing-contact-identifier@$.contacts[0].email']);
    expect(found(CONTACTS, { contacts: [] }, 'PUT')).toEqual(['sendgrid.too-many-contacts@$.contacts']);
    expect(found(CONTACTS, { contacts: [{ email: 'nope' }] }, 'PUT')).toEqual(['sendgrid.invalid-email@$.contacts[0].email']);
  });

  it('flags near-miss routes and only warns for other SendGrid routes', () => {
    expect(found('https://api.sendgrid.com/v3/mail/sends', mail)).toEqual(['sendgrid.unknown-endpoint@$']);
    expect(check('https://api.sendgrid.com/v3/suppression/bounces', {})).toMatchObject([{ code: 'sendgrid.unvalidated-endpoint', severity: 'warning' }]);
    expect(sendgrid.matches(new URL('https://sendgrid.com/v3/mail/send'))).toBe(false);
  });
});
