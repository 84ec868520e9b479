// Which fields of a body the destination reads: the ones its markup rules name, and the top-level
// keys of its routes' schemas (the other keys are ignored by the API, or rejected).
import { getDestination } from '../../destinations/registry.js';
import { isObject } from './html.js';

/** The keys an object schema declares; unions and wrappers are looked through. */
function schemaKeys(schema: unknown, depth = 0): string[] {
  if (!isObject(schema) && typeof schema !== 'function') return [];
  if (depth > 5) return [];
  const s = schema as { shape?: unknown; options?: unknown; _zod?: { def?: { innerType?: unknown; in?: unknown; element?: unknown } } };
  if (isObject(s.shape)) return Object.keys(s.shape);
  if (Array.isArray(s.options)) return s.options.flatMap((o) => schemaKeys(o, depth + 1));
  const def = s._zod?.def;
  if (def?.innerType) return schemaKeys(def.innerType, depth + 1);
  if (def?.in) return schemaKeys(def.in, depth + 1);
  return [];
}

/** `$.blocks[*].text.text` → a pattern on `$.payload.blocks[0].text.text`. */
function selectorPattern(selector: string): RegExp | undefined {
  if (selector.includes('?(')) return undefined;
  const body = selector.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\[\\\*\\\]/g, '\\[\\d+\\]');
  return new RegExp(`^\\$\\.payload${body}$`);
}

const cache = new Map<string, (path: string) => boolean>();

/** For a destination id: whether a path (`$.payload.text`) is a field it reads. */
export function readsField(destinationId: string | undefined): (path: string) => boolean {
  if (destinationId === undefined) return () => false;
  const cached = cache.get(destinationId);
  if (cached) return cached;
  const destination = getDestination(destinationId);
  let test: (path: string) => boolean = () => false;
  if (destination) {
    const keys = new Set(destination.endpoints.flatMap((e) => schemaKeys(e.schema)));
    const markup = [...(destination.markup.html ?? []), ...(destination.markup.slackMrkdwn ?? []), ...(destination.markup.discordMarkdown ?? [])]
      .map(selectorPattern).filter((p): p is RegExp => p !== undefined);
    test = (path) => {
      const top = /^\$\.payload(?:\.([A-Za-z_$][\w$]*)|\[\d+\]\.([A-Za-z_$][\w$]*))$/.exec(path);
      if (top && keys.has((top[1] ?? top[2])!)) return true;
      return markup.some((p) => p.test(path));
    };
  }
  cache.set(destinationId, test);
  return test;
}
