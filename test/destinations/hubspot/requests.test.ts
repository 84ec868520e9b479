import { describe, expect, it } from 'vitest';
import { hubspot, HubSpotEventSchema } from '../../../src/destinations/hubspot/index.js';
import type { HubSpotBatchUpsert, HubSpotEvent, HubSpotObjectCreate } from '../../../src/destinations/hubspot/index.js';
import { hubspotContactUpsert, hubspotDate, hubspotEvent, hubspotObjectUpdate } from '../../../src/runtime/destinations/hubspot-builders.js';
import { check, found } from '../../support/destinations.js';

const API = 'https://api.hubapi.com';
const UPSERT = `${API}/crm/v3/objects/contacts/batch/upsert`;
const CONTACTS = `${API}/crm/v3/objects/contacts`;
const EVENTS = `${API}/events/v3/send`;

const upsert: HubSpotBatchUpsert = {
  inputs: [{ idProperty: 'email', id: 'ada@example.com', properties: { email: 'ada@example.com', firstname: 'Ada', amount: 29.99, vip: true } }],
};
const event: HubSpotEvent = {
  eventName: 'pe1234567_payment_succeeded', email: 'ada@example.com', occurredAt: '2025-08-04T05:30:45.182Z',
  properties: { amount_paid: 29.99, currency: 'USD', invoice_url: `https://x.example/${'a'.repeat(600)}` },
};
const deal: HubSpotObjectCreate = {
  properties: { dealname: 'Payment', amount: '29.99' },
  associations: [{ to: { id: '608051' }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }] }],
};

describe('HubSpot: valid requests', () => {
  const valid: [string, string, unknown, string?][] = [
    ['batch upsert by email', UPSERT, upsert],
    ['date-versioned batch upsert', `${API}/crm/objects/2026-03/contacts/batch/upsert`, upsert],
    ['create a deal with an association', `${API}/crm/v3/objects/deals`, deal],
    ['update by record id', `${CONTACTS}/608051`, { properties: { lifecyclestage: 'customer' } }, 'PATCH'],
    ['update by email', `${CONTACTS}/ada%40example.com?idProperty=email`, { properties: { phone: '' } }, 'PATCH'],
    ['batch update by record id', `${CONTACTS}/batch/update`, { inputs: [{ id: '608051', properties: { firstname: 'Ada' } }] }],
    ['event', EVENTS, event],
    ['event with occurredAt in ms', EVENTS, { ...event, occurredAt: 1754285445182 }],
    ['event batch', `${EVENTS}/batch`, { inputs: [event, { ...event, objectId: '608051', email: undefined }] }],
  ];
  it.each(valid)('%s passes without issues', (_, url, body, method = 'POST') => {
    expect(check(url, body, method)).toEqual([]);
  });

  it('builds requests the schema accepts, leaving out null and undefined values', () => {
    const req = hubspotContactUpsert({ email: 'ada@example.com', properties: { phone: null, firstname: 'Ada', city: undefined } }, { accessToken: 'pat-na1-x' });
    expect(req.payload).toEqual({ inputs: [{ idProperty: 'email', id: 'ada@example.com', properties: { firstname: 'Ada', email: 'ada@example.com' } }] });
    expect(req.headers?.['Authorization']).toBe('Bearer pat-na1-x');
    expect(check(req.url, req.payload, req.method)).toEqual([]);
    const update = hubspotObjectUpdate('contacts', 'ada@example.com', { firstname: 'Ada' }, 'email');
    expect(update.url).toBe(`${CONTACTS}/ada%40example.com?idProperty=email`);
    expect(check(update.url, update.payload, update.method)).toEqual([]);
    const ev = hubspotEvent({ eventName: 'pe1_x', email: 'a@b.c', properties: { code: null } });
    expect(ev.payload).toEqual({ eventName: 'pe1_x', email: 'a@b.c', properties: {} });
    expect(hubspotDate('2025-09-04T05:30:44.903112Z')).toBe(Date.UTC(2025, 8, 4));
  });
});

