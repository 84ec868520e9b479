import { describe, expect, it } from 'vitest';
import { DESTINATIONS, findDestination } from '../../../src/destinations/registry.js';
import { zapierCatchHookUrl, zapierPayload } from '../../../src/runtime/destinations/zapier-builders.js';
import { zapier, ZapierFlatPayloadSchema, ZAPIER_BODY_LIMIT_BYTES } from '../../../src/destinations/zapier/index.js';
import type { ZapierFlatPayload } from '../../../src/destinations/zapier/index.js';
import { check, found } from '../../support/destinations.js';

const HOOK = 'https://hooks.zapier.com/hooks/catch/1234567/abc12de/';
const flat: ZapierFlatPayload = {
  event_type: 'payment.succeeded', payment_id: 'pay_1', amount: 29.99, amount_minor: 2999, currency: 'USD',
  refunded: false, error_code: null, product_ids: ['prod_1', 'prod_2'],
};

describe('Zapier: valid requests', () => {
  it.each([
    ['a Catch Hook', HOOK],
    ['without the trailing slash', HOOK.slice(0, -1)],
    ['in silent mode', `${HOOK}silent/`],
    ['a legacy hook without account id', 'https://hooks.zapier.com/hooks/catch/abc12de/'],
  ])('%s passes without issues', (_, url) => {
    expect(found(url, flat)).toEqual([]);
  });

  it('accepts nested objects (Zapier flattens them to parent__child fields)', () => {
    expect(found(HOOK, { customer: { id: 'cus_1', email: 'a@b.c' } })).toEqual([]);
  });

  it('exports a flat schema that parses alone', () => {
    expect(ZapierFlatPayloadSchema.safeParse(flat).success).toBe(true);
    expect(ZapierFlatPayloadSchema.safeParse({ items: [{ id: 1 }] }).success).toBe(false);
  });
});

describe('Zapier: rules', () => {
  it('rejects other paths on hooks.zapier.com', () => {
    expect(found('https://hooks.zapier.com/hooks/standard/1234567/abc/', flat)).toEqual(['zapier.unknown-endpoint@$']);
    expect(found('https://hooks.zapier.com/', flat)).toEqual(['zapier.unknown-endpoint@$']);
  });

  it('needs one JSON object: an error for scalars, a warning for arrays', () => {
    expect(check(HOOK, 'payment.succeeded')).toMatchObject([{ code: 'zapier.not-object', path: '$', severity: 'error' }]);
    expect(check(HOOK, null)).toMatchObject([{ code: 'zapier.not-object', severity: 'error' }]);
    expect(check(HOOK, [flat, flat])).toMatchObject([{ code: 'zapier.not-object', severity: 'warning' }]);
  });

  it('warns about arrays of objects or arrays, at any depth', () => {
    const issues = check(HOOK, { ...flat, product_cart: [{ product_id: 'prod_1', quantity: 1 }], meta: { grid: [[1, 2]] } });
    expect(issues.map((i) => `${i.severity}:${i.code}@${i.path}`))
      .toEqual(['warning:zapier.nested-array@$.product_cart', 'warning:zapier.nested-array@$.meta.grid']);
    expect(issues[0]?.message).toContain('line items');
  });

  it('warns about methods other than POST', () => {
    expect(check(HOOK, flat, 'PUT')).toMatchObject([{ code: 'zapier.method-not-post', severity: 'warning' }]);
  });

  it('limits the body to 10 MB', () => {
    expect(found(HOOK, { note: 'a'.repeat(ZAPIER_BODY_LIMIT_BYTES - 20) })).toEqual([]);
    expect(found(HOOK, { note: 'a'.repeat(ZAPIER_BODY_LIMIT_BYTES) })).toEqual(['size.too-large@$']);
  });
});

describe('Zapier: URL matching', () => {
  it('claims hooks.zapier.com only', () => {
    expect(findDestination(HOOK)?.id).toBe('zapier');
    expect(zapier.matches(new URL('https://zapier.com/hooks/catch/1/a/'))).toBe(false);
    expect(zapier.matches(new URL('https://hooks.zapier.com.evil.example/hooks/catch/1/a/'))).toBe(false);
  });

  it('does not overlap other destinations', () => {
    for (const other of DESTINATIONS.filter((d) => d.id !== 'zapier')) {
      expect(other.matches(new URL(HOOK)), other.id).toBe(false);
      for (const host of other.hosts) {
        expect(zapier.matches(new URL(`https://${host.replace('*', 'x')}/hooks/catch/1234567/abc/`)), host).toBe(false);
      }
    }
  });
});

describe('Zapier: builders', () => {
  it('leave out undefined fields and build the hook URL', () => {
    expect(zapierPayload({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
    expect(zapierCatchHookUrl('1234567', 'abc12de')).toBe(HOOK);
    expect(found(zapierCatchHookUrl('1234567', 'abc12de'), zapierPayload(flat))).toEqual([]);
  });
});
