import type { EventData } from '../../runtime/events/types.js';
import { BRAND_ID, PRODUCT_ID, SUBSCRIPTION_ID, billing, customer, envelope } from './common.js';
import type { FamilySamples } from './common.js';

type SubscriptionData = EventData<'subscription.active'>;

/** A monthly $24.99 + tax plan with one add-on; events override what differs. */
function subscription(overrides: Partial<SubscriptionData>): SubscriptionData {
  return {
    payload_type: 'Subscription',
    subscription_id: SUBSCRIPTION_ID,
    brand_id: BRAND_ID,
    product_id: PRODUCT_ID,
    quantity: 1,
    status: 'active',
    recurring_pre_tax_amount: 2499,
    currency: 'USD',
    tax_inclusive: false,
    customer: customer(),
    customer_business_name: 'Analytical Engines Ltd',
    billing: billing(),
    metadata: { plan: 'pro', seats: 3, annual_upsell: false },
    created_at: '2025-08-04T05:30:12.441087Z',
    previous_billing_date: '2025-08-04T05:30:12.441087Z',
    next_billing_date: '2025-09-04T05:30:12.441087Z',
    payment_frequency_interval: 'Month',
    payment_frequency_count: 1,
    subscription_period_interval: 'Year',
    subscription_period_count: 10,
    trial_period_days: 0,
    cancel_at_next_billing_date: false,
    has_payment_method: true,
    payment_method_id: 'pm_1RsTuVwXyZ2aBcDeFgHiJk',
    on_demand: false,
    addons: [{ addon_id: 'adn_2Lk8Jh5Gf3Ds1Aq9Wz7Xc', quantity: 2 }],
    credit_entitlement_cart: [],
    meter_credit_entitlement_cart: [],
    meters: [],
    custom_field_responses: [{ key: 'company', value: 'Analytical Engines Ltd' }],
    cancelled_at: null,
    cancellation_feedback: null,
    cancellation_comment: null,
    expires_at: null,
    paused_at: null,
    discount_id: null,
    discounts: null,
    discount_cycles_remaining: null,
    scheduled_change: null,
    tax_id: null,
    trial_amount: null,
    ...overrides,
  };
}

const RENEWED = {
  previous_billing_date: '2025-09-04T05:30:12.441087Z',
  next_billing_date: '2025-10-04T05:30:12.441087Z',
};

export const SUBSCRIPTION_SAMPLES: FamilySamples<'subscription'> = {
  'subscription.active': envelope('subscription.active', '2025-08-04T05:30:46.019284Z', subscription({})),
  'subscription.renewed': envelope('subscription.renewed', '2025-09-04T05:31:02.774310Z', subscription(RENEWED)),
  'subscription.on_hold': envelope('subscription.on_hold', '2025-09-04T05:31:05.118845Z',
    subscription({ status: 'on_hold' })),
  'subscription.past_due': envelope('subscription.past_due', '2025-09-04T05:31:04.660913Z',
    subscription({ status: 'past_due', past_due_ends_at: '2025-09-11T05:31:04.660913Z' })),
  'subscription.paused': envelope('subscription.paused', '2025-08-20T14:02:37.391552Z',
    subscription({ status: 'paused', paused_at: '2025-08-20T14:02:37.391552Z' })),
  'subscription.unpaused': envelope('subscription.unpaused', '2025-08-27T09:15:48.820036Z', subscription({})),
  'subscription.cancelled': envelope('subscription.cancelled', '2025-08-22T18:44:10.503671Z', subscription({
    status: 'cancelled',
    cancelled_at: '2025-08-22T18:44:10.503671Z',
    cancellation_feedback: 'too_expensive',
    cancellation_comment: 'Moving to the annual plan through my employer.',
  })),
  'subscription.failed': envelope('subscription.failed', '2025-08-04T06:12:04.093370Z',
    subscription({ status: 'failed', has_payment_method: false, payment_method_id: null })),
  'subscription.expired': envelope('subscription.expired', '2035-08-04T05:30:15.000412Z', subscription({
    status: 'expired',
    expires_at: '2035-08-04T05:30:12.441087Z',
    previous_billing_date: '2035-07-04T05:30:12.441087Z',
    next_billing_date: '2035-08-04T05:30:12.441087Z',
  })),
  'subscription.plan_changed': envelope('subscription.plan_changed', '2025-08-15T11:20:33.257908Z', subscription({
    product_id: 'pdt_8Mn4Bv6Cx1Zl3Kj5Hg7Fd',
    recurring_pre_tax_amount: 4999,
    quantity: 5,
    metadata: { plan: 'team', seats: 5, annual_upsell: false },
  })),
  'subscription.updated': envelope('subscription.updated', '2025-08-15T11:20:33.604415Z', subscription({
    metadata: { plan: 'pro', seats: 4, annual_upsell: true },
    cancel_at_next_billing_date: true,
  })),
  'subscription.update_payment_method': envelope('subscription.update_payment_method', '2025-08-30T08:03:51.947121Z',
    subscription({ payment_method_id: 'pm_8KjHgFdSaQwErTyUiOpLz' })),
};
