// zod rules several destination schemas share. Zod only, no Node types: the schemas are type-checked
// inside users' mappings through the builders.
import type { z } from 'zod';

/** A list must hold 1 to `max` items; otherwise the custom issue `code` with the message for the case. */
export function oneToMax(max: number, code: string, empty: string, tooMany: (count: number) => string) {
  return (list: readonly unknown[], ctx: z.RefinementCtx): void => {
    if (list.length >= 1 && list.length <= max) return;
    ctx.addIssue({ code: 'custom', params: { code }, message: list.length === 0 ? empty : tooMany(list.length) });
  };
}
