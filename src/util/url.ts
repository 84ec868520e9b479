/** The URL, or undefined for text that is not one (user input: a snippet's url may be anything). */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
