// Names other platforms give the events Dodo sends: spelling alone would guess wrong
// ("subscription.created" is nearest to "subscription.updated", but means "subscription.active").
import type { EventType } from './event-types.js';

export const EVENT_ALIASES: Readonly<Record<string, EventType>> = {
  'subscription.created': 'subscription.active', 'subscription.started': 'subscription.active',
  'subscription.canceled': 'subscription.cancelled', 'subscription.deleted': 'subscription.cancelled',
  'payment.completed': 'payment.succeeded', 'payment.created': 'payment.succeeded', 'payment.success': 'payment.succeeded',
  'checkout.completed': 'payment.succeeded', 'invoice.paid': 'payment.succeeded', 'refund.created': 'refund.succeeded',
};
