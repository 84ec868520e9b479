import type { EventData } from '../../runtime/events/types.js';
import { BUSINESS_ID, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type PayoutData = EventData<'payout.created'>;

/** July's payout: $1,845.23 net of $12.50 fees, one $29.99 refund, no chargebacks. */
function payout(overrides: Partial<PayoutData>): PayoutData {
  return {
    payload_type: 'Payout',
    payout_id: 'pout_3EdCv5RfTg7BhY9nJu1Mk',
    business_id: BUSINESS_ID,
    name: 'July 2025 payout',
    amount: 184523,
    currency: 'USD',
    fee: 1250,
    tax: 0,
    refunds: 2999,
    chargebacks: 0,
    payment_method: 'bank_transfer',
    status: 'not_initiated',
    payout_document_url: null,
    remarks: null,
    created_at: '2025-08-01T00:00:05.211874Z',
    updated_at: '2025-08-01T00:00:05.211874Z',
    ...overrides,
  };
}

export const PAYOUT_SAMPLES: FamilySamples<'payout'> = {
  'payout.created': envelope('payout.created', '2025-08-01T00:00:06.093125Z', payout({})),
  'payout.on_hold': envelope('payout.on_hold', '2025-08-01T09:30:00.418726Z', payout({
    status: 'on_hold',
    remarks: 'Pending verification of the updated bank account.',
    updated_at: '2025-08-01T09:30:00.418726Z',
  })),
  'payout.in_progress': envelope('payout.in_progress', '2025-08-02T03:00:11.652390Z',
    payout({ status: 'in_progress', updated_at: '2025-08-02T03:00:11.652390Z' })),
  'payout.failed': envelope('payout.failed', '2025-08-03T11:47:29.005817Z', payout({
    status: 'failed',
    remarks: 'Beneficiary bank rejected the transfer: account closed.',
    updated_at: '2025-08-03T11:47:29.005817Z',
  })),
  'payout.success': envelope('payout.success', '2025-08-04T02:15:44.730561Z', payout({
    status: 'success',
    payout_document_url: 'https://live.dodopayments.com/payouts/pout_3EdCv5RfTg7BhY9nJu1Mk/statement.pdf',
    updated_at: '2025-08-04T02:15:44.730561Z',
  })),
};
