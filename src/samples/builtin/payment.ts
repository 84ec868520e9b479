import type { EventData } from '../../runtime/events/types.js';
import {
  BRAND_ID, BUSINESS_ID, PAYMENT_ID, PRODUCT_ID, SUBSCRIPTION_ID, billing, customer, envelope,
} from './common.js';
import type { FamilySamples } from './common.js';

type PaymentData = EventData<'payment.succeeded'>;

/** A card payment for a $29.99 subscription's first invoice; events override what differs. */
function payment(overrides: Partial<PaymentData>): PaymentData {
  return {
    payload_type: 'Payment',
    payment_id: PAYMENT_ID,
    business_id: BUSINESS_ID,
    brand_id: BRAND_ID,
    status: 'succeeded',
    total_amount: 2999,
    tax: 273,
    currency: 'USD',
    settlement_amount: 2999,
    settlement_tax: 273,
    settlement_currency: 'USD',
    customer: customer(),
    billing: billing(),
    metadata: { order_ref: 'ORD-10482', plan: 'pro', seats: 3 },
    created_at: '2025-08-04T05:30:12.441087Z',
    updated_at: '2025-08-04T05:30:44.903112Z',
    payment_provider: 'stripe',
    payment_method: 'card',
    payment_method_type: 'credit',
    payment_method_id: 'pm_1RsTuVwXyZ2aBcDeFgHiJk',
    card_holder_name: 'Ada Lovelace',
    card_last_four: '4242',
    card_network: 'VISA',
    card_type: 'CREDIT',
    card_issuing_country: 'US',
    retry_attempt: 0,
    digital_products_delivered: false,
    is_multi_subscription: false,
    is_update_payment_method: false,
    subscription_id: SUBSCRIPTION_ID,
    subscription_ids: [SUBSCRIPTION_ID],
    product_cart: [{ product_id: PRODUCT_ID, quantity: 1 }],
    checkout_session_id: 'cks_7YpQ2wErT5uI8oP1aS4dF',
    custom_field_responses: [{ key: 'company', value: 'Analytical Engines Ltd' }],
    invoice_id: 'inv_6NbV4cX2zL9kJ7hG5fD3s',
    invoice_url: 'https://live.dodopayments.com/invoices/payments/pay_2IjeQm4hqU6RA4Z4kwDee',
    discount_id: null,
    discounts: null,
    error_code: null,
    error_message: null,
    refund_status: null,
    refunds: [],
    disputes: [],
    ...overrides,
  };
}

export const PAYMENT_SAMPLES: FamilySamples<'payment'> = {
  'payment.succeeded': envelope('payment.succeeded', '2025-08-04T05:30:45.182629Z', payment({})),
  'payment.failed': envelope('payment.failed', '2025-08-04T06:12:03.550114Z', payment({
    payment_id: 'pay_9QwErTy5UiOp3AsDfGh7J',
    status: 'failed',
    error_code: 'INSUFFICIENT_FUNDS',
    error_message: 'Your card has insufficient funds.',
    card_last_four: '9995',
    invoice_id: null,
    invoice_url: null,
    settlement_amount: 0,
    settlement_tax: 0,
  })),
  'payment.processing': envelope('payment.processing', '2025-08-04T05:30:14.007731Z', payment({
    status: 'processing',
    invoice_id: null,
    invoice_url: null,
  })),
  'payment.cancelled': envelope('payment.cancelled', '2025-08-04T07:45:19.268450Z', payment({
    payment_id: 'pay_5ZxCvBnM1LkJhG8fDsA2q',
    status: 'cancelled',
    payment_method: null,
    payment_method_type: null,
    payment_method_id: null,
    card_holder_name: null,
    card_last_four: null,
    card_network: null,
    card_type: null,
    card_issuing_country: null,
    invoice_id: null,
    invoice_url: null,
    settlement_amount: 0,
    settlement_tax: 0,
  })),
};
