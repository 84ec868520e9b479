// Hand-written Dodo webhook envelopes (with the field names of Dodo's payloads) used to build the seed bodies.
const customer = { customer_id: 'cus_1', email: 'ana@example.com', name: 'Ana Lima' };
const timestamp = '2025-08-04T05:30:45.182629Z';

export interface SampleWebhook {
  eventType: string;
  payload: { business_id: string; type: string; timestamp: string; data: Record<string, unknown> & { customer: typeof customer } };
}

export const paymentSucceeded = {
  eventType: 'payment.succeeded',
  payload: {
    business_id: 'bus_1', type: 'payment.succeeded', timestamp,
    data: {
      payload_type: 'Payment', payment_id: 'pay_1', total_amount: 4999, currency: 'USD',
      payment_method: 'card', customer, created_at: timestamp,
    },
  },
} satisfies SampleWebhook;

const subscription = {
  payload_type: 'Subscription', subscription_id: 'sub_1', product_id: 'prod_1', recurring_pre_tax_amount: 1500,
  currency: 'USD', payment_frequency_interval: 'Month', next_billing_date: '2025-09-04T05:30:45.182629Z',
  customer, cancel_at_next_billing_date: false, cancelled_at: null as string | null,
};

export const subscriptionActive = {
  eventType: 'subscription.active',
  payload: { business_id: 'bus_1', type: 'subscription.active', timestamp, data: subscription },
} satisfies SampleWebhook;

export const subscriptionCancelled = {
  eventType: 'subscription.cancelled',
  payload: {
    business_id: 'bus_1', type: 'subscription.cancelled', timestamp,
    data: { ...subscription, cancel_at_next_billing_date: true, cancelled_at: '2025-08-20T10:00:00Z' },
  },
} satisfies SampleWebhook;
