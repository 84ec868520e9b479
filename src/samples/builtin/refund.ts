import type { EventData } from '../../runtime/events/types.js';
import { BRAND_ID, BUSINESS_ID, PAYMENT_ID, customer, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type RefundData = EventData<'refund.succeeded'>;

/** A full refund of the $29.99 sample payment. */
function refund(overrides: Partial<RefundData>): RefundData {
  return {
    payload_type: 'Refund',
    refund_id: 'ref_7HgFd3SaQ1wE5rTy9UiOp',
    payment_id: PAYMENT_ID,
    business_id: BUSINESS_ID,
    brand_id: BRAND_ID,
    customer: customer(),
    status: 'succeeded',
    is_partial: false,
    amount: 2999,
    currency: 'USD',
    reason: 'Charged twice for the same month',
    metadata: { ticket: 'SUP-2207' },
    created_at: '2025-08-10T16:05:27.318246Z',
    ...overrides,
  };
}

export const REFUND_SAMPLES: FamilySamples<'refund'> = {
  'refund.succeeded': envelope('refund.succeeded', '2025-08-10T16:05:29.640117Z', refund({})),
  'refund.failed': envelope('refund.failed', '2025-08-10T16:05:30.102839Z', refund({ status: 'failed' })),
};
