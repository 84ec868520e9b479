// Invalid input gives NaN from the numeric helpers and comes back unchanged from formatDate: a snippet
// that throws blocks delivery, a visible odd value does not. A string without an offset ("…T05:30:45")
// is local time to Date.parse; Dodo's timestamps always end in "Z".

/**
 * Milliseconds since the epoch. Dodo sends microseconds ("….182629Z"): digits past the third are dropped
 * first, since the ECMAScript date format has three (V8 accepts and truncates more; other engines need not).
 */
export function toUnixMillis(iso: string): number {
  return Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));
}

/** Whole seconds since the epoch (floored), what Segment-style and CRM APIs call a Unix timestamp. */
export function toUnixSeconds(iso: string): number {
  return Math.floor(toUnixMillis(iso) / 1000);
}

/**
 * A fixed English rendering in UTC, the same on every engine and host time zone (no Intl, getUTC* only):
 * "2025-08-04T05:30:45.182629Z" → "4 Aug 2025, 05:30 UTC".
 */
export function formatDate(iso: string): string {
  const ms = toUnixMillis(iso);
  if (Number.isNaN(ms)) return iso;
  const date = new Date(ms);
  const month = date.getUTCMonth() * 3;
  const pad = (n: number) => `0${n}`.slice(-2);
  return `${date.getUTCDate()} ${'JanFebMarAprMayJunJulAugSepOctNovDec'.slice(month, month + 3)} ${date.getUTCFullYear()}, ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}
