import { describe, expect, it } from 'vitest';
import { appendJsonPath, isRecord, jsonPath, valueAt } from '../../src/util/json.js';

describe('jsonPath', () => {
  it('writes dotted names, indexes and quoted odd keys', () => {
    expect(jsonPath([])).toBe('$');
    expect(jsonPath(['batch', 2, 'identifiers', 'id'])).toBe('$.batch[2].identifiers.id');
    expect(jsonPath(['properties', 'order id'])).toBe('$.properties["order id"]');
  });

  it('formats zod paths', () => {
    expect(jsonPath(['data', 'customer', 'email'])).toBe('$.data.customer.email');
    expect(jsonPath(['data', 'product_cart', 0, 'product_id'])).toBe('$.data.product_cart[0].product_id');
    expect(jsonPath(['metadata', 'order-ref'])).toBe('$.metadata["order-ref"]');
    expect(jsonPath([])).toBe('$');
  });

  it('extends a path one step at a time, the same way', () => {
    expect(appendJsonPath('$.payload', 'total_amount')).toBe('$.payload.total_amount');
    expect(appendJsonPath('$.items', 3)).toBe('$.items[3]');
    expect(appendJsonPath('$', 'order-ref')).toBe('$["order-ref"]');
  });
});

describe('valueAt and isRecord', () => {
  it('read nested values and tell objects from arrays and null', () => {
    expect(valueAt({ a: [{ b: 1 }] }, ['a', 0, 'b'])).toBe(1);
    expect(valueAt({ a: null }, ['a', 'b'])).toBeUndefined();
    expect([isRecord({}), isRecord([]), isRecord(null), isRecord('x')]).toEqual([true, false, false, false]);
  });
});
