/** Code-unit order: unlike localeCompare it is the same under every locale and ICU build. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
