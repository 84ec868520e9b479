// Segment integration page, "track payment events" example (reformatted; logic unchanged).
// Converted from segment-payment.js by `dodo-transform import`: it does what the snippet did, bugs included, now type-checked.

import { defineMapping } from 'dodo-transform';

export default defineMapping({
  // Events without a handler are forwarded unchanged, as the snippet did.
  otherEvents: 'passthrough',
  events: {
    'payment.succeeded': (event) => {
      const p = event.data;
      return {
        url: 'https://api.segment.io/v1/track',
        payload: {
          userId: p.customer.customer_id,
          event: 'Payment Completed',
          properties: {
            amount: (p.total_amount / 100).toFixed(2),
            currency: p.currency || 'USD',
            payment_method: p.payment_method || 'unknown',
            payment_id: p.payment_id,
            customer_email: p.customer.email,
            customer_name: p.customer.name
          },
          timestamp: event.timestamp
        },
      };
    },
  },
});
