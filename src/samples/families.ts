import type { EventType } from '../runtime/events/event-types.js';
import type { PayloadTypeOf } from '../runtime/events/payload-type.js';
import type { EventData } from '../runtime/events/types.js';
import type { AbsentPath, NullPath } from './field-paths.js';

export type PayloadType = PayloadTypeOf<EventType>;

/** Which fields of a family's `data` each variant touches; paths as in field-paths.ts. */
export interface FamilyFields {
  /** Type admits null: `nullable-absent` sets them to null. Checked against the SDK below. */
  readonly nulls: readonly string[];
  /** Optional but not nullable: `nullable-absent` removes them. Checked against the SDK below. */
  readonly absent: readonly string[];
  /** ISO 4217 codes that the currency variants replace. */
  readonly currencies: readonly string[];
  /** Minor-unit amounts (numbers or numeric strings) in those currencies. */
  readonly amounts: readonly string[];
  /** Person and business names: `unicode-names`. */
  readonly names: readonly string[];
  /** Free text a customer or merchant typed: `markup-chars` and `long-strings`. */
  readonly text: readonly string[];
}

const CUSTOMER_NULLS = ['customer.phone_number'] as const;
const BILLING_NULLS = ['billing.city', 'billing.state', 'billing.street', 'billing.zipcode'] as const;
const BILLING_TEXT = ['billing.street', 'billing.city', 'billing.state'] as const;
const NONE = [] as const;

const ONLY_NULLS = { absent: NONE, currencies: NONE, amounts: NONE, names: NONE, text: NONE } as const;

export const FAMILY_FIELDS = {
  Payment: {
    nulls: [
      'card_holder_name', 'card_issuing_country', 'card_last_four', 'card_network', 'card_type',
      'checkout_session_id', 'custom_field_responses', 'discount_id', 'discounts', 'error_code',
      'error_message', 'invoice_id', 'invoice_url', 'payment_link', 'payment_method', 'payment_method_id',
      'payment_method_type', 'product_cart', 'refund_status', 'settlement_tax', 'status', 'subscription_id',
      'tax', 'updated_at', ...CUSTOMER_NULLS, ...BILLING_NULLS,
    ],
    absent: ['customer.metadata'],
    currencies: ['currency', 'settlement_currency', 'refunds.*.currency', 'disputes.*.currency'],
    amounts: ['total_amount', 'tax', 'settlement_amount', 'settlement_tax', 'refunds.*.amount', 'disputes.*.amount'],
    names: ['customer.name', 'card_holder_name'],
    text: [
      'customer.name', 'card_holder_name', 'customer.metadata.*', 'metadata.*', 'custom_field_responses.*.value',
      ...BILLING_TEXT,
    ],
  },
  Subscription: {
    nulls: [
      'cancellation_comment', 'cancellation_feedback', 'cancelled_at', 'custom_field_responses',
      'customer_business_name', 'discount_cycles_remaining', 'discount_id', 'discounts', 'expires_at',
      'paused_at', 'payment_method_id', 'scheduled_change', 'tax_id', 'trial_amount', 'past_due_ends_at',
      ...CUSTOMER_NULLS, ...BILLING_NULLS,
    ],
    absent: ['customer.metadata'],
    currencies: ['currency', 'meters.*.currency'],
    amounts: ['recurring_pre_tax_amount', 'trial_amount'],
    names: ['customer.name', 'customer_business_name'],
    text: [
      'customer.name', 'customer_business_name', 'cancellation_comment', 'customer.metadata.*', 'metadata.*',
      'custom_field_responses.*.value', ...BILLING_TEXT,
    ],
  },
  Refund: {
    nulls: ['amount', 'currency', 'reason', ...CUSTOMER_NULLS],
    absent: ['customer.metadata'],
    currencies: ['currency'],
    amounts: ['amount'],
    names: ['customer.name'],
    text: ['customer.name', 'reason', 'customer.metadata.*', 'metadata.*'],
  },
  Dispute: {
    nulls: ['is_resolved_by_rdr', 'reason', 'remarks', ...CUSTOMER_NULLS],
    absent: ['customer.metadata'],
    currencies: ['currency'],
    amounts: ['amount'],
    names: ['customer.name'],
    text: ['customer.name', 'reason', 'remarks', 'customer.metadata.*'],
  },
  LicenseKey: { ...ONLY_NULLS, nulls: ['activations_limit', 'expires_at', 'payment_id', 'subscription_id'] },
  // Payout texts are written by Dodo, not by customers: no text variants.
  Payout: {
    ...ONLY_NULLS,
    nulls: ['name', 'payout_document_url', 'remarks'],
    currencies: ['currency'],
    amounts: ['amount', 'fee', 'tax', 'refunds', 'chargebacks'],
  },
  CreditLedgerEntry: {
    ...ONLY_NULLS,
    nulls: ['description', 'grant_id', 'reference_id', 'reference_type'],
    text: ['description', 'metadata.*'],
  },
  // Credit amounts count credits, not money, and every field is required: base only.
  CreditBalanceLow: { ...ONLY_NULLS, nulls: NONE },
  AbandonedCheckout: { ...ONLY_NULLS, nulls: ['recovered_payment_id'] },
  DunningAttempt: { ...ONLY_NULLS, nulls: ['payment_id'] },
  EntitlementGrant: {
    ...ONLY_NULLS,
    nulls: [
      'delivered_at', 'digital_product_delivery', 'error_code', 'error_message', 'feature', 'license_key',
      'oauth_expires_at', 'oauth_url', 'payment_id', 'revocation_reason', 'revoked_at', 'subscription_id',
    ],
    text: ['metadata.*'],
  },
} as const satisfies { readonly [P in PayloadType]: FamilyFields };

// The null/absent lists must equal what the pinned SDK types declare, for every event
// type: an SDK release that makes a field nullable (or required) fails the type check
// here, naming the event and the paths that drifted.
type Listed<E extends EventType, L extends 'nulls' | 'absent'> = (typeof FAMILY_FIELDS)[PayloadTypeOf<E>][L][number];
type Drift<Actual, ListedPaths> = Exclude<Actual, ListedPaths> | Exclude<ListedPaths, Actual>;
type NullDrift<E extends EventType> = Drift<NullPath<EventData<E>>, Listed<E, 'nulls'>>;
type AbsentDrift<E extends EventType> = Drift<AbsentPath<EventData<E>>, Listed<E, 'absent'>>;
type Drifted = {
  [E in EventType]: [NullDrift<E> | AbsentDrift<E>] extends [never] ? never : [E, NullDrift<E>, AbsentDrift<E>];
}[EventType];
type NoDrift<T extends never> = T;
type FamilyFieldsMatchSdk = NoDrift<Drifted>;
