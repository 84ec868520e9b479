import type { EventType } from '../runtime/events/event-types.js';
import type { DodoEvent } from '../runtime/events/types.js';
import { deepFreeze } from '../util/json.js';
import { ABANDONED_CHECKOUT_SAMPLES } from './builtin/abandoned-checkout.js';
import { CREDIT_SAMPLES } from './builtin/credit.js';
import { DISPUTE_SAMPLES } from './builtin/dispute.js';
import { DUNNING_SAMPLES } from './builtin/dunning.js';
import { ENTITLEMENT_GRANT_SAMPLES } from './builtin/entitlement-grant.js';
import { LICENSE_KEY_SAMPLES } from './builtin/license-key.js';
import { PAYMENT_SAMPLES } from './builtin/payment.js';
import { PAYOUT_SAMPLES } from './builtin/payout.js';
import { REFUND_SAMPLES } from './builtin/refund.js';
import { SUBSCRIPTION_SAMPLES } from './builtin/subscription.js';

export type BuiltinSamples = { readonly [E in EventType]: DodoEvent<E> };


/**
 * One realistic delivery per event type. Frozen because every caller shares it:
 * code that wants to change a sample must take a copy via `getBuiltinSample`.
 */
export const BUILTIN_SAMPLES: BuiltinSamples = deepFreeze({
  ...PAYMENT_SAMPLES,
  ...REFUND_SAMPLES,
  ...DISPUTE_SAMPLES,
  ...SUBSCRIPTION_SAMPLES,
  ...LICENSE_KEY_SAMPLES,
  ...PAYOUT_SAMPLES,
  ...CREDIT_SAMPLES,
  ...ABANDONED_CHECKOUT_SAMPLES,
  ...DUNNING_SAMPLES,
  ...ENTITLEMENT_GRANT_SAMPLES,
});

/** A deep, mutable copy of the built-in sample of `eventType`. */
export function getBuiltinSample<E extends EventType>(eventType: E): DodoEvent<E> {
  // Indexing a mapped type with a generic key yields the union; the mapped type
  // guarantees the entry for E is a DodoEvent<E>, which the annotation restores.
  const sample: DodoEvent<E> = BUILTIN_SAMPLES[eventType];
  return structuredClone(sample);
}

export { getVariants, VARIANT_NAMES } from './variants.js';
export type { SampleVariant, VariantName } from './variants.js';
export { loadSampleFiles } from './load-samples.js';
export type { LoadedSample, SampleProblem } from './load-samples.js';
export { suggest } from '../util/suggest.js';
