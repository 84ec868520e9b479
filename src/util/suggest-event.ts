import { EVENT_ALIASES } from '../runtime/events/event-aliases.js';
import { EVENT_TYPES } from '../runtime/events/event-types.js';
import { suggest } from './suggest.js';

/** The Dodo event type a misspelt or foreign name most likely means ("subscription.created" → "subscription.active"). */
export function suggestEventType(name: string): string | undefined {
  return EVENT_ALIASES[name] ?? suggest(name, EVENT_TYPES);
}
