// Typed builders for Zapier Catch Hook bodies. Bundled into snippets: plain code, types only from the schema.
// Source: https://help.zapier.com/hc/en-us/articles/8496288690317
import type { ZapierFlatPayload } from '../../destinations/zapier/schema.js';

export type { ZapierCatchHookBody, ZapierFlatPayload, ZapierScalar } from '../../destinations/zapier/schema.js';

/** https://hooks.zapier.com/hooks/catch/<account id>/<hook key>/ from the Catch Hook trigger. */
export function zapierCatchHookUrl(accountId: string, hookKey: string): string {
  return `https://hooks.zapier.com/hooks/catch/${encodeURIComponent(accountId)}/${encodeURIComponent(hookKey)}/`;
}

/**
 * A flat Catch Hook body: scalars and lists of scalars only, so every value is one field a later
 * step can map (arrays of objects would become line items). Fields set to undefined are left out.
 */
export function zapierPayload<P extends { [key: string]: ZapierFlatPayload[string] | undefined }>(fields: P): ZapierFlatPayload {
  const out: ZapierFlatPayload = {};
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
