import type { CustomerLimitedDetails, Payment } from 'dodopayments/resources/payments';
import type { Subscription } from 'dodopayments/resources/subscriptions';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import { getPayloadType } from '../../src/runtime/events/payload-type.js';
import type { EventData } from '../../src/runtime/events/types.js';
import { FAMILY_FIELDS } from '../../src/samples/families.js';
import type { PayloadType } from '../../src/samples/families.js';
import { visitPath } from '../../src/samples/field-paths.js';
import { BUILTIN_SAMPLES } from '../../src/samples/index.js';

// Type-level checks, run by `tsc -p .`: straight from the SDK types, without the
// NullPath helpers that families.ts is checked with, so a bug there shows up here.
type Assert<T extends true> = T;
type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;
type IsNullable<T, K extends keyof T> = null extends T[K] ? true : false;
type Not<T extends boolean> = T extends true ? false : true;
type Lists<P extends PayloadType> = (typeof FAMILY_FIELDS)[P];
type Has<L extends readonly string[], K extends string> = K extends L[number] ? true : false;

export type TypeChecks = [
  Assert<IsNullable<Payment, 'error_code'>>,
  Assert<IsOptional<Payment, 'error_code'>>,
  Assert<Has<Lists<'Payment'>['nulls'], 'error_code'>>,
  Assert<IsNullable<Payment, 'tax'>>,
  Assert<Has<Lists<'Payment'>['nulls'], 'tax'>>,
  Assert<Not<IsNullable<Payment, 'total_amount'>>>,
  Assert<Not<Has<Lists<'Payment'>['nulls'], 'total_amount'>>>,
  Assert<IsNullable<CustomerLimitedDetails, 'phone_number'>>,
  Assert<Has<Lists<'Refund'>['nulls'], 'customer.phone_number'>>,
  // Optional but not nullable: removed, never set to null.
  Assert<IsOptional<CustomerLimitedDetails, 'metadata'>>,
  Assert<Not<IsNullable<CustomerLimitedDetails, 'metadata'>>>,
  Assert<Has<Lists<'Payment'>['absent'], 'customer.metadata'>>,
  Assert<IsNullable<Subscription, 'cancelled_at'>>,
  Assert<Has<Lists<'Subscription'>['nulls'], 'cancelled_at'>>,
  Assert<IsOptional<EventData<'subscription.past_due'>, 'past_due_ends_at'>>,
  Assert<Has<Lists<'Subscription'>['nulls'], 'past_due_ends_at'>>,
  // The corrected dispute type: `reason` optional and nullable, `amount` required.
  Assert<IsNullable<EventData<'dispute.opened'>, 'reason'>>,
  Assert<Has<Lists<'Dispute'>['nulls'], 'reason'>>,
  Assert<Not<IsOptional<EventData<'dispute.opened'>, 'amount'>>>,
];

describe('FAMILY_FIELDS', () => {
  it('covers every payload type', () => {
    expect(Object.keys(FAMILY_FIELDS).sort()).toEqual([...new Set(EVENT_TYPES.map(getPayloadType))].sort());
  });

  // The null/absent lists are checked against the SDK by the compiler; the others
  // only name fields to rewrite, so a typo there would silently rewrite nothing.
  it.each(Object.entries(FAMILY_FIELDS))('%s: every rewrite path exists in a built-in sample', (family, fields) => {
    const samples = EVENT_TYPES.filter((e) => getPayloadType(e) === family).map((e) => BUILTIN_SAMPLES[e].data);
    const paths = [...fields.currencies, ...fields.amounts, ...fields.names, ...fields.text];
    for (const path of paths) {
      // Up to the first wildcard: arrays such as `refunds` are empty in the samples.
      const fixed = path.split('.*')[0] ?? path;
      let found = false;
      for (const data of samples) {
        visitPath(data, fixed, (parent, key) => {
          if (Object.prototype.hasOwnProperty.call(parent, key)) found = true;
        });
      }
      expect(found, `${family}: ${path}`).toBe(true);
    }
  });
});

describe('visitPath', () => {
  it('walks named keys and wildcards, and stops at missing parents', () => {
    const data = { a: { b: 1 }, list: [{ v: 'x' }, { v: 'y' }], meta: { k1: 'p', k2: 'q' } };
    const seen: string[] = [];
    const record = (path: string): void => visitPath(data, path, (parent, key) => { seen.push(`${key}=${String(parent[key])}`); });
    record('a.b');
    record('list.*.v');
    record('meta.*');
    record('missing.deep');
    record('a.new');
    expect(seen).toEqual(['b=1', 'v=x', 'v=y', 'k1=p', 'k2=q', 'new=undefined']);
  });
});
