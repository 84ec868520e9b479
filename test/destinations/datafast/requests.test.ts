import { describe, expect, it } from 'vitest';
import { datafast, DataFastPaymentSchema } from '../../../src/destinations/datafast/index.js';
import type { DataFastPayment } from '../../../src/destinations/datafast/index.js';
import { datafastPayment } from '../../../src/runtime/destinations/datafast-builders.js';
import { check, found } from '../../support/destinations.js';

const URL_ = 'https://datafa.st/api/v1/payments';

const payment: DataFastPayment = {
  amount: 29.99, currency: 'USD', transaction_id: 'pay_2IjeQm4hqU6RA4Z4kwDee', datafast_visitor_id: 'a3ab2331-989f-4cfa-91c6-2461c9e3c6bd',
  email: 'ada@example.com', name: 'Ada Lovelace', customer_id: 'cus_1', renewal: false, timestamp: '2025-08-04T05:30:45.182Z',
};

describe('DataFast: valid requests', () => {
  it('accepts a payment, a refund, a free trial and a renewal without visitor id', () => {
    expect(check(URL_, payment)).toEqual([]);
    expect(check(URL_, { amount: 12.345, currency: 'KWD', transaction_id: 'ref_1', refunded: true })).toEqual([]);
    expect(check(URL_, { amount: 0, currency: 'USD', transaction_id: 'sub_1_trial', is_free_trial: true, customer_email: 'a@b.c' })).toEqual([]);
    expect(check(URL_, { amount: 4500, currency: 'JPY', transaction_id: 'pay_2', customer_id: 'cus_1', renewal: true })).toEqual([]);
    expect(DataFastPaymentSchema.safeParse(payment).success).toBe(true);
  });

  it('builds a payment the schema accepts, without null fields', () => {
    const req = datafastPayment({ amount: 29.99, currency: 'USD', transaction_id: 'pay_1', datafast_visitor_id: null, customer_id: 'cus_1' }, { apiKey: 'df_x' });
    expect(req).toEqual({
      url: URL_, method: 'POST', headers: { Authorization: 'Bearer df_x', 'Content-Type': 'application/json' },
      payload: { amount: 29.99, currency: 'USD', transaction_id: 'pay_1', customer_id: 'cus_1' },
    });
    expect(check(req.url, req.payload)).toEqual([]);
  });
});

describe('DataFast: rules', () => {
  it('needs amount as a number of major units, zero or more', () => {
    const str = check(URL_, { ...payment, amount: '29.99' });
    expect(str.map((i) => `${i.code}@${i.path}`)).toEqual(['datafast.invalid-amount@$.amount']);
    expect(str[0]?.message).toContain('toMajorUnits');
    expect(found(URL_, { ...payment, amount: -29.99 })).toEqual(['datafast.invalid-amount@$.amount']);
    const { amount: _, ...noAmount } = payment;
    expect(found(URL_, noAmount)).toEqual(['datafast.invalid-amount@$.amount']);
  });

  it('needs a 3-letter currency and a transaction_id', () => {
    const { currency: _, ...noCurrency } = payment;
    expect(found(URL_, noCurrency)).toEqual(['datafast.invalid-currency@$.currency']);
    expect(found(URL_, { ...payment, currency: 'usd$' })).toEqual(['datafast.invalid-currency@$.currency']);
    const { transaction_id: __, ...noId } = payment;
    expect(found(URL_, noId)).toEqual(['datafast.missing-transaction-id@$.transaction_id']);
    expect(found(URL_, { ...payment, transaction_id: '' })).toEqual(['datafast.missing-transaction-id@$.transaction_id']);
  });

  it('needs timestamp as an ISO 8601 string', () => {
    expect(found(URL_, { ...payment, timestamp: 1754285445 })).toEqual(['datafast.invalid-timestamp@$.timestamp']);
    expect(found(URL_, { ...payment, timestamp: '04/08/2025' })).toEqual(['datafast.invalid-timestamp@$.timestamp']);
    expect(found(URL_, { ...payment, timestamp: '2025-08-04T05:30:45.182629Z' })).toEqual([]);
  });

  it('takes renewal, refunded and is_free_trial as booleans only', () => {
    expect(found(URL_, { ...payment, renewal: 'true' })).toEqual(['schema.invalid@$.renewal']);
  });

  it('warns when nothing ties the revenue to a visitor or customer', () => {
    expect(check(URL_, { amount: 5, currency: 'USD', transaction_id: 'pay_3' }))
      .toMatchObject([{ code: 'datafast.missing-visitor-id', severity: 'warning' }]);
  });

  it('takes only POST to /api/v1/payments on datafa.st', () => {
    expect(found(URL_, payment, 'PUT')).toEqual(['method.not-post@$']);
    expect(found('https://datafa.st/api/v1/payment', payment)).toEqual(['datafast.unknown-endpoint@$']);
    expect(datafast.matches(new URL('https://datafa.st/api/v1/payments'))).toBe(true);
    expect(datafast.matches(new URL('https://datafast.example.com/api/v1/payments'))).toBe(false);
  });
});
