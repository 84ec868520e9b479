import { describe, expect, it } from 'vitest';
import { closeCrm, CloseOpportunitySchema } from '../../../src/destinations/close-crm/index.js';
import type { CloseLead, CloseOpportunity } from '../../../src/destinations/close-crm/index.js';
import {
  closeAuthorization, closeCents, closeContact, closeCustomFields, closeLead, closeNote, closeOpportunity,
} from '../../../src/runtime/destinations/close-crm-builders.js';
import { check, found } from '../../support/destinations.js';

const API = 'https://api.close.com/api/v1';
const LEAD_ID = 'lead_IIDHIStmFcFQZZP0BRe99V1MCoXWz2PGCm6EDmR9v2O';

const lead: CloseLead = {
  name: 'Analytical Engines Ltd',
  contacts: [{ name: 'Ada Lovelace', emails: [{ email: 'ada@example.com', type: 'office' }], phones: [{ phone: '+14155550132', type: 'mobile' }] }],
  'custom.cf_v6S011I6MqcbVvB2FA5Nk8dr5MkL8sWuCiG8cUleO9c': 'cus_8VbC6JDZzPEqfBPUdpj0K',
};
const opportunity: CloseOpportunity = { lead_id: LEAD_ID, value: 2999, value_period: 'monthly', value_currency: 'USD', confidence: 100, note: 'Dodo sub_1' };

describe('Close: valid requests', () => {
  const valid: [string, string, unknown, string?][] = [
    ['lead with a nested contact and a custom field', `${API}/lead/`, lead],
    ['contact on a lead', `${API}/contact/`, { lead_id: LEAD_ID, name: 'Ada', emails: [{ email: 'ada@example.com' }] }],
    ['opportunity', `${API}/opportunity/`, opportunity],
    ['opportunity update', `${API}/opportunity/oppo_8eB77gAdf8FMy6GsNHEy84f7uoeEWv55slvUjKQZpJt/`, { value: 5000 }, 'PUT'],
    ['lead update', `${API}/lead/${LEAD_ID}/`, { description: 'VIP' }, 'PUT'],
    ['note', `${API}/activity/note/`, { lead_id: LEAD_ID, note: 'Payment of $29.99 succeeded.' }],
    ['custom activity', `${API}/activity/custom/`, { custom_activity_type_id: 'actitype_1', lead_id: LEAD_ID, 'custom.cf_abc': 29.99 }],
  ];
  it.each(valid)('%s passes without issues', (_, url, body, method = 'POST') => {
    expect(check(url, body, method)).toEqual([]);
  });

  it('builds requests the schema accepts', () => {
    const contact = closeContact({ name: 'Ada', emails: ['ada@example.com', null, ''], phones: [undefined] });
    expect(contact).toEqual({ name: 'Ada', emails: [{ email: 'ada@example.com', type: 'office' }] });
    const l = closeLead({ name: 'Ada', contacts: [contact], ...closeCustomFields({ cf_abc: 'cus_1', '': 'dropped', cf_none: null }) }, { apiKey: 'k' });
    expect(l.payload).toEqual({ name: 'Ada', contacts: [contact], 'custom.cf_abc': 'cus_1' });
    expect(check(l.url, l.payload, l.method)).toEqual([]);
    const o = closeOpportunity({ lead_id: LEAD_ID, value: closeCents(29.99), value_period: 'annual' });
    expect(o.payload.value).toBe(2999);
    expect(check(o.url, o.payload, o.method)).toEqual([]);
    const n = closeNote(LEAD_ID, 'Refunded');
    expect(check(n.url, n.payload, n.method)).toEqual([]);
  });

  it('encodes the API key as Basic auth with an empty password (no btoa in the runtime)', () => {
    for (const key of ['a', 'ab', 'abc', 'api_4Fz2TxRWXCeRgQkv1S2P0x.7Yw3Sx']) {
      expect(closeAuthorization(key)).toBe(`Basic ${Buffer.from(`${key}:`).toString('base64')}`);
    }
  });
});