describe('HubSpot: rules', () => {
  it('rejects property values that are null, objects or arrays', () => {
    const issues = check(UPSERT, { inputs: [{ idProperty: 'email', id: 'a@b.c', properties: { phone: null, tags: ['a'] } }] });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual([
      'hubspot.invalid-property-value@$.inputs[0].properties.phone', 'hubspot.invalid-property-value@$.inputs[0].properties.tags',
    ]);
    expect(issues[0]?.message).toContain('""');
    expect(found(CONTACTS, { properties: { address: { city: 'SF' } } })).toEqual(['hubspot.invalid-property-value@$.properties.address']);
    expect(found(CONTACTS, {})).toEqual(['hubspot.missing-properties@$.properties']);
  });

  it('flags Dodo\'s examples: PATCH /contacts/{customer_id} and an association to a Dodo id', () => {
    expect(found(`${CONTACTS}/cus_8VbC6JDZzPEqfBPUdpj0K`, { properties: { subscription_status: 'active' } }, 'PATCH'))
      .toEqual(['hubspot.invalid-record-id@$']);
    expect(found(`${API}/crm/v3/objects/deals`, { ...deal, associations: [{ ...deal.associations?.[0], to: { id: 'cus_1' } }] }))
      .toEqual(['hubspot.invalid-record-id@$.associations[0].to.id']);
    expect(found(`${CONTACTS}/batch/update`, { inputs: [{ id: 'ada@example.com', properties: {} }] }))
      .toEqual(['hubspot.invalid-record-id@$.inputs[0].id']);
  });

  it('updates only with PATCH, creates and batches only with POST', () => {
    expect(found(`${CONTACTS}/608051`, { properties: {} }, 'PUT')).toEqual(['hubspot.wrong-method@$']);
    expect(found(`${CONTACTS}/608051`, { properties: {} }, 'POST')).toEqual(['hubspot.wrong-method@$']);
    expect(found(UPSERT, upsert, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('needs idProperty on upsert inputs and at most 100 inputs per CRM batch', () => {
    expect(found(UPSERT, { inputs: [{ id: 'a@b.c', properties: {} }] })).toEqual(['hubspot.missing-id-property@$.inputs[0].idProperty']);
    const input = upsert.inputs[0];
    expect(found(UPSERT, { inputs: Array.from({ length: 100 }, () => input) })).toEqual([]);
    expect(found(UPSERT, { inputs: Array.from({ length: 101 }, () => input) })).toEqual(['hubspot.batch-too-many@$.inputs']);
    expect(found(`${EVENTS}/batch`, { inputs: Array.from({ length: 501 }, () => event) })).toEqual(['hubspot.batch-too-many@$.inputs']);
  });

  it('needs the fully qualified event name', () => {
    expect(found(EVENTS, { ...event, eventName: 'payment_succeeded' })).toEqual(['hubspot.invalid-event-name@$.eventName']);
  });

  it('needs occurredAt as ISO 8601 or milliseconds, not seconds', () => {
    const seconds = check(EVENTS, { ...event, occurredAt: 1754285445 });
    expect(seconds.map((i) => `${i.code}@${i.path}`)).toEqual(['hubspot.invalid-occurred-at@$.occurredAt']);
    expect(seconds[0]?.message).toContain('seconds');
    expect(found(EVENTS, { ...event, occurredAt: '04/08/2025' })).toEqual(['hubspot.invalid-occurred-at@$.occurredAt']);
  });

  it('applies the event property limits: 50 properties, lowercase names, 256 characters (1,024 for URLs)', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, i]));
    expect(found(EVENTS, { ...event, properties: many })).toEqual(['hubspot.too-many-properties@$.properties']);
    expect(found(EVENTS, { ...event, properties: { AmountPaid: 1 } })).toEqual(['hubspot.invalid-property-name@$.properties.AmountPaid']);
    expect(found(EVENTS, { ...event, properties: { note: 'a'.repeat(256) } })).toEqual([]);
    expect(found(EVENTS, { ...event, properties: { note: 'a'.repeat(257) } })).toEqual(['hubspot.property-value-too-long@$.properties.note']);
    expect(found(EVENTS, { ...event, properties: { page_url: 'a'.repeat(1025) } })).toEqual(['hubspot.property-value-too-long@$.properties.page_url']);
    expect(found(EVENTS, { ...event, properties: { amount: null } })).toEqual(['hubspot.invalid-property-value@$.properties.amount']);
  });

  it('warns of a near miss of a default property name (firstName, first_name), not of custom names', () => {
    expect(check(CONTACTS, { properties: { email: 'ada@example.com', firstName: 'Ada', last_name: 'L', vip_level: 'gold' } })).toMatchObject([
      { code: 'hubspot.property-name-case', path: '$.properties.firstName', severity: 'warning' },
      { code: 'hubspot.property-name-case', path: '$.properties.last_name', severity: 'warning' },
    ]);
    expect(check(UPSERT, { inputs: [{ idProperty: 'email', id: 'a@b.co', properties: { JobTitle: 'CTO' } }] })).toMatchObject([{ code: 'hubspot.property-name-case', path: '$.inputs[0].properties.JobTitle' }]);
    expect(check(UPSERT, upsert)).toEqual([]);
  });

  it('warns about an event occurrence no record can be matched by', () => {
    const { email: _, ...anonymous } = event;
    expect(check(EVENTS, anonymous)).toMatchObject([{ code: 'hubspot.missing-event-identity', path: '$', severity: 'warning' }]);
  });

  it('rejects routes it does not know and matches only HubSpot API hosts', () => {
    expect(found(`${API}/contacts/v1/contact`, {})).toEqual(['hubspot.unknown-endpoint@$']);
    expect(hubspot.matches(new URL('https://api.hubspot.com/events/v3/send'))).toBe(true);
    expect(hubspot.matches(new URL('https://app.hubspot.com/contacts'))).toBe(false);
    expect(HubSpotEventSchema.safeParse(event).success).toBe(true);
  });
});
