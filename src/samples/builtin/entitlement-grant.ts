import type { LicenseKeyGrant } from 'dodopayments/resources/entitlements/grants';
import type { EventData } from '../../runtime/events/types.js';
import { BRAND_ID, BUSINESS_ID, CUSTOMER_ID, PAYMENT_ID, SUBSCRIPTION_ID, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type GrantData = EventData<'entitlement_grant.created'>;

/** A licence-key entitlement granted for the sample subscription. */
function grant(overrides: Partial<GrantData>): GrantData {
  return {
    payload_type: 'EntitlementGrant',
    id: 'egr_2WsXc4RfVb6YhNm8IkL0p',
    business_id: BUSINESS_ID,
    brand_id: BRAND_ID,
    customer_id: CUSTOMER_ID,
    entitlement_id: 'ent_9OlP7iKu5JyH3gTf1RdE2',
    integration_type: 'license_key',
    status: 'Pending',
    payment_id: PAYMENT_ID,
    subscription_id: SUBSCRIPTION_ID,
    license_key: null,
    metadata: { source: 'checkout' },
    delivered_at: null,
    error_code: null,
    error_message: null,
    revoked_at: null,
    revocation_reason: null,
    created_at: '2025-08-04T05:30:46.870342Z',
    updated_at: '2025-08-04T05:30:46.870342Z',
    ...overrides,
  };
}

const LICENSE_KEY: LicenseKeyGrant = {
  id: 'lic_6TyUi8OpA3sDf1GhJ5kLz',
  key: '2b1f6c0e-8d4a-4f7b-9e3c-5a7d1b9f0c42',
  status: 'active',
  activations_used: 0,
  activations_limit: 3,
  expires_at: '2026-08-04T05:30:12.441087Z',
};

export const ENTITLEMENT_GRANT_SAMPLES: FamilySamples<'entitlement_grant'> = {
  'entitlement_grant.created': envelope('entitlement_grant.created', '2025-08-04T05:30:46.993715Z', grant({})),
  'entitlement_grant.delivered': envelope('entitlement_grant.delivered', '2025-08-04T05:30:47.412908Z', grant({
    status: 'Delivered',
    license_key: { ...LICENSE_KEY },
    delivered_at: '2025-08-04T05:30:47.336218Z',
    updated_at: '2025-08-04T05:30:47.336218Z',
  })),
  'entitlement_grant.failed': envelope('entitlement_grant.failed', '2025-08-04T05:30:47.268054Z', grant({
    status: 'Failed',
    error_code: 'LICENSE_KEY_LIMIT_REACHED',
    error_message: 'The product has no licence keys left to issue.',
    updated_at: '2025-08-04T05:30:47.201137Z',
  })),
  'entitlement_grant.revoked': envelope('entitlement_grant.revoked', '2025-08-22T18:44:11.026593Z', grant({
    status: 'Revoked',
    license_key: { ...LICENSE_KEY, status: 'disabled' },
    delivered_at: '2025-08-04T05:30:47.336218Z',
    revoked_at: '2025-08-22T18:44:10.930118Z',
    revocation_reason: 'subscription_cancelled',
    updated_at: '2025-08-22T18:44:10.930118Z',
  })),
};
