// URLs that cannot be anyone's real endpoint: the placeholders of templates and vendor examples
// ("T00000000", "XXXX", "REPLACE_WITH_…", example.com). A snippet that sends there delivers nothing.

import { parseUrl } from '../util/url.js';

/** Hosts reserved for documentation (RFC 2606 / 6761): nothing real answers there. */
const RESERVED_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|example|invalid|test|localhost)$/i;

const MARKERS: readonly [RegExp, string][] = [
  [/X{4,}/, 'a run of X'],
  [/x{8,}/i, 'a run of x'],
  [/replace[-_ ]?(?:with|me)|your[-_](?:instance|workspace|key|token|id|webhook|hook|url|path|account|team|channel)/i, 'a "replace with yours" placeholder'],
  [/[<>{}]|%3[CcEe]|%7[BbDd]/, 'a template placeholder such as <…> or {…}'],
];

/** A path segment or host label that is an id made of zeros: T00000000, 000000000000000000. */
const ZERO_ID = /^[A-Za-z]?0{6,}$/;

/** Why the URL is a placeholder, or undefined for a URL that may be real. */
export function placeholderReason(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (parsed === undefined) return undefined;
  const host = parsed.hostname.replace(/\.$/, '');
  if (RESERVED_HOST.test(host)) return `${host} is a reserved example host`;
  for (const [pattern, what] of MARKERS) if (pattern.test(parsed.host + parsed.pathname + parsed.search)) return `it contains ${what}`;
  const parts = [...host.split('.'), ...parsed.pathname.split('/'), ...[...parsed.searchParams.values()]];
  const zero = parts.find((p) => ZERO_ID.test(p));
  if (zero !== undefined) return `"${zero}" is an id of zeros`;
  return undefined;
}
