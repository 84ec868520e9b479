import type { EventType } from './event-types.js';

/** `data.payload_type` of each event family, as real deliveries carry it. */
export type PayloadTypeOf<E extends EventType> =
  E extends 'credit.balance_low' ? 'CreditBalanceLow'
  : E extends `payment.${string}` ? 'Payment'
  : E extends `subscription.${string}` ? 'Subscription'
  : E extends `refund.${string}` ? 'Refund'
  : E extends `dispute.${string}` ? 'Dispute'
  : E extends `license_key.${string}` ? 'LicenseKey'
  : E extends `credit.${string}` ? 'CreditLedgerEntry'
  : E extends `abandoned_checkout.${string}` ? 'AbandonedCheckout'
  : E extends `dunning.${string}` ? 'DunningAttempt'
  : E extends `entitlement_grant.${string}` ? 'EntitlementGrant'
  : E extends `payout.${string}` ? 'Payout'
  : never;

const BY_PREFIX: Record<string, string> = {
  payment: 'Payment',
  subscription: 'Subscription',
  refund: 'Refund',
  dispute: 'Dispute',
  license_key: 'LicenseKey',
  credit: 'CreditLedgerEntry',
  abandoned_checkout: 'AbandonedCheckout',
  dunning: 'DunningAttempt',
  entitlement_grant: 'EntitlementGrant',
  payout: 'Payout',
};

export function getPayloadType<E extends EventType>(eventType: E): PayloadTypeOf<E> {
  if (eventType === 'credit.balance_low') return 'CreditBalanceLow' as PayloadTypeOf<E>;
  return BY_PREFIX[eventType.slice(0, eventType.indexOf('.'))] as PayloadTypeOf<E>;
}
