import { getDestination } from '../../src/destinations/registry.js';
import { runInNewContext } from 'node:vm';

/** A webhook as the runtime hands it to `handler`. */
export function makeWebhook(payload: { type: string }, env?: Record<string, string>): Record<string, unknown> {
  return { method: 'POST', url: 'https://endpoint.example.com/original', eventType: payload.type, payload, ...(env && { env }) };
}

/** A webhook as the runtime hands it for a destination whose dashboard card supplies the URL. */
export function makeCardWebhook(destination: string, payload: { type: string }, env?: Record<string, string>): Record<string, unknown> {
  const url = getDestination(destination)?.card.sampleUrl;
  if (url === undefined) throw new Error(`${destination} takes its URL from the code, not the card`);
  return { ...makeWebhook(payload, env), url };
}

/**
 * Runs a snippet the way the runtime does, `(function () { <code> return handler(input); })()`,
 * in a fresh V8 context with the input built inside it from JSON, and returns the result as JSON.
 */
export function runSnippet(code: string, webhook: unknown): unknown {
  const source = `JSON.stringify((function () {\n${code}\nreturn handler(JSON.parse(${JSON.stringify(JSON.stringify(webhook))}));\n})())`;
  const json = runInNewContext(source, {}, { timeout: 1000 }) as string;
  return JSON.parse(json);
}
