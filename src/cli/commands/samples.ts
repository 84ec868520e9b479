import { EVENT_TYPES } from '../../runtime/events/event-types.js';
import { getBuiltinVariant, getBuiltinVariants, toEventType } from '../../samples/builtin-variant.js';
import { createColors, type CliIo } from '../io.js';

/** Every event type with the names of its built-in variants, one line each. */
export async function listSamples(io: CliIo): Promise<number> {
  const colors = createColors(io, 'stdout');
  const width = Math.max(...EVENT_TYPES.map((t) => t.length));
  io.stdout.write(`${colors.bold(`${'event'.padEnd(width)}  variants (builtin/<variant>)`)}\n`);
  for (const type of EVENT_TYPES) {
    io.stdout.write(`${type.padEnd(width)}  ${getBuiltinVariants(type).map((v) => v.name).join(', ')}\n`);
  }
  io.stdout.write(`\n${EVENT_TYPES.length} event types. Show one: dodo-transform samples show <event> [--variant <name>]\n`);
  return 0;
}

/** One built-in sample as pretty JSON, to save as samples/<event-type>/<name>.json and edit. */
export async function showSample(io: CliIo, options: { event: string; variant?: string }): Promise<number> {
  const eventType = toEventType(options.event);
  const variant = getBuiltinVariant(eventType, options.variant);
  io.stdout.write(`${JSON.stringify(variant.event, null, 2)}\n`);
  return 0;
}
