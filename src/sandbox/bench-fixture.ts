// A typical snippet (about 1.7 KB, the shape the compiler emits for a Segment mapping) and a
// typical payment.succeeded webhook, for the benchmark and the tests.

export const TYPICAL_SNIPPET = `var EXPONENTS = { JPY: 0, KRW: 0, VND: 0, CLP: 0, PYG: 0, XAF: 0, XOF: 0, KWD: 3, BHD: 3, OMR: 3, JOD: 3, TND: 3 };
function exponentOf(currency) {
  var e = EXPONENTS[String(currency).toUpperCase()];
  return e === undefined ? 2 : e;
}
function toMajor(amount, currency) {
  return amount / Math.pow(10, exponentOf(currency));
}
function trackPayment(event, name) {
  var data = event.data;
  var customer = data.customer || {};
  return {
    userId: customer.customer_id,
    event: name,
    timestamp: event.timestamp,
    messageId: event.type + ":" + data.payment_id,
    properties: {
      order_id: data.payment_id,
      revenue: toMajor(data.total_amount, data.currency),
      total: toMajor(data.total_amount, data.currency),
      currency: data.currency,
      payment_method: data.payment_method ?? null,
      products: (data.product_cart || []).map(function (p) { return { product_id: p.product_id, quantity: p.quantity }; }),
      country: data.billing?.country,
      created_at: new Date(data.created_at).toISOString(),
    },
    context: { traits: { email: customer.email, name: customer.name } },
  };
}
function handler(webhook) {
  var event = webhook.payload;
  switch (webhook.eventType) {
    case "payment.succeeded":
      webhook.payload = trackPayment(event, "Order Completed");
      break;
    case "payment.failed":
      webhook.payload = trackPayment(event, "Payment Failed");
      break;
    case "refund.succeeded":
      webhook.payload = { userId: event.data.customer.customer_id, event: "Order Refunded", properties: { order_id: event.data.payment_id } };
      break;
    default:
      webhook.cancel = true;
      return webhook;
  }
  webhook.url = "https://api.segment.io/v1/track";
  webhook.method = "POST";
  webhook.headers = { "Content-Type": "application/json" };
  return webhook;
}
`;

export const TYPICAL_INPUT = {
  method: 'POST',
  url: 'https://example.com/webhooks/dodo',
  eventType: 'payment.succeeded',
  env: {},
  payload: {
    business_id: 'bus_P9u2rLxk1bq7Yd0s',
    type: 'payment.succeeded',
    timestamp: '2025-08-04T05:30:45.182629Z',
    data: {
      payload_type: 'Payment',
      payment_id: 'pay_2IjeQm4hqU6RA4Z4kwDee',
      business_id: 'bus_P9u2rLxk1bq7Yd0s',
      total_amount: 12999,
      settlement_amount: 12999,
      currency: 'USD',
      settlement_currency: 'USD',
      status: 'succeeded',
      payment_method: 'card',
      payment_method_type: null,
      payment_provider: 'stripe',
      retry_attempt: 0,
      created_at: '2025-08-04T05:30:41.000000Z',
      customer: { customer_id: 'cus_8VbC6JDZzPEqfBPUdpj0K', email: 'ada@example.com', name: 'Ada Lovelace', phone_number: null, metadata: {} },
      billing: { country: 'US', state: 'CA', city: 'San Francisco', street: '1 Market St', zipcode: '94105' },
      metadata: { plan: 'pro', source: 'landing' },
      product_cart: [{ product_id: 'pdt_AqXTb6y1QxVsUeJ0', quantity: 1 }],
      subscription_id: null,
      subscription_ids: [],
      refunds: [],
      disputes: [],
      discounts: null,
      tax: 1083,
      error_code: null,
      error_message: null,
      invoice_id: 'inv_0QpH4aw3q6m2',
      invoice_url: null,
      card_last_four: '4242',
      card_network: 'VISA',
      card_type: 'credit',
      card_issuing_country: 'US',
    },
  },
};
