import { suggestEventType } from '../util/suggest-event.js';
import { isEventType, type EventType } from '../runtime/events/event-types.js';
import { UserError } from '../util/errors.js';
import { suggest } from '../util/suggest.js';
import { BUILTIN_SAMPLES } from './index.js';
import { getVariants, VARIANT_NAMES, type SampleVariant } from './variants.js';

/** "payment.succeeded" checked, with a "did you mean" for a typo (a usage error, exit 2). */
export function toEventType(value: string): EventType {
  if (isEventType(value)) return value;
  const guess = suggestEventType(value);
  throw new UserError(`"${value}" is not a Dodo event type${guess ? `; did you mean "${guess}"?` : ''} (list them: dodo-transform samples)`);
}

/** The variants of one event's built-in sample, in report order. */
export function getBuiltinVariants(eventType: EventType): SampleVariant[] {
  return getVariants(BUILTIN_SAMPLES[eventType]);
}

/**
 * One built-in sample: `variant` as reports print it (`builtin/currency-jpy`) or bare
 * (`currency-jpy`); default `base`. Unknown names get a "did you mean".
 */
export function getBuiltinVariant(eventType: EventType, variant = 'base'): SampleVariant {
  const name = variant.replace(/^builtin\//, '');
  const variants = getBuiltinVariants(eventType);
  const found = variants.find((v) => v.name === name);
  if (found) return { name: found.name, event: structuredClone(found.event) };
  if ((VARIANT_NAMES as readonly string[]).includes(name)) {
    throw new UserError(`${eventType} has no "${name}" variant; its variants are ${variants.map((v) => v.name).join(', ')}`);
  }
  const guess = suggest(name, VARIANT_NAMES);
  throw new UserError(`"${variant}" is not a sample variant${guess ? `; did you mean "${guess}"?` : ''} (${eventType} has ${variants.map((v) => v.name).join(', ')})`);
}
