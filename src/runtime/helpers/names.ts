/**
 * "Ada  King Lovelace " → { firstName: "Ada King", lastName: "Lovelace" }: whitespace trimmed and collapsed,
 * the last word is the last name. One word is a first name only; null or blank gives two empty strings.
 * (CRMs such as HubSpot and Loops want the two fields; Dodo sends one `name`.)
 */
export function splitName(fullName: string | null | undefined): { firstName: string; lastName: string } {
  const words = (fullName ?? '').trim().split(/\s+/);
  const lastName = words.length > 1 ? words.pop() ?? '' : '';
  return { firstName: words.join(' '), lastName };
}
