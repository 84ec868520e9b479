import type { EventData } from '../../runtime/events/types.js';
import { BRAND_ID, CUSTOMER_ID, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type CheckoutData = EventData<'abandoned_checkout.detected'>;

/** The failed sample payment, later recovered by a second attempt. */
function checkout(overrides: Partial<CheckoutData>): CheckoutData {
  return {
    payload_type: 'AbandonedCheckout',
    brand_id: BRAND_ID,
    customer_id: CUSTOMER_ID,
    payment_id: 'pay_9QwErTy5UiOp3AsDfGh7J',
    abandoned_at: '2025-08-04T06:12:03.550114Z',
    abandonment_reason: 'payment_failed',
    status: 'abandoned',
    recovered_payment_id: null,
    ...overrides,
  };
}

export const ABANDONED_CHECKOUT_SAMPLES: FamilySamples<'abandoned_checkout'> = {
  'abandoned_checkout.detected': envelope('abandoned_checkout.detected', '2025-08-04T07:12:05.664021Z',
    checkout({})),
  'abandoned_checkout.recovered': envelope('abandoned_checkout.recovered', '2025-08-05T09:03:27.390448Z',
    checkout({ status: 'recovered', recovered_payment_id: 'pay_1LkJhGfDsAzXcVbNm2Qw3' })),
};
