import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A path relative to `root` with forward slashes, whatever the OS: it appears in snippets. */
export function toProjectPath(root: string, file: string): string {
  const rel = relative(root, file);
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/** Whether `file` is `root` or lies under it, lexically (`..` and absolute paths resolved). */
export function isInside(root: string, file: string): boolean {
  const rel = relative(resolve(root), resolve(root, file));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Whether `file` is inside `root` once symlinks are followed: a link inside the project that
 * points out of it is outside. A path that does not exist is judged lexically.
 */
export function isRealInside(root: string, file: string): boolean {
  let realRoot: string;
  let realFile: string;
  try { realRoot = realpathSync(root); } catch { realRoot = resolve(root); }
  try { realFile = realpathSync(resolve(root, file)); } catch { return isInside(root, file); }
  return isInside(realRoot, realFile);
}

/**
 * A project path that is safe to print inside a snippet's header comment and in a terminal:
 * no control characters, no comment terminator.
 */
/** Characters no path printed or written into a comment may hold: controls, line breaks, bidi overrides. */
// eslint-disable-next-line no-control-regex
export const UNSAFE_PATH_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function unsafePathReason(path: string): string | undefined {
  if (UNSAFE_PATH_CHARACTERS.test(path)) return 'contains control or line-breaking characters';
  if (path.includes('*/')) return 'contains "*/"';
  return undefined;
}

/** A path as the user would type it from `cwd`: relative inside it, absolute outside it. */
export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
