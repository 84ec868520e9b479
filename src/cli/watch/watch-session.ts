// One watch session: a full run at start, then runs limited to what a change touches.
// Keeps the last compile, findings per mapping and one warm sandbox between runs.
import { existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { compile, compileDeferred, type CompiledSnippet } from '../../compile/compile.js';
import { REFERENCE_TARGET } from '../../compile/targets.js';
import type { ResolvedConfig } from '../../config/resolve-config.js';
import { sortFindings, type Finding } from '../../findings/finding.js';
import { findMappings } from '../../project/find-mappings.js';
import { createSandbox, type Sandbox } from '../../sandbox/index.js';
import { isInside, toProjectPath } from '../../util/path.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import { fromCompiled } from '../../validate/from-compiled.js';
import { checkProject } from '../../project/check-project.js';
import { findHandWritten } from '../../project/committed-snippets.js';
import type { PreparedSnippets } from '../../project/prepare-snippets.js';
import { getChangeImpact } from './change-set.js';

export type WatchMode = 'build' | 'check';

export interface CycleResult {
  /** Project paths of the mappings compiled in this run. */
  compiled: string[];
  /** Every current finding of the project, not only this run's. */
  findings: Finding[];
  /** Files written (build mode). */
  written: string[];
  durationMs: number;
}


export class WatchSession {
  readonly #mode: WatchMode;
  readonly #cwd: string;
  readonly #loadConfig: () => Promise<ResolvedConfig>;
  #config!: ResolvedConfig;
  #mappings: string[] = [];
  readonly #compiled = new Map<string, CompiledSnippet>();
  readonly #references = new Map<string, string>();
  readonly #compileFindings = new Map<string, Finding[]>();
  readonly #validationFindings = new Map<string, Finding[]>();
  #committedFindings: Finding[] = [];
  /** Build mode: hand-written snippets the last write left alone. */
  #writeFindings: Finding[] = [];
  #sandbox: Sandbox | undefined;

  constructor(mode: WatchMode, cwd: string, loadConfig: () => Promise<ResolvedConfig>) {
    this.#mode = mode;
    this.#cwd = cwd;
    this.#loadConfig = loadConfig;
  }

  get config(): ResolvedConfig {
    return this.#config;
  }

  /** Folders to watch: every mapping's and helper's folder, the config's, samples and (check) the output. */
  watchedDirs(): { dir: string; recursive: boolean }[] {
    const dirs = new Set<string>([this.#config.root]);
    for (const file of this.#mappings) dirs.add(join(file, '..'));
    // Each pattern's own folder too: with its last mapping deleted, a new one must still be seen.
    for (const base of this.#globBases()) dirs.add(base);
    for (const snippet of this.#compiled.values()) for (const input of snippet.inputs) dirs.add(join(this.#config.root, input, '..'));
    const out = [...dirs].filter(existsSync).map((dir) => ({ dir, recursive: false }));
    if (existsSync(this.#config.samples)) out.push({ dir: this.#config.samples, recursive: true });
    if (this.#mode === 'check' && existsSync(this.#config.outDir)) out.push({ dir: this.#config.outDir, recursive: false });
    return out;
  }

  /** The folders the mapping patterns start from (`mappings/*.ts` → mappings). */
  #globBases(): string[] {
    return this.#config.mappings.map((pattern) => {
      const parts = pattern.split(/[\\/]/);
      const glob = parts.findIndex((p) => /[*?[\]{}]/.test(p));
      return join(this.#config.root, ...(glob === -1 ? parts.slice(0, -1) : parts.slice(0, glob)));
    });
  }

  /** How many mapping files the patterns match now. */
  get mappingCount(): number {
    return this.#mappings.length;
  }

  /** Whether a changed path can matter (build mode's own writes to outDir do not). */
  isRelevant(file: string): boolean {
    if (/(^|[\\/])(node_modules|\.git)([\\/]|$)/.test(file) || /\.tmp$/.test(file)) return false;
    // A pattern's folder (or one above it) created, renamed or removed.
    if (this.#globBases().some((base) => !relative(file, base).startsWith('..'))) return true;
    if (this.#mode === 'build' && !relative(this.#config.outDir, file).startsWith('..')) return false;
    return /\.(c|m)?[jt]s$|\.json$/.test(file);
  }

  async start(): Promise<CycleResult> {
    const started = performance.now();
    this.#config = await this.#loadConfig();
    this.#mappings = await findMappings(this.#config.root, this.#config.mappings);
    this.#compiled.clear();
    this.#compileFindings.clear();
    this.#validationFindings.clear();
    // Kept warm for the whole session: mapping inspection (both modes) and validation run there.
    this.#sandbox ??= createSandbox(this.#mode === 'check' ? {} : { concurrency: 1 });
    return this.#run(this.#mappings, true, started);
  }

  async onChanges(changed: ReadonlySet<string>): Promise<CycleResult> {
    const started = performance.now();
    const current = await findMappings(this.#config.root, this.#config.mappings);
    const impact = getChangeImpact({
      root: this.#config.root,
      ...(this.#config.configFile && { configFile: this.#config.configFile }),
      samplesDir: this.#config.samples,
      outDir: this.#config.outDir,
      mappings: this.#mappings,
      compiled: this.#compiled,
    }, changed, current);
    if (impact.reload) return this.start();
    for (const gone of this.#mappings.filter((m) => !current.includes(m))) {
      this.#compiled.delete(gone);
      this.#compileFindings.delete(gone);
      this.#validationFindings.delete(gone);
    }
    this.#mappings = current;
    return this.#run(impact.mappings, impact.samples, started);
  }

  async close(): Promise<void> {
    await this.#sandbox?.close();
  }

  async #run(mappings: string[], revalidateAll: boolean, started: number): Promise<CycleResult> {
    const config = this.#config;
    const written: string[] = [];
    // Settles when the compile findings of this run's mappings include the type check's.
    let typeChecked: Promise<void> = Promise.resolve();
    if (mappings.length > 0) {
      const result = await compileDeferred({ root: config.root, mappings, target: config.target, minify: config.minify, typecheck: config.typecheck, ...(this.#sandbox && { sandbox: this.#sandbox }) });
      // As check: a mapping that lowering leaves unchanged is not finished a second time.
      const reference = this.#mode === 'check'
        ? await compile({ root: config.root, mappings, target: REFERENCE_TARGET, typecheck: false, ...(this.#sandbox && { sandbox: this.#sandbox }), ...(!config.minify && result.made && { sameAs: result.made }) })
        : undefined;
      for (const file of mappings) {
        const source = toProjectPath(config.root, file);
        const snippet = result.snippets.find((s) => s.source === source);
        if (snippet) this.#compiled.set(file, snippet);
        else this.#compiled.delete(file);
        const ref = reference?.snippets.find((s) => s.source === source);
        if (ref) this.#references.set(file, ref.code);
      }
      // Check mode runs the samples while tsc is still checking (see checkProject); build mode
      // writes only mappings without errors, so it waits for the type check first.
      typeChecked = result.typeFindings.then((found) => {
        const all = sortFindings([...result.findings, ...found]);
        for (const file of mappings) {
          const inputs = this.#compiled.get(file)?.inputs ?? [toProjectPath(config.root, file)];
          this.#compileFindings.set(file, all.filter((f) => mappings.length === 1 || !f.file || inputs.includes(f.file)));
        }
      });
      typeChecked.catch(() => undefined); // awaited below, after the samples have run
      if (this.#mode === 'build') {
        await typeChecked;
        const ok = mappings.filter((m) => this.#compiled.has(m) && !(this.#compileFindings.get(m) ?? []).some((f) => f.severity === 'error'));
        const files = new Map(ok.map((m) => [join(config.outDir, `${this.#compiled.get(m)!.name}.js`), this.#compiled.get(m)!.code] as const));
        // As build: a hand-written snippet where a mapping's goes is never written over.
        const handWritten = new Set(await findHandWritten(files.keys()));
        for (const path of handWritten) files.delete(path);
        this.#writeFindings = this.#writeFindings.filter((f) => !mappings.some((m) => this.#compiled.get(m)?.name === basename(f.file ?? '', '.js')));
        if (handWritten.size > 0) {
          this.#writeFindings.push(...[...handWritten].map((path) => ({
            code: 'snippet-name-taken' as const, severity: 'error' as const, file: toProjectPath(config.root, path),
            message: `${toProjectPath(config.root, path)} is hand-written, and a mapping compiles to the same name: it was not overwritten. Rename the mapping, or move the hand-written snippet`,
          })));
        }
        // A folder in the project (the config's outDir is) stays in it through links, as with build.
        await writeFilesAtomic(files, { inputs: mappings, cwd: this.#cwd, ...(isInside(config.root, config.outDir) && { within: config.root }) });
        written.push(...[...files.keys()].map((p) => relative(this.#cwd, p)));
      }
    }
    if (this.#mode === 'check') await this.#check(revalidateAll ? this.#mappings : mappings);
    await typeChecked;
    return {
      compiled: mappings.map((m) => toProjectPath(config.root, m)),
      findings: this.#currentFindings(),
      written,
      durationMs: performance.now() - started,
    };
  }

  async #check(toValidate: readonly string[]): Promise<void> {
    const config = this.#config;
    const changed = new Set(toValidate.map((file) => toProjectPath(config.root, file)));
    const compiledSources = new Set([...this.#compiled.values()].map((s) => s.source));
    const prepared: PreparedSnippets = {
      snippets: [...this.#compiled].map(([file, snippet]) => fromCompiled(config.root, snippet, this.#references.get(file))),
      compiled: [...this.#compiled.values()],
      // Compile findings are kept per mapping by the session itself.
      findings: [],
    };
    // The same check as `check`: changed mappings and every hand-written snippet in outDir run on
    // the samples; all compiled snippets are compared with what is committed.
    const { report } = await checkProject({
      config, mappings: this.#mappings, cwd: this.#cwd, prepared,
      validate: (file) => changed.has(file) || !compiledSources.has(file),
      ...(this.#sandbox && { sandbox: this.#sandbox }),
    });
    const ofMapping = (file: string) => {
      const snippet = this.#compiled.get(file);
      const source = toProjectPath(config.root, file);
      return (f: Finding) => f.file === source || (snippet?.inputs.includes(f.file ?? '') ?? false);
    };
    for (const file of toValidate) this.#validationFindings.set(file, report.findings.filter(ofMapping(file)));
    const owned = this.#mappings.map(ofMapping);
    this.#committedFindings = report.findings.filter((f) => !owned.some((isOf) => isOf(f)));
  }

  #currentFindings(): Finding[] {
    const all = [...this.#committedFindings, ...this.#writeFindings];
    for (const file of this.#mappings) all.push(...(this.#compileFindings.get(file) ?? []), ...(this.#validationFindings.get(file) ?? []));
    return all;
  }
}
