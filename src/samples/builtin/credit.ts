import type { EventData } from '../../runtime/events/types.js';
import { BRAND_ID, BUSINESS_ID, CUSTOMER_ID, SUBSCRIPTION_ID, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type LedgerData = EventData<'credit.added'>;

const CREDIT_ENTITLEMENT_ID = 'cent_5WsXe3DcRv7FbGt9NhY1u';

/** One ledger entry of an "API credits" entitlement; credit amounts are decimal strings. */
function ledger(
  transaction_type: LedgerData['transaction_type'],
  is_credit: boolean,
  [amount, before, after]: [string, string, string],
  overrides: Partial<LedgerData> = {},
): LedgerData {
  return {
    payload_type: 'CreditLedgerEntry',
    id: 'cle_8IkMj6NhB4gVf2CdX0sZa',
    business_id: BUSINESS_ID,
    brand_id: BRAND_ID,
    customer_id: CUSTOMER_ID,
    credit_entitlement_id: CREDIT_ENTITLEMENT_ID,
    transaction_type,
    is_credit,
    amount,
    balance_before: before,
    balance_after: after,
    overage_before: '0',
    overage_after: '0',
    description: null,
    grant_id: 'cgr_1QaZ2wSx3EdC4rFv5TgB6',
    reference_id: SUBSCRIPTION_ID,
    reference_type: 'subscription',
    metadata: {},
    created_at: '2025-08-04T05:30:48.552190Z',
    ...overrides,
  };
}

export const CREDIT_SAMPLES: FamilySamples<'credit'> = {
  'credit.added': envelope('credit.added', '2025-08-04T05:30:48.913327Z',
    ledger('credit_added', true, ['1000', '0', '1000'], { description: 'Monthly API credits' })),
  'credit.deducted': envelope('credit.deducted', '2025-08-12T21:04:17.288705Z',
    ledger('credit_deducted', false, ['25.5', '1000', '974.5'], {
      reference_id: 'evt_7UjMn5BgT3vFr1CdE9xSw',
      reference_type: 'usage_event',
      metadata: { meter: 'api_requests' },
    })),
  'credit.expired': envelope('credit.expired', '2025-09-04T05:30:13.007421Z',
    ledger('credit_expired', false, ['120', '120', '0'])),
  'credit.rolled_over': envelope('credit.rolled_over', '2025-09-04T05:30:13.221904Z',
    ledger('credit_rolled_over', true, ['120', '1000', '1120'])),
  'credit.rollover_forfeited': envelope('credit.rollover_forfeited', '2025-09-04T05:30:13.398612Z',
    ledger('rollover_forfeited', false, ['80', '200', '120'])),
  'credit.overage_charged': envelope('credit.overage_charged', '2025-08-30T23:59:58.640275Z',
    ledger('overage_charged', false, ['40', '0', '0'], { overage_before: '0', overage_after: '40' })),
  'credit.overage_reset': envelope('credit.overage_reset', '2025-09-04T05:30:13.572093Z',
    ledger('overage_reset', true, ['40', '0', '0'], { overage_before: '40', overage_after: '0' })),
  'credit.manual_adjustment': envelope('credit.manual_adjustment', '2025-08-14T10:22:06.845531Z',
    ledger('manual_adjustment', true, ['250', '974.5', '1224.5'], {
      description: 'Goodwill credit after the 12 August outage',
      reference_id: null,
      reference_type: null,
      metadata: { approved_by: 'support@example.com' },
    })),
  'credit.balance_low': envelope('credit.balance_low', '2025-08-28T17:36:40.117958Z', {
    payload_type: 'CreditBalanceLow',
    brand_id: BRAND_ID,
    customer_id: CUSTOMER_ID,
    subscription_id: SUBSCRIPTION_ID,
    credit_entitlement_id: CREDIT_ENTITLEMENT_ID,
    credit_entitlement_name: 'API credits',
    available_balance: '95',
    subscription_credits_amount: '1000',
    threshold_amount: '100',
    threshold_percent: 10,
  }),
};
