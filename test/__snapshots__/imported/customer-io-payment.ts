// Customer.io integration page, "track payment events" example (reformatted; logic unchanged).
// Converted from customer-io-payment.js by `dodo-transform import`: it does what the snippet did, bugs included, now type-checked.

import { defineMapping } from 'dodo-transform';

export default defineMapping({
  // Events without a handler are forwarded unchanged, as the snippet did.
  otherEvents: 'passthrough',
  events: {
    'payment.succeeded': (event) => {
      const p = event.data;
      return {
        url: 'https://track.customer.io/api/v2/entity',
        payload: {
          type: 'person',
          identifiers: {
            id: p.customer.customer_id
          },
          action: 'payment_completed',
          name: 'Payment Completed',
          attributes: {
            email: p.customer.email,
            name: p.customer.name,
            payment_amount: (p.total_amount / 100).toFixed(2),
            payment_method: p.payment_method || 'unknown',
            payment_id: p.payment_id,
            currency: p.currency || 'USD'
          }
        },
      };
    },
  },
});
