import { DESTINATION_SECRETS } from '../destinations/secrets.js';

/**
 * Literals that look like secrets. Snippets get pasted into dashboards, tickets and
 * chats; a key belongs in the endpoint's variables (`webhook.env`) instead. The patterns
 * are disjoint: their order does not matter. Each destination declares its own.
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}$/, 'a Stripe-style secret key'],
  [/^(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}$/, 'an Authorization header value'],
  // https://user:password@host: the password travels in every copy of the URL.
  [/^[a-z][a-z0-9+.-]*:\/\/[^/?#@\s:]*:[^/?#@\s]{6,}@/i, 'a URL with a password in it'],
  ...DESTINATION_SECRETS.map((s): [RegExp, string] => [s.pattern, s.label]),
];

/** Placeholders such as XXXXXXXX or 00000000 are fine: they are meant to be replaced. */
const PLACEHOLDER = /(.)\1{7,}|YOUR|REPLACE|EXAMPLE|<[^>]+>/i;

/** Names whose value is a secret whatever it looks like, when long and random enough. */
const SECRET_NAME = /(?:api[-_]?key|secret|token|password|write[-_]?key|authorization)$/i;

export function describeCredential(value: string, propertyName?: string): string | undefined {
  if (value.length < 16 || PLACEHOLDER.test(value)) return undefined;
  for (const [pattern, label] of PATTERNS) if (pattern.test(value)) return label;
  if (propertyName && SECRET_NAME.test(propertyName) && /^[A-Za-z0-9_\-.:]{20,}$/.test(value) && /\d/.test(value) && /[a-zA-Z]/.test(value)) {
    return `a secret in "${propertyName}"`;
  }
  return undefined;
}