describe('Close: rules', () => {
  it('flags Dodo\'s contact example: bare-string emails and phones, custom fields by name, no lead', () => {
    const dodo = { name: 'Ada', emails: ['ada@example.com'], phones: [''], custom: { payment_amount: '29.99' } };
    expect(check(`${API}/contact/`, dodo).map((i) => `${i.severity}:${i.code}@${i.path}`)).toEqual([
      'error:close.invalid-contact-entry@$.emails[0]', 'error:close.invalid-contact-entry@$.phones[0]',
      'warning:close.deprecated-custom-field@$.custom', 'warning:close.missing-lead-id@$.lead_id',
    ]);
  });

  it('flags Dodo\'s opportunity example: a customer_id as lead_id, a string value, "Month", a title', () => {
    const dodo = { lead_id: 'cus_8VbC6JDZzPEqfBPUdpj0K', value: '29.99', value_period: 'Month', title: 'Subscription - pdt_1' };
    expect(check(`${API}/opportunity/`, dodo).map((i) => `${i.severity}:${i.code}@${i.path}`)).toEqual([
      'error:close.invalid-lead-id@$.lead_id', 'error:close.invalid-value@$.value', 'error:close.invalid-value-period@$.value_period',
      'warning:close.unknown-field@$.title',
    ]);
  });

  it('needs value as integer cents and confidence from 0 to 100', () => {
    expect(found(`${API}/opportunity/`, { ...opportunity, value: 29.99 })).toEqual(['close.invalid-value@$.value']);
    expect(found(`${API}/opportunity/`, { ...opportunity, confidence: 101 })).toEqual(['close.invalid-confidence@$.confidence']);
    expect(found(`${API}/opportunity/`, { ...opportunity, confidence: 0.5 })).toEqual(['close.invalid-confidence@$.confidence']);
    expect(CloseOpportunitySchema.safeParse(opportunity).success).toBe(true);
  });

  it('checks nested contacts of a lead', () => {
    expect(found(`${API}/lead/`, { name: 'A', contacts: [{ emails: [{ email: '' }] }] })).toEqual(['close.invalid-contact-entry@$.contacts[0].emails[0].email']);
  });

  it('needs a lead and text on a note', () => {
    expect(found(`${API}/activity/note/`, { lead_id: LEAD_ID, note: ' ' })).toEqual(['close.missing-note@$.note']);
    expect(found(`${API}/activity/note/`, { note: 'x' })).toEqual(['close.invalid-lead-id@$.lead_id']);
  });

  it('warns about custom.<name> instead of custom.cf_<id>', () => {
    expect(check(`${API}/lead/`, { name: 'A', 'custom.Plan': 'pro' }))
      .toMatchObject([{ code: 'close.deprecated-custom-field', path: '$["custom.Plan"]', severity: 'warning' }]);
  });

  it('creates with POST, updates with PUT, and warns about a missing trailing slash', () => {
    expect(found(`${API}/lead/`, lead, 'PUT')).toEqual(['method.not-post@$']);
    expect(found(`${API}/lead/${LEAD_ID}/`, { name: 'B' }, 'POST')).toEqual(['close.wrong-method@$']);
    expect(check(`${API}/activity/note`, { lead_id: LEAD_ID, note: 'x' }))
      .toMatchObject([{ code: 'close.missing-trailing-slash', severity: 'warning' }]);
  });

  it('rejects routes it does not know and matches only api.close.com', () => {
    expect(found(`${API}/leads/`, lead)).toEqual(['close.unknown-endpoint@$']);
    expect(closeCrm.matches(new URL('https://api.close.com/api/v1/lead/'))).toBe(true);
    expect(closeCrm.matches(new URL('https://close.com/api/v1/lead/'))).toBe(false);
  });
});
