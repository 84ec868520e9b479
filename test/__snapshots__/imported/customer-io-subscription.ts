// Customer.io integration page, "track the subscription lifecycle" example (reformatted; logic unchanged).
// Converted from customer-io-subscription.js by `dodo-transform import`: it does what the snippet did, bugs included, now type-checked.

import { defineMapping } from 'dodo-transform';

export default defineMapping({
  // Events without a handler are forwarded unchanged, as the snippet did.
  otherEvents: 'passthrough',
  events: {
    'subscription.active': (event) => {
      const s = event.data;
      return {
        url: 'https://track.customer.io/api/v2/entity',
        payload: {
          type: 'person',
          identifiers: {
            id: s.customer.customer_id
          },
          action: 'subscription_started',
          name: 'Subscription Started',
          attributes: {
            email: s.customer.email,
            subscription_id: s.subscription_id,
            product_id: s.product_id,
            amount: (s.recurring_pre_tax_amount / 100).toFixed(2),
            frequency: s.payment_frequency_interval,
            next_billing: s.next_billing_date
          }
        },
      };
    },
    'subscription.cancelled': (event) => {
      const s = event.data;
      return {
        url: 'https://track.customer.io/api/v2/entity',
        payload: {
          type: 'person',
          identifiers: {
            id: s.customer.customer_id
          },
          action: 'subscription_cancelled',
          name: 'Subscription Cancelled',
          attributes: {
            email: s.customer.email,
            subscription_id: s.subscription_id,
            cancelled_at: s.cancelled_at,
            cancel_at_next_billing: s.cancel_at_next_billing_date
          }
        },
      };
    },
  },
});
