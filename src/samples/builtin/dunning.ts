import type { EventData } from '../../runtime/events/types.js';
import { BRAND_ID, CUSTOMER_ID, SUBSCRIPTION_ID, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type DunningData = EventData<'dunning.started'>;

/** Dunning after the sample subscription's renewal failed and it went on hold. */
function dunning(overrides: Partial<DunningData>): DunningData {
  return {
    payload_type: 'DunningAttempt',
    brand_id: BRAND_ID,
    customer_id: CUSTOMER_ID,
    subscription_id: SUBSCRIPTION_ID,
    trigger_state: 'on_hold',
    status: 'recovering',
    payment_id: null,
    created_at: '2025-09-04T05:31:05.302716Z',
    ...overrides,
  };
}

export const DUNNING_SAMPLES: FamilySamples<'dunning'> = {
  'dunning.started': envelope('dunning.started', '2025-09-04T05:31:05.487230Z', dunning({})),
  'dunning.recovered': envelope('dunning.recovered', '2025-09-06T12:48:19.915604Z',
    dunning({ status: 'recovered', payment_id: 'pay_6YhNb4TgV2rFc8EdX0wSz' })),
};
