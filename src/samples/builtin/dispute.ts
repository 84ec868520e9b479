import type { DisputeStatus } from 'dodopayments/resources/disputes';
import type { EventData } from '../../runtime/events/types.js';
import { BUSINESS_ID, PAYMENT_ID, customer, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type DisputeData = EventData<'dispute.opened'>;

/**
 * A chargeback on the sample payment. `amount` is a string here, as Dodo sends it;
 * the `dispute-amount-number` variant covers the number form.
 */
function dispute(status: DisputeStatus, overrides: Partial<DisputeData> = {}): DisputeData {
  return {
    payload_type: 'Dispute',
    dispute_id: 'dsp_4RtYu7IoP2aSd5FgH8jKl',
    payment_id: PAYMENT_ID,
    business_id: BUSINESS_ID,
    amount: '400',
    currency: 'USD',
    dispute_stage: 'dispute',
    dispute_status: status,
    customer: customer(),
    reason: 'Product not received',
    remarks: 'Cardholder says the licence email never arrived.',
    is_resolved_by_rdr: false,
    created_at: '2025-08-18T09:41:56.775023Z',
    ...overrides,
  };
}

export const DISPUTE_SAMPLES: FamilySamples<'dispute'> = {
  'dispute.opened': envelope('dispute.opened', '2025-08-18T09:41:58.204561Z', dispute('dispute_opened')),
  'dispute.expired': envelope('dispute.expired', '2025-09-01T00:00:03.118092Z', dispute('dispute_expired')),
  'dispute.accepted': envelope('dispute.accepted', '2025-08-19T10:12:40.530977Z', dispute('dispute_accepted')),
  'dispute.cancelled': envelope('dispute.cancelled', '2025-08-21T13:27:05.884310Z', dispute('dispute_cancelled')),
  'dispute.challenged': envelope('dispute.challenged', '2025-08-19T10:15:22.061748Z',
    dispute('dispute_challenged', { remarks: 'Delivery logs and licence activation submitted as evidence.' })),
  'dispute.won': envelope('dispute.won', '2025-09-12T07:58:31.427609Z', dispute('dispute_won')),
  'dispute.lost': envelope('dispute.lost', '2025-09-12T07:58:31.993150Z',
    dispute('dispute_lost', { dispute_stage: 'pre_arbitration' })),
};
