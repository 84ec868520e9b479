import { describe, expect, it } from 'vitest';
import { checkResult } from '../../src/validate/check-result.js';

const base = { method: 'POST', url: 'https://hooks.acme-shop.io/hook', eventType: 'payment.succeeded', payload: { ok: true } };
const found = (result: unknown) => checkResult(result).issues.map((i) => `${i.severity} ${i.code} ${i.jsonPath}`);

describe('checks of what handler returned', () => {
  it('a well-formed request to an unknown host passes the generic checks', () => {
    expect(checkResult(base)).toEqual({ cancelled: false, issues: [] });
  });

  it('invalid-result when handler returns something other than an object', () => {
    expect(found(null)).toEqual(['error invalid-result $']);
    expect(found([base])).toEqual(['error invalid-result $']);
    expect(found('webhook')).toEqual(['error invalid-result $']);
  });

  it('wrong-auth-scheme: an Authorization scheme the destination does not take, not a missing header', () => {
    const cio = { ...base, url: 'https://track.customer.io/api/v2/entity', payload: { type: 'person', identifiers: { id: 'cus_1' }, action: 'identify', attributes: {} } };
    const auth = (value: string | undefined) => found({ ...cio, ...(value !== undefined && { headers: { authorization: value } }) }).filter((f) => f.includes('auth'));
    expect(auth('Bearer abc123')).toEqual(['error wrong-auth-scheme $.headers["authorization"]']);
    expect(auth('Basic c2l0ZTprZXk=')).toEqual([]);
    expect(auth(undefined)).toEqual([]);
    const [message] = checkResult({ ...cio, headers: { Authorization: 'abc123' } }).issues.filter((i) => i.code === 'wrong-auth-scheme').map((i) => i.message);
    expect(message).toMatch(/^Customer\.io takes Basic authorization \(HTTP Basic with site_id:api_key, base64-encoded\), but the header uses no scheme/);
    // Bearer is right for SendGrid.
    expect(found({ ...base, url: 'https://api.sendgrid.com/v3/mail/send', headers: { Authorization: 'Bearer SG.x' }, payload: {} }).filter((f) => f.includes('auth'))).toEqual([]);
  });

  it('invalid-headers: a name that is no HTTP token, a value beyond Latin-1', () => {
    const headers = (h: Record<string, string>) => found({ ...base, headers: h }).filter((f) => f.includes('invalid-headers'));
    expect(headers({ 'X-A: b': 'v', '': 'v', 'X B': 'v', 'Ünï': 'v' })).toHaveLength(4);
    expect(headers({ 'X-Name': 'Zoë Ā' })).toEqual(['error invalid-headers $.headers["X-Name"]']);
    expect(headers({ 'X-Name': 'Zoë', 'Content-Type': 'application/json', Authorization: 'Bearer x' })).toEqual([]);
  });

  it('invalid-method: GET is an error, PATCH a warning', () => {
    expect(found({ ...base, method: 'GET' })).toEqual(['error invalid-method $.method']);
    expect(found({ ...base, method: 'PATCH' })).toEqual(['warning invalid-method $.method']);
    expect(found({ ...base, method: 'PUT' })).toEqual([]);
  });

  it('invalid-url for relative, http and missing URLs', () => {
    expect(found({ ...base, url: '/v1/track' })).toEqual(['error invalid-url $.url']);
    expect(found({ ...base, url: 'http://api.segment.io/v1/track' })).toEqual(['error invalid-url $.url']);
    expect(found({ ...base, url: undefined })).toEqual(['error invalid-url $.url']);
  });

  it('invalid-headers for non-string values', () => {
    expect(found({ ...base, headers: { 'x-retry': 3 } })).toEqual(['error invalid-headers $.headers["x-retry"]']);
    expect(found({ ...base, headers: 'x' })).toEqual(['error invalid-headers $.headers']);
  });

  it('invalid-cancel for a non-boolean cancel; cancel: true skips every other check', () => {
    expect(found({ ...base, cancel: 'yes' })).toEqual(['error invalid-cancel $.cancel']);
    expect(checkResult({ ...base, url: 'nope', cancel: true })).toEqual({ cancelled: true, issues: [] });
  });

  it('invalid-payload when there is no payload', () => {
    expect(found({ ...base, payload: undefined })).toEqual(['error invalid-payload $.payload']);
  });

  it('the destination schema is picked by URL: an invalid Customer.io action fails, a correct event passes', () => {
    const url = 'https://track.customer.io/api/v2/entity';
    const bad = { ...base, url, payload: { type: 'person', identifiers: { id: 'cus_1' }, action: 'payment_completed', name: 'Payment Completed' } };
    expect(found(bad)).toEqual(['error customerio.invalid-action $.payload.action']);
    const good = { ...base, url, payload: { type: 'person', identifiers: { id: 'cus_1' }, action: 'event', name: 'payment_completed', timestamp: 1754285445 } };
    expect(checkResult(good)).toEqual({ cancelled: false, destination: 'customer-io', issues: [] });
  });
});

describe('bounded issues per request', () => {
  it('lists at most 10 issues of one code, then says there are more', () => {
    const headers = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`x-${i}`, i]));
    const verdict = checkResult({ method: 'POST', url: 'https://api.segment.io/v1/track', headers, payload: {} });
    const bad = verdict.issues.filter((i) => i.code === 'invalid-headers');
    expect(bad).toHaveLength(11);
    expect(bad[10]?.message).toMatch(/and more invalid-headers problems/);
  });
});
