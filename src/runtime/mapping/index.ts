// The module a mapping sees as "dodo-transform": everything here may be bundled into a
// snippet, so it must stay free of Node APIs and side effects.
export { defineMapping, skip } from './define-mapping.js';
export type {
  EventHandler, EventHandlers, HttpMethod, Mapping, MappingResult, Send, Skip, WebhookContext,
} from './define-mapping.js';
export { DESTINATION_IDS, type DestinationId } from './destination-ids.js';
export { EVENT_TYPES, isEventType } from '../events/event-types.js';
export type { EventType } from '../events/event-types.js';
export type { AnyDodoEvent, DodoEvent, EventData } from '../events/types.js';
export type { PayloadTypeOf } from '../events/payload-type.js';
export { CURRENCY_EXPONENTS, formatMoney, getCurrencyExponent, toMajorUnits } from '../helpers/money.js';
export { escapeDiscordMarkdown, escapeHtml, escapeSlackText } from '../helpers/escape.js';
export { truncate, truncateBytes, utf8Length } from '../helpers/truncate.js';
export { formatDate, toUnixMillis, toUnixSeconds } from '../helpers/dates.js';
export { splitName } from '../helpers/names.js';
export { toFlatRecord, type FlatRecord, type FlatRecordEvent, type FlatRecordEventType, type FlatValue } from '../helpers/flat-record.js';
