// Findings name the mapping helpers in their advice (toMajorUnits, formatMoney, toUnixMillis,
// skip): the fix in a mapping. A hand-written snippet has none of them, so for one the advice
// is said in plain JavaScript instead.
import type { Finding } from '../findings/finding.js';

const DECIMALS = "10 ** its currency's decimals (0 for JPY, 3 for KWD and BHD, 2 for most)";

const PLAIN: [RegExp, (...groups: string[]) => string][] = [
  [/toMajorUnits\(([^,()]+), currency\)/g, (field) => `${field} / ${DECIMALS}`],
  [/formatMoney\(([^,()]+), currency\)/g, (field) => `${field} / ${DECIMALS}, shown with that many decimals and the event's currency code`],
  [/toUnixMillis\(([^()]+)\)/g, (value) => `Date.parse(${value})`],
  [/return skip\(\);?/g, () => '{ webhook.cancel = true; return webhook; }'],
  [/with skip\(\)/g, () => 'with webhook.cancel = true'],
];

/** The advice of a hand-written snippet's findings with the helpers spelled out. */
export function withPlainAdvice(findings: readonly Finding[]): Finding[] {
  return findings.map((f) => {
    let message = f.message;
    for (const [pattern, plain] of PLAIN) message = message.replace(pattern, (_, ...groups: string[]) => plain(...groups));
    return message === f.message ? f : { ...f, message };
  });
}
