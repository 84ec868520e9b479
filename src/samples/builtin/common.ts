import type { BillingAddress, CustomerLimitedDetails } from 'dodopayments/resources/payments';
import type { EventType } from '../../runtime/events/event-types.js';
import type { DodoEvent, EventData } from '../../runtime/events/types.js';

/** The event types of one family, e.g. `FamilyEvents<'payment'>` = 'payment.succeeded' | …. */
export type FamilyEvents<P extends string> = Extract<EventType, `${P}.${string}`>;

/** One family's samples; a missing or misspelt event type is a compile error. */
export type FamilySamples<P extends string> = { readonly [E in FamilyEvents<P>]: DodoEvent<E> };

// One merchant and one customer across all samples, so that ids line up between
// families the way they do in a real account (the refund points at the payment, …).
export const BUSINESS_ID = 'bus_P7dVv2rKp8wXnQ3sJ9Lm4';
export const BRAND_ID = 'brnd_9cT4qWm2Lx7Vb1Ze6Ra3';
export const CUSTOMER_ID = 'cus_8VbC6JDZzPEqfBPUdpj0K';
export const PRODUCT_ID = 'pdt_3hG7kLq9Zx2Rv5Nw8Tb1Y';
export const PAYMENT_ID = 'pay_2IjeQm4hqU6RA4Z4kwDee';
export const SUBSCRIPTION_ID = 'sub_4tQ8xZrVd2KmPw7LcN1Ja';

// Functions rather than constants so that no two samples share an object.
export function customer(): CustomerLimitedDetails {
  return {
    customer_id: CUSTOMER_ID,
    email: 'ada.lovelace@example.com',
    name: 'Ada Lovelace',
    phone_number: '+14155550132',
    metadata: { crm_id: 'hs_50213', referral: 'newsletter' },
  };
}

export function billing(): BillingAddress {
  return { country: 'US', city: 'San Francisco', state: 'CA', street: '548 Market St', zipcode: '94104' };
}

/** Wraps `data` in the delivery envelope; the explicit `E` keeps each sample exactly typed. */
export function envelope<E extends EventType>(type: E, timestamp: string, data: EventData<E>): DodoEvent<E> {
  return { business_id: BUSINESS_ID, type, timestamp, data };
}
