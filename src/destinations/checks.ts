import { isRecord, issue, jsonBytes } from './json.js';
import type { DestinationEndpoint, DestinationIssue } from './types.js';

export const KIB = 1024;

/** Both Segment's and Customer.io's routes only take POST. */
export function checkMethod(method: string, destinationName: string): DestinationIssue[] {
  if (method.toUpperCase() === 'POST') return [];
  return [issue('method.not-post', '$',
    `${destinationName} takes this request only as POST, but the method is "${method}": send it with POST`)];
}

/** UTF-8 size of the body against the route's limit, and of each batch element against its own. */
export function checkSize(payload: unknown, endpoint: DestinationEndpoint, destinationName: string): DestinationIssue[] {
  const bytes = jsonBytes(payload);
  if (bytes === undefined) {
    return [issue('schema.invalid', '$', 'The body cannot be serialised with JSON.stringify (a cycle or a BigInt?): send plain JSON values')];
  }
  const out: DestinationIssue[] = [];
  if (bytes > endpoint.sizeLimitBytes) {
    out.push(issue('size.too-large', '$',
      `The body is ${bytes} bytes as UTF-8 JSON; ${destinationName} ${endpoint.path} accepts at most ${endpoint.sizeLimitBytes} bytes (${endpoint.sizeLimitBytes / KIB} KB): drop large or unneeded fields${endpoint.itemSizeLimitBytes === undefined ? '' : ' or split the batch'}`));
  }
  const items = isRecord(payload) ? payload['batch'] : undefined;
  if (endpoint.itemSizeLimitBytes !== undefined && Array.isArray(items)) {
    const limit = endpoint.itemSizeLimitBytes;
    items.forEach((item: unknown, i) => {
      const itemBytes = jsonBytes(item) ?? 0;
      if (itemBytes > limit) {
        out.push(issue('size.too-large', ['batch', i],
          `Batch element ${i} is ${itemBytes} bytes as UTF-8 JSON; each element may be at most ${limit} bytes (${limit / KIB} KB): drop large or unneeded fields`));
      }
    });
  }
  return out;
}

/** The URL, or undefined when the string does not parse. */
export function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** Errors first, then warnings; otherwise the order they were found in. */
export function errorsFirst(issues: readonly DestinationIssue[]): DestinationIssue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')];
}
