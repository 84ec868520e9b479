import { getPayloadType } from '../runtime/events/payload-type.js';
import type { AnyDodoEvent } from '../runtime/events/types.js';
import { FAMILY_FIELDS } from './families.js';
import type { FamilyFields, PayloadType } from './families.js';
import { replaceAt, visitPath } from './field-paths.js';

/** A sample event after one deliberate change; `event` is plain JSON and may break the SDK type. */
export interface SampleVariant {
  name: string;
  event: unknown;
}

/** Every variant name, in the order `getVariants` returns them. Reports and golden files key on these. */
export const VARIANT_NAMES = [
  'base', 'nullable-absent', 'currency-jpy', 'currency-kwd', 'unicode-names', 'markup-chars', 'long-strings',
  'dispute-amount-number',
] as const;
export type VariantName = (typeof VARIANT_NAMES)[number];

export const UNICODE_NAME = 'Zoë Łukasiewicz-Nakamura 山田 🚀';
/** HTML, Markdown, Slack and Discord syntax at once: output must escape each for its destination. */
export const MARKUP =
  '<script>alert(1)</script> & "quotes" \'apos\' *bold* _it_ ~strike~ `code` <@U123> @everyone [link](http://x) |pipe|';
export const LONG_LENGTH = 5000;
/** Common truncation limits (Discord, Slack, Telegram, …): an emoji straddles each one. */
export const LONG_BOUNDARIES = [100, 256, 1024, 2000, 3000, 4096] as const;

/**
 * A `LONG_LENGTH`-character string starting with `label`. At each boundary b the two
 * UTF-16 units of an emoji sit at b-1 and b, so `slice(0, b)` splits a surrogate pair.
 */
export function longString(label: string): string {
  const filler = 'lorem ipsum dolor sit amet, consectetur adipiscing elit ';
  let text = `${label}: ${filler.repeat(Math.ceil(LONG_LENGTH / filler.length))}`.slice(0, LONG_LENGTH);
  for (const b of LONG_BOUNDARIES) text = `${text.slice(0, b - 1)}🚀${text.slice(b + 1)}`;
  return text;
}

const isNumeric = (value: string): boolean => value.trim() !== '' && Number.isFinite(Number(value));

// Minor units of the target currency per US cent, at round 2025 rates:
// $29.99 (2999) becomes ¥4499 and 9.207 KWD (9207 fils).
const CENTS_TO = { JPY: 1.5, KWD: 3.07 } as const;

function convertAmount(value: unknown, rate: number): unknown {
  if (typeof value === 'number') return Math.round(value * rate);
  // Dispute and similar amounts arrive as numeric strings; keep them strings.
  if (typeof value === 'string' && isNumeric(value)) {
    return String(Math.round(Number(value) * rate));
  }
  return undefined;
}

function setCurrency(fields: FamilyFields, data: unknown, code: keyof typeof CENTS_TO): void {
  for (const path of fields.currencies) replaceAt(data, path, (v) => (typeof v === 'string' ? code : undefined));
  for (const path of fields.amounts) replaceAt(data, path, (v) => convertAmount(v, CENTS_TO[code]));
}

function replaceStrings(paths: readonly string[], data: unknown, make: (key: string) => string): void {
  for (const path of paths) replaceAt(data, path, (v, key) => (typeof v === 'string' ? make(key) : undefined));
}

interface VariantSpec {
  name: VariantName;
  appliesTo: (fields: FamilyFields, payloadType: PayloadType) => boolean;
  apply: (data: unknown, fields: FamilyFields) => void;
}

const hasCurrency = (f: FamilyFields): boolean => f.currencies.length > 0;

const VARIANTS: readonly VariantSpec[] = [
  { name: 'base', appliesTo: () => true, apply: () => {} },
  {
    name: 'nullable-absent',
    appliesTo: (f) => f.nulls.length + f.absent.length > 0,
    apply: (data, f) => {
      for (const path of f.nulls) visitPath(data, path, (parent, key) => { parent[key] = null; });
      for (const path of f.absent) visitPath(data, path, (parent, key) => { delete parent[key]; });
    },
  },
  { name: 'currency-jpy', appliesTo: hasCurrency, apply: (data, f) => setCurrency(f, data, 'JPY') },
  { name: 'currency-kwd', appliesTo: hasCurrency, apply: (data, f) => setCurrency(f, data, 'KWD') },
  {
    name: 'unicode-names',
    appliesTo: (f) => f.names.length > 0,
    apply: (data, f) => replaceStrings(f.names, data, () => UNICODE_NAME),
  },
  {
    name: 'markup-chars',
    appliesTo: (f) => f.text.length > 0,
    apply: (data, f) => replaceStrings(f.text, data, () => MARKUP),
  },
  {
    name: 'long-strings',
    appliesTo: (f) => f.text.length > 0,
    apply: (data, f) => replaceStrings(f.text, data, longString),
  },
  {
    name: 'dispute-amount-number',
    appliesTo: (_, payloadType) => payloadType === 'Dispute',
    apply: (data) => replaceAt(data, 'amount', (v) => (typeof v === 'string' && isNumeric(v) ? Number(v) : undefined)),
  },
];

/**
 * The variants that make sense for `event`'s family, each a deep copy of it, in
 * `VARIANT_NAMES` order. Deterministic: same event in, same variants out.
 */
export function getVariants(event: AnyDodoEvent): SampleVariant[] {
  const payloadType = getPayloadType(event.type);
  const fields: FamilyFields = FAMILY_FIELDS[payloadType];
  return VARIANTS.filter((v) => v.appliesTo(fields, payloadType)).map((v) => {
    const copy = structuredClone(event);
    v.apply(copy.data, fields);
    return { name: v.name, event: copy };
  });
}
