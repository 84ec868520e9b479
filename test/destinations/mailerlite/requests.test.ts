import { describe, expect, it } from 'vitest';
import { mailerlite, MailerLiteSubscriberSchema } from '../../../src/destinations/mailerlite/index.js';
import type { MailerLiteSubscriber } from '../../../src/destinations/mailerlite/index.js';
import { mailerliteSubscriber, toMailerLiteDate } from '../../../src/runtime/destinations/mailerlite-builders.js';
import { check, found } from '../../support/destinations.js';

const URL_ = 'https://connect.mailerlite.com/api/subscribers';

const subscriber: MailerLiteSubscriber = {
  email: 'ada@example.com', fields: { name: 'Ada', last_name: 'Lovelace', total_spent: 29.99, company: null },
  groups: ['4243829086487936'], status: 'active', subscribed_at: '2025-08-04 05:30:45',
};

describe('MailerLite: valid requests', () => {
  it.each([
    ['a full subscriber', subscriber],
    ['an email alone', { email: 'ada@example.com' }],
    ['null opt-in fields', { email: 'ada@example.com', ip_address: null, opted_in_at: null, optin_ip: null }],
  ])('%s passes without issues', (_, body) => {
    expect(found(URL_, body)).toEqual([]);
    expect(MailerLiteSubscriberSchema.safeParse(body).success).toBe(true);
  });

  it('builders set the route and POST, and convert ISO dates', () => {
    expect(mailerliteSubscriber(subscriber)).toEqual({ url: URL_, method: 'POST', payload: subscriber });
    expect(toMailerLiteDate('2025-08-04T05:30:45.182629Z')).toBe('2025-08-04 05:30:45');
    expect(found(URL_, { email: 'a@b.co', subscribed_at: toMailerLiteDate('2025-08-04T05:30:45.182629Z') })).toEqual([]);
  });
});

describe('MailerLite: rules', () => {
  it('needs a valid email', () => {
    expect(found(URL_, { fields: { name: 'Ada' } })).toEqual(['mailerlite.invalid-email@$.email']);
    expect(found(URL_, { email: 'Ada Lovelace' })).toEqual(['mailerlite.invalid-email@$.email']);
  });

  it('takes only the documented statuses', () => {
    const issues = check(URL_, { ...subscriber, status: 'subscribed' });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['mailerlite.invalid-status@$.status']);
    expect(issues[0]?.message).toContain('active, unsubscribed, unconfirmed, bounced, junk');
  });

  it('takes numeric group ids, not names or placeholders', () => {
    expect(found(URL_, { ...subscriber, groups: ['your-group-id-here'] })).toEqual(['mailerlite.invalid-group@$.groups[0]']);
    expect(found(URL_, { ...subscriber, groups: [4243829086487936] })).toEqual(['schema.invalid@$.groups[0]']);
  });

  it('takes dates as "yyyy-MM-dd HH:mm:ss"', () => {
    expect(found(URL_, { ...subscriber, subscribed_at: '2025-08-04T05:30:45Z' })).toEqual(['mailerlite.invalid-date@$.subscribed_at']);
    expect(found(URL_, { ...subscriber, opted_in_at: '2025-13-45 05:30:45' })).toEqual(['mailerlite.invalid-date@$.opted_in_at']);
  });

  it('takes field values as text, numbers or null', () => {
    expect(found(URL_, { ...subscriber, fields: { vip: true } })).toEqual(['mailerlite.invalid-field-value@$.fields.vip']);
    expect(found(URL_, { ...subscriber, fields: { plan: { id: 'pro' } } })).toEqual(['mailerlite.invalid-field-value@$.fields.plan']);
  });

  it('warns about subscriber data outside fields', () => {
    expect(check(URL_, { ...subscriber, name: 'Ada', group_ids: ['1'] }).map((i) => `${i.severity}:${i.code}@${i.path}`))
      .toEqual(['warning:mailerlite.unknown-field@$.name', 'warning:mailerlite.unknown-field@$.group_ids']);
  });

  it('only takes POST, and routes', () => {
    expect(found(URL_, subscriber, 'PUT')).toEqual(['method.not-post@$']);
    expect(found('https://connect.mailerlite.com/api/subscriber', subscriber)).toEqual(['mailerlite.unknown-endpoint@$']);
    expect(check('https://connect.mailerlite.com/api/subscribers/31897397363737859', { fields: {} }, 'PUT'))
      .toMatchObject([{ code: 'mailerlite.unvalidated-endpoint', severity: 'warning' }]);
    expect(mailerlite.matches(new URL('https://api.mailerlite.com/api/v2/subscribers'))).toBe(false);
  });
});
