import { createHash } from 'node:crypto';

/**
 * Hash of a mapping's own sources (not the tool's), keyed by project path.
 * CRLF is folded to LF so a Windows checkout hashes like a Unix one.
 */
export function hashSources(sources: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [...sources.keys()].sort()) {
    hash.update(path).update('\0').update((sources.get(path) ?? '').replace(/\r\n/g, '\n')).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
