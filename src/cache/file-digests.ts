import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isInside, toProjectPath } from '../util/path.js';
import { hashParts } from './hash.js';

/** What a cached result read, dependency → digest: `file:<project path>` or `dir:<project path>`. */
export type Dependencies = Record<string, string>;

/** The digest of a file or folder that is not there (a later creation changes it). */
const ABSENT = 'absent';
const UNREADABLE = 'unreadable';

/**
 * Files esbuild (and tsc) may read beside a source without it importing them: they set how
 * TypeScript is transformed and how packages are treated.
 */
const CONFIG_FILES = ['tsconfig.json', 'jsconfig.json', 'package.json'];
/** Names an import may resolve to. */
const MODULE = /\.([cm]?[jt]sx?|json)$/;

/**
 * Digests of the project's files and folders, each read at most once per run (every mapping
 * of a project shares helpers and folders).
 */
export class FileDigests {
  readonly #root: string;
  readonly #memo = new Map<string, Promise<string>>();

  constructor(root: string) {
    this.#root = root;
  }

  /**
   * The dependencies of a result computed from these sources (project paths), or undefined when
   * one cannot be read: such a result is not kept.
   */
  async collect(sources: Iterable<string>): Promise<Dependencies | undefined> {
    const keys = new Set<string>();
    for (const source of sources) {
      keys.add(`file:${source}`);
      const dir = dirname(resolve(this.#root, source));
      // A new module beside a source can change what an import resolves to (x.ts before x.js);
      // for an index file, one beside its folder too (x.ts before x/index.ts).
      keys.add(`dir:${toProjectPath(this.#root, dir)}`);
      if (/^index\./.test(basename(source)) && dir !== this.#root) keys.add(`dir:${toProjectPath(this.#root, dirname(dir))}\0${basename(dir)}.`);
      for (let d = dir; isInside(this.#root, d); d = dirname(d)) {
        for (const name of CONFIG_FILES) keys.add(`file:${toProjectPath(this.#root, join(d, name))}`);
        if (d === this.#root || dirname(d) === d) break;
      }
    }
    const sorted = [...keys].sort();
    const digests = await Promise.all(sorted.map((key) => this.digest(key)));
    if (digests.includes(UNREADABLE)) return undefined;
    return Object.fromEntries(sorted.map((key, i) => [key, digests[i]!]));
  }

  /** Whether every dependency still has the digest it had. */
  async unchanged(dependencies: Dependencies): Promise<boolean> {
    const entries = Object.entries(dependencies);
    const now = await Promise.all(entries.map(([key]) => this.digest(key)));
    return entries.every(([, digest], i) => now[i] === digest && digest !== UNREADABLE);
  }

  /**
   * The digest of `file:<path>` (its bytes), `dir:<path>` (the names of the modules in it, sorted)
   * or `dir:<path>\\0<prefix>` (those whose name starts with prefix). Other entries of a folder
   * (a report, a build folder) cannot change what an import resolves to.
   */
  digest(key: string): Promise<string> {
    let pending = this.#memo.get(key);
    if (!pending) {
      pending = this.#compute(key);
      this.#memo.set(key, pending);
    }
    return pending;
  }

  async #compute(key: string): Promise<string> {
    const [path = '', prefix = ''] = key.slice(key.indexOf(':') + 1).split('\0');
    const absolute = resolve(this.#root, path);
    try {
      if (key.startsWith('dir:')) {
        const names = (await readdir(absolute)).filter((n) => n.startsWith(prefix) && MODULE.test(n)).sort();
        return hashParts(names);
      }
      // Only regular files are read: a FIFO named tsconfig.json would block the read forever.
      const info = await stat(absolute);
      if (!info.isFile()) return `${ABSENT}:not-a-file`;
      return hashParts([await readFile(absolute)]);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone (or not a folder any more): a state of its own, which a later file changes.
      if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return `${ABSENT}:${code}`;
      // Unreadable (permissions, a FIFO…): never matches, so the result is computed again.
      return UNREADABLE;
    }
  }
}
