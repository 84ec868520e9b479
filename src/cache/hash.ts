import { createHash } from 'node:crypto';

/**
 * One digest of several parts. Each part is preceded by its length, so ["ab", "c"] and
 * ["a", "bc"] never collide.
 */
export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const length = typeof part === 'string' ? Buffer.byteLength(part) : part.byteLength;
    hash.update(`${length}:`).update(part).update('\0');
  }
  return hash.digest('hex');
}
