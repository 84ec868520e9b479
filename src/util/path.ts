import { relative, sep } from 'node:path';

/** A path relative to `root` with forward slashes, whatever the OS: it appears in snippets. */
export function toProjectPath(root: string, file: string): string {
  const rel = relative(root, file);
  return sep === '/' ? rel : rel.split(sep).join('/');
}
