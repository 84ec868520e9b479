import { EVENT_TYPES, type EventType } from '../runtime/events/event-types.js';
import { noteBlock } from './comment-block.js';
import type { ImportContext } from './context.js';
import type { EventOutcome } from './convert-event.js';
import type { PrunedBody } from './prune.js';

export type OtherEvents = 'cancel' | 'passthrough';

/** The pieces of the generated module, before they are put together. */
export interface MappingPlan {
  otherEvents?: OtherEvents;
  /** Whether `otherEvents` is what the snippet did for every event left to it (not a default for failures). */
  otherEventsExact: boolean;
  /** Functions shared by several event types (a `startsWith` branch, a `default`). */
  shared: string[];
  /** Members of `events: { … }` (and comments), in the order the snippet mentions them. */
  entries: string[];
  usesSkip: boolean;
  typeImports: Set<string>;
}

type Handled = Extract<EventOutcome, { kind: 'handler' }>;
type Failed = Extract<EventOutcome, { kind: 'failed' }>;

/**
 * Groups the per-event outcomes: event types whose handlers are identical share one
 * function; the larger of "returned unchanged" and "cancelled" becomes `otherEvents`,
 * and the smaller gets explicit handlers, so every event keeps its behaviour.
 */
export function planMapping(
  outcomes: readonly EventOutcome[],
  ctx: ImportContext,
  orderOf: (type: EventType) => number,
  comments: readonly { order: number; text: string }[],
): MappingPlan {
  const unchanged = outcomes.filter((o) => o.kind === 'unchanged').map((o) => o.type);
  const cancelled = outcomes.filter((o) => o.kind === 'cancel').map((o) => o.type);
  // Nothing left to decide when every event has a handler; when nothing is known (every
  // other event failed to convert), the default: cancel rather than forward untransformed.
  const otherEvents: OtherEvents | undefined = outcomes.every((o) => o.kind === 'handler') ? undefined
    : unchanged.length + cancelled.length === 0 || cancelled.length > unchanged.length ? 'cancel' : 'passthrough';
  const otherEventsExact = outcomes.every((o) => o.kind !== 'failed');
  const plan: MappingPlan = { ...(otherEvents && { otherEvents }), otherEventsExact, shared: [], entries: [], usesSkip: false, typeImports: new Set() };
  const { event, skip } = ctx.names;
  const entries = [...comments];
  const add = (types: readonly EventType[], text: string) => entries.push({ order: Math.min(...types.map(orderOf)), text });

  for (const group of groupBy(outcomes.filter((o): o is Handled => o.kind === 'handler'), (o) => o.body.text)) {
    const types = group.map((o) => o.type);
    const [first] = group;
    if (!first) continue;
    plan.usesSkip ||= first.body.references.has(skip);
    if (types.length === 1) {
      add(types, `${quote(first.type)}: ${formatArrow(first.body, ctx)},`);
      continue;
    }
    const name = ctx.picker.pick(getSharedName(types));
    plan.shared.push(formatSharedFunction(name, types, first.body, ctx, plan.typeImports));
    add(types, types.map((type) => `${quote(type)}: ${name},`).join('\n'));
  }
  if (otherEvents === 'passthrough') {
    plan.usesSkip ||= cancelled.length > 0;
    for (const type of cancelled) add([type], `${quote(type)}: () => ${skip}(),`);
  } else if (otherEvents === 'cancel') {
    for (const type of unchanged) add([type], `${quote(type)}: (${event}) => ({ payload: ${event} }),`);
  }
  for (const group of groupBy(outcomes.filter((o): o is Failed => o.kind === 'failed'), (o) => `${o.message}\0${o.original}`)) {
    const types = group.map((o) => o.type);
    const [first] = group;
    if (!first) continue;
    const what = `could not convert ${formatTypes(types)}: ${first.message}`;
    ctx.notes.add({ code: 'not-converted', line: first.line, message: what });
    const falls = `until rewritten, ${types.length > 1 ? 'they fall' : 'it falls'} under otherEvents ('${otherEvents ?? 'cancel'}')`;
    add(types, noteBlock(`${what} (line ${first.line}); ${falls}. The original code:`, first.original));
  }
  plan.entries = entries.sort((a, b) => a.order - b.order).map((e) => e.text);
  return plan;
}

function formatArrow(body: PrunedBody, ctx: ImportContext): string {
  const { event } = ctx.names;
  const params = body.references.has(ctx.webhook) ? `(${event}, ${ctx.webhook})` : body.references.has(event) ? `(${event})` : '()';
  if (body.onlyReturn !== undefined) return `${params} => ${body.onlyReturn.startsWith('{') ? `(${body.onlyReturn})` : body.onlyReturn}`;
  return `${params} => {\n${body.text}\n}`;
}

function formatSharedFunction(name: string, types: readonly EventType[], body: PrunedBody, ctx: ImportContext, typeImports: Set<string>): string {
  const params: string[] = [];
  let alias = '';
  if (body.references.has(ctx.names.event) || body.references.has(ctx.webhook)) {
    const eventType = formatEventType(types, typeImports);
    // A long union reads better as a named type, one event per line.
    const typeName = eventType.includes('\n') ? ctx.picker.pick(name.replace(/^on/, '')) : undefined;
    if (typeName) alias = `type ${typeName} = ${eventType};\n\n`;
    params.push(`${ctx.names.event}: ${typeName ?? eventType}`);
    typeImports.add('DodoEvent');
  }
  if (body.references.has(ctx.webhook)) {
    params.push(`${ctx.webhook}: WebhookContext`);
    typeImports.add('WebhookContext');
  }
  typeImports.add('MappingResult');
  return `${alias}/** The snippet treated these alike: ${formatTypes(types)}. */\nfunction ${name}(${params.join(', ')}): MappingResult {\n${body.text}\n}`;
}

/** The union of the group's events; past half of all events, what it excludes reads better. */
function formatEventType(types: readonly EventType[], typeImports: Set<string>): string {
  if (types.length === EVENT_TYPES.length) return 'DodoEvent';
  if (types.length <= EVENT_TYPES.length / 2) return `DodoEvent<${formatUnion(types)}>`;
  typeImports.add('EventType');
  return `DodoEvent<Exclude<EventType, ${formatUnion(EVENT_TYPES.filter((t) => !types.includes(t)))}>>`;
}

function formatUnion(types: readonly EventType[]): string {
  return types.length <= 3 ? types.map(quote).join(' | ') : `\n${types.map((t) => `| ${quote(t)}\n`).join('')}`;
}

/** `subscription.*` → `onSubscriptionEvent`; a mix of families → `onEvents`. */
function getSharedName(types: readonly EventType[]): string {
  const families = new Set(types.map((t) => t.split('.')[0] ?? ''));
  const [family] = families;
  if (families.size !== 1 || !family) return 'onEvents';
  return `on${family.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}Event`;
}

function formatTypes(types: readonly EventType[]): string {
  return types.length > 4 ? `${types.slice(0, 3).join(', ')} and ${types.length - 3} more` : types.join(', ');
}

const quote = (text: string) => `'${text}'`;

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}
