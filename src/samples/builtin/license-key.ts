import { BRAND_ID, BUSINESS_ID, CUSTOMER_ID, PAYMENT_ID, PRODUCT_ID, envelope } from './common.js';
import type { FamilySamples } from './common.js';

export const LICENSE_KEY_SAMPLES: FamilySamples<'license_key'> = {
  'license_key.created': envelope('license_key.created', '2025-08-04T05:30:47.336218Z', {
    payload_type: 'LicenseKey',
    id: 'lic_6TyUi8OpA3sDf1GhJ5kLz',
    key: '2b1f6c0e-8d4a-4f7b-9e3c-5a7d1b9f0c42',
    business_id: BUSINESS_ID,
    brand_id: BRAND_ID,
    customer_id: CUSTOMER_ID,
    product_id: PRODUCT_ID,
    payment_id: PAYMENT_ID,
    subscription_id: null,
    status: 'active',
    source: 'auto',
    instances_count: 0,
    activations_limit: 3,
    expires_at: '2026-08-04T05:30:12.441087Z',
    created_at: '2025-08-04T05:30:47.101945Z',
  }),
};
