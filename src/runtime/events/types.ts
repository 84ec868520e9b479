import type { UnwrapWebhookEvent } from 'dodopayments/resources/webhooks/webhooks';
import type { CustomerLimitedDetails } from 'dodopayments/resources/payments';
import type { EventType } from './event-types.js';
import type { PayloadTypeOf } from './payload-type.js';

type SdkEvent<E extends EventType> = Extract<UnwrapWebhookEvent, { type: E }>;

/**
 * Corrections to the SDK's dispute type, which describes the dispute resource
 * rather than what a dispute webhook delivers: deliveries carry `customer` and
 * `reason`, and `amount` has been seen both as a string ("400") and a number.
 */
interface DisputeDeliveryFields {
  amount: string | number;
  customer: CustomerLimitedDetails;
  reason?: string | null;
}

type DataOf<E extends EventType> = E extends `dispute.${string}`
  ? Omit<SdkEvent<E>['data'], keyof DisputeDeliveryFields> & DisputeDeliveryFields
  : SdkEvent<E>['data'];

/** The `data` of event `E` exactly as delivered, `payload_type` included (the SDK omits it). */
export type EventData<E extends EventType> = DataOf<E> & { payload_type: PayloadTypeOf<E> };

/** The webhook envelope of one Dodo event type: what `webhook.payload` holds. */
export interface DodoEvent<E extends EventType = EventType> {
  business_id: string;
  type: E;
  /** ISO 8601, e.g. "2025-08-04T05:30:45.182629Z". */
  timestamp: string;
  data: EventData<E>;
}

/** Any Dodo event, discriminated on `type`. */
export type AnyDodoEvent = { [E in EventType]: DodoEvent<E> }[EventType];
