// The project's cache, as compile() and runValidation() use it (the convention of `eslint --cache`
// and `tsc --incremental`: keep what the last run found, keyed by everything it depended on).
//
//   compile of one mapping   slot: tool, target, minify, mapping path → variants, each with the
//                            digests of every source the bundle read, the folders they sit in
//                            and the tsconfig/package.json files above them
//   type check (one program) slot: tool, target, the mapping list → variants, likewise for every
//                            project file tsc read
//   validation of a snippet  content-addressed: tool, snippet and reference text, source map,
//                            every sample run (built-in and the user's, with env), golden files
//
// A change to any of those is a miss for exactly the results that read it. Outcomes that depend
// on timing (a time or memory limit, a crashed process) are never stored.
import { join, resolve } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { CacheStore } from './cache-store.js';
import { isFindings, isFinished, isValidation, isVariants, type FinishedEntry, type ValidationEntry, type Variants } from './entries.js';
import { FileDigests, type Dependencies } from './file-digests.js';
import { hashParts } from './hash.js';
import { getToolKey } from './tool-key.js';

/** Variants kept per slot: switching between a few branches keeps hitting. */
const MAX_VARIANTS = 4;

/** What a run did and what it took from the cache; check reports and tests read it. */
export interface CacheStats {
  /** Mappings bundled and finished (both targets of check count: the snippet and its reference). */
  compiled: number;
  compileHits: number;
  /** Runs of the type checker (one per compile that type-checks, for all its mappings). */
  typechecked: number;
  typecheckHits: number;
  /** Snippets run on the samples. */
  validated: number;
  validationHits: number;
}

export interface ProjectCacheOptions {
  /** The project root: dependencies are project paths under it. */
  root: string;
  /** @default <root>/node_modules/.cache/dodo-transform */
  dir?: string;
  /** Told at most once per run when the cache folder cannot be used; the run goes on without it. */
  warn: (message: string) => void;
  /** Identifies the tool's build (tests inject one to simulate an upgrade). @default getToolKey() */
  toolKey?: string;
}

export function defaultCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'dodo-transform');
}

export class ProjectCache {
  readonly root: string;
  readonly dir: string;
  readonly stats: CacheStats = { compiled: 0, compileHits: 0, typechecked: 0, typecheckHits: 0, validated: 0, validationHits: 0 };
  /** Called when work the cache could not save starts (check starts the sandbox then). */
  onMiss: (() => void) | undefined;
  readonly #store: CacheStore;
  readonly #tool: string;
  #digests: FileDigests;
  /** What each slot held when read, to keep its other variants when writing. */
  readonly #slots = new Map<string, Variants<unknown>>();

  constructor(options: ProjectCacheOptions) {
    this.root = resolve(options.root);
    this.dir = resolve(options.dir ?? defaultCacheDir(this.root));
    this.#store = new CacheStore({ dir: this.dir, warn: options.warn });
    this.#tool = options.toolKey ?? getToolKey();
    this.#digests = new FileDigests(this.root);
  }

  /**
   * Starts a run: files are digested once per run (every mapping shares helpers and folders), so
   * a cache kept across runs must forget the digests of the last one. checkProject calls it.
   */
  newRun(): void {
    this.#digests = new FileDigests(this.root);
  }

  /** Reads a file's digest now, so an edit made while it is being compiled is noticed (see #keep). */
  remember(projectPaths: readonly string[]): Promise<unknown> {
    return Promise.all(projectPaths.map((p) => this.#digests.digest(`file:${p}`)));
  }

  async getFinished(source: string, options: { target: string; minify: boolean }): Promise<FinishedEntry | undefined> {
    const hit = await this.#lookup(this.#finishedSlot(source, options), isFinished);
    if (hit) this.stats.compileHits++;
    return hit;
  }

  /** `sources`: project paths of the user files the bundle read. */
  async putFinished(source: string, options: { target: string; minify: boolean }, result: FinishedEntry, sources: readonly string[]): Promise<void> {
    await this.#keep(this.#finishedSlot(source, options), result, sources);
  }

  async getTypecheck(sources: readonly string[], target: string): Promise<Finding[] | undefined> {
    const hit = await this.#lookup(this.#typecheckSlot(sources, target), isFindings);
    if (hit) this.stats.typecheckHits++;
    return hit;
  }

  /** `read`: project paths of every file of the project the type checker read. */
  async putTypecheck(sources: readonly string[], target: string, findings: Finding[], read: readonly string[]): Promise<void> {
    await this.#keep(this.#typecheckSlot(sources, target), findings, [...sources, ...read]);
  }

  /** The key of a validation: a digest of everything the report depends on besides the tool. */
  validationKey(parts: readonly string[]): string {
    return `validate-${hashParts([this.#tool, ...parts]).slice(0, 40)}`;
  }

  async getValidation(key: string): Promise<ValidationEntry | undefined> {
    const hit = await this.#store.read(key, isValidation);
    if (hit) this.stats.validationHits++;
    return hit;
  }

  async putValidation(key: string, entry: ValidationEntry): Promise<void> {
    await this.#store.write(key, entry);
  }

  /** Ends the run: bounds the folder's size if this run wrote to it. */
  async close(): Promise<void> {
    await this.#store.prune();
  }

  #finishedSlot(source: string, options: { target: string; minify: boolean }): string {
    return `compile-${hashParts([this.#tool, options.target, String(options.minify), source]).slice(0, 40)}`;
  }

  #typecheckSlot(sources: readonly string[], target: string): string {
    return `typecheck-${hashParts([this.#tool, target, ...[...sources].sort()]).slice(0, 40)}`;
  }

  async #lookup<T>(slot: string, check: (v: unknown) => v is T): Promise<T | undefined> {
    const stored = await this.#store.read(slot, isVariants(check));
    if (!stored) return undefined;
    this.#slots.set(slot, stored);
    for (const variant of stored.variants) {
      if (await this.#digests.unchanged(variant.dependencies)) return variant.result;
    }
    return undefined;
  }

  async #keep(slot: string, result: unknown, sources: readonly string[]): Promise<void> {
    const dependencies = await this.#digests.collect(new Set(sources));
    if (!dependencies || !(await this.#stillSo(dependencies))) return;
    const old = this.#slots.get(slot)?.variants ?? [];
    const same = (d: Dependencies) => JSON.stringify(d) === JSON.stringify(dependencies);
    const variants = [{ dependencies, result }, ...old.filter((v) => !same(v.dependencies))].slice(0, MAX_VARIANTS);
    this.#slots.set(slot, { variants });
    await this.#store.write(slot, { variants });
  }

  /**
   * Whether the files still hold what was digested (before the compile, for the files it was
   * known to read): a file saved while it was being compiled must not be stored with the result
   * of its older text.
   */
  async #stillSo(dependencies: Dependencies): Promise<boolean> {
    const fresh = new FileDigests(this.root);
    const files = Object.keys(dependencies).filter((k) => k.startsWith('file:'));
    const now = await Promise.all(files.map((k) => fresh.digest(k)));
    return files.every((k, i) => now[i] === dependencies[k]);
  }
}
