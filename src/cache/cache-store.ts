// The cache folder: one JSON file per entry, named by its key. Entries are data only (findings,
// snippet text, digests): nothing read from here is ever run in the CLI's process.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecord } from '../util/json.js';

/** Bumped when the layout of entries changes: older folders are simply not read. */
export const CACHE_FORMAT = 'v1';
/** Entries kept at most; the least recently written beyond this are removed. */
export const MAX_ENTRIES = 2000;
/** Bytes kept at most, likewise. */
export const MAX_BYTES = 64 * 1024 * 1024;
/** Entries not written again for this long are removed. */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface CacheStoreOptions {
  /** The cache folder (created on first write). */
  dir: string;
  /** Told once per run when the folder cannot be used as it is; the run goes on without it. */
  warn: (message: string) => void;
  maxEntries?: number;
  maxBytes?: number;
}

export class CacheStore {
  readonly dir: string;
  readonly #folder: string;
  readonly #warn: (message: string) => void;
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #warned = false;
  #writable = true;
  #wrote = 0;
  #made: Promise<boolean> | undefined;

  constructor(options: CacheStoreOptions) {
    this.dir = options.dir;
    this.#folder = join(options.dir, CACHE_FORMAT);
    this.#warn = options.warn;
    this.#maxEntries = options.maxEntries ?? MAX_ENTRIES;
    this.#maxBytes = options.maxBytes ?? MAX_BYTES;
  }

  /**
   * The entry stored under `key`, if there is one that `accept` takes. A file that is not JSON,
   * or not what this version writes, is a miss (and one warning): never a wrong result.
   */
  async read<T>(key: string, accept: (value: unknown) => value is T): Promise<T | undefined> {
    let text: string;
    try {
      text = await readFile(this.#path(key), 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') this.#warnOnce(`cannot read the cache in ${this.dir} (${code ?? String(error)}); running without it`);
      return undefined;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (isRecord(value) && value['key'] === key && accept(value['data'])) return value['data'];
    this.#warnOnce(`ignoring a corrupt cache entry ${this.#path(key)}; it will be written again`);
    return undefined;
  }

  /** Stores `data` under `key`: written to a temporary file, then renamed, so a reader never sees half of it. */
  async write(key: string, data: unknown): Promise<void> {
    if (!this.#writable) return;
    this.#made ??= mkdir(this.#folder, { recursive: true }).then(() => true, (error: unknown) => this.#cannotWrite(error));
    if (!(await this.#made)) return;
    const path = this.#path(key);
    const temp = `${path}.${process.pid}.${this.#wrote}.tmp`;
    this.#wrote++;
    try {
      await writeFile(temp, JSON.stringify({ key, data }));
      await rename(temp, path);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      this.#cannotWrite(error);
    }
  }

  /**
   * After a run that wrote entries: removes those older than MAX_AGE_MS, then the least recently
   * written beyond the count and size bounds.
   */
  async prune(now = Date.now()): Promise<void> {
    if (this.#wrote === 0 || !this.#writable) return;
    try {
      const names = (await readdir(this.#folder)).filter((n) => n.endsWith('.json') || n.endsWith('.tmp'));
      const entries = await Promise.all(names.map(async (name) => {
        const info = await stat(join(this.#folder, name)).catch(() => undefined);
        return { name, mtime: info?.mtimeMs ?? 0, size: info?.size ?? 0 };
      }));
      // Newest first; ties by name so two runs prune alike.
      entries.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
      let count = 0;
      let bytes = 0;
      const doomed: string[] = [];
      for (const entry of entries) {
        // A temporary file left by a killed run, once it is old enough not to be another run's.
        const staleTemp = entry.name.endsWith('.tmp') && now - entry.mtime > 60_000;
        count++;
        bytes += entry.size;
        if (staleTemp || now - entry.mtime > MAX_AGE_MS || count > this.#maxEntries || bytes > this.#maxBytes) doomed.push(entry.name);
      }
      await Promise.all(doomed.map((name) => rm(join(this.#folder, name), { force: true })));
    } catch (error) {
      this.#cannotWrite(error);
    }
  }

  #path(key: string): string {
    return join(this.#folder, `${key}.json`);
  }

  #cannotWrite(error: unknown): false {
    this.#writable = false;
    const code = (error as NodeJS.ErrnoException).code;
    this.#warnOnce(`cannot write the cache in ${this.dir} (${code ?? String(error)}); running without it (--no-cache turns it off)`);
    return false;
  }

  #warnOnce(message: string): void {
    if (this.#warned) return;
    this.#warned = true;
    this.#warn(message);
  }
}
