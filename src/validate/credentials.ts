/**
 * Literals that look like secrets. Snippets get pasted into dashboards, tickets and
 * chats; a key belongs in the endpoint's variables (`webhook.env`) instead.
 */
const PATTERNS: readonly [RegExp, string][] = [
  [/^(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}$/, 'a Stripe-style secret key'],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, 'a Slack token'],
  [/^SG\.[\w-]{16,}\.[\w-]{16,}$/, 'a SendGrid API key'],
  [/^re_[A-Za-z0-9_]{20,}$/, 'a Resend API key'],
  [/^pat-(?:na|eu)\d-[a-f0-9-]{30,}$/, 'a HubSpot private app token'],
  [/^(?:Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{16,}$/, 'an Authorization header value'],
  [/^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}$/, 'a Slack webhook URL (the URL is the secret)'],
  [/^https:\/\/(?:discord|discordapp)\.com\/api\/webhooks\/\d+\/[\w-]{40,}$/, 'a Discord webhook URL (the URL is the secret)'],
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
