import { suggestEventType } from '../util/suggest-event.js';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Finding } from '../findings/finding.js';
import { isRealInside, toProjectPath } from '../util/path.js';
import { TOOL_ROOT } from '../util/tool-info.js';

export interface TypecheckOptions {
  root: string;
  files: readonly string[];
  target: string;
}

export interface TypecheckRun {
  findings: Finding[];
  /** Absolute paths of every file the checker read (its --listFiles), for the cache's key. */
  read: string[];
  /** False when the checker was stopped on its time limit: a result that depends on timing. */
  complete: boolean;
}

/**
 * The native TypeScript compiler (typescript 7) in its own process: about 0.1 s
 * for a mapping with the SDK types, where an in-process ts-morph program takes
 * over a second. One run checks every mapping.
 */
function findTsc(): { command: string; args: string[] } {
  const require = createRequire(join(TOOL_ROOT, 'package.json'));
  try {
    const pkg = require.resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
    const binary = join(dirname(pkg), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    if (existsSync(binary)) return { command: binary, args: [] };
  } catch {
    // no prebuilt binary for this platform: fall back to the launcher script
  }
  const typescriptDir = dirname(require.resolve('typescript/package.json'));
  return { command: process.execPath, args: [join(typescriptDir, 'bin', 'tsc')] };
}

/**
 * The builders' declaration files when built (prepare emits them): their types are
 * zod inferences, which cost ~3 s to check from source and ~0.2 s from .d.ts with
 * skipLibCheck. The sources are the fallback in a checkout that was never built.
 */
function getDestinationTypes(): string {
  const built = join(TOOL_ROOT, 'dist', 'types', 'runtime', 'destinations', 'index.d.ts');
  return existsSync(built) ? built : join(TOOL_ROOT, 'src', 'runtime', 'destinations', 'index.ts');
}

export async function typecheck(options: TypecheckOptions): Promise<Finding[]> {
  return (await runTypecheck(options, false)).findings;
}

/** The type check, also listing the files it read (what a cached result depends on). */
export function typecheckListingFiles(options: TypecheckOptions): Promise<TypecheckRun> {
  return runTypecheck(options, true);
}

async function runTypecheck(options: TypecheckOptions, listFiles: boolean): Promise<TypecheckRun> {
  // Written synchronously so that tsc, the longest step, starts before the caller spawns its other
  // processes and loads its other modules (each of which would delay an asynchronous write's callback).
  const dir = mkdtempSync(join(tmpdir(), 'dodo-transform-tsc-'));
  try {
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: options.target,
        // The engine is a current V8: its library is at least ES2020 whatever syntax the snippet is lowered to.
        lib: [options.target < 'es2020' ? 'es2020' : options.target],
        module: 'preserve',
        moduleResolution: 'bundler',
        allowImportingTsExtensions: true,
        resolveJsonModule: true,
        skipLibCheck: true,
        types: [],
        // Resolved from the tool's own installation: the user's folder may have no node_modules (npx).
        paths: {
          'dodo-transform': [join(TOOL_ROOT, 'src', 'runtime', 'mapping', 'index.ts')],
          'dodo-transform/destinations': [getDestinationTypes()],
        },
      },
      files: [join(TOOL_ROOT, 'src', 'runtime', 'mapping', 'globals.d.ts'), ...options.files.map((f) => resolve(options.root, f))],
    };
    const project = join(dir, 'tsconfig.json');
    writeFileSync(project, JSON.stringify(config));
    const tsc = findTsc();
    // Single-threaded: for a few mapping files tsc's parallel checkers cost more than they save, and
    // they would compete for the cores with the bundling and analysis this process does meanwhile.
    const output = await run(tsc.command, [...tsc.args, '-p', project, '--pretty', 'false', '--singleThreaded', ...(listFiles ? ['--listFiles'] : [])], options.root);
    const lines = output.split(/\r?\n/);
    // --listFiles prints one absolute path per line, among the diagnostics.
    const isListed = (line: string) => listFiles && LISTED_FILE.test(line) && !DIAGNOSTIC.test(line);
    const read = lines.filter(isListed);
    // Diagnostics in files outside the project (reached through an import, a reference the
    // bundler refuses, or a symbolic link inside the project that points out of it) are not
    // shown: their messages quote what those files contain.
    const findings = parseDiagnostics(lines.filter((l) => !isListed(l)).join('\n'), options.root).filter((f) => f.file === undefined || isRealInside(options.root, f.file));
    return { findings, read, complete: !output.startsWith(TIMED_OUT) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024, timeout: TYPECHECK_TIMEOUT_MS, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      // tsc exits non-zero when it reports diagnostics; only a missing or killed process is a failure.
      if (error && (error.killed || error.signal)) resolvePromise(`${TIMED_OUT} within ${TYPECHECK_TIMEOUT_MS / 1000} s (types too complex?); run with --no-typecheck to skip it\n`);
      else if (error && typeof error.code !== 'number') reject(new Error(`could not run the TypeScript compiler: ${error.message}`, { cause: error }));
      else resolvePromise(stdout + stderr);
    });
  });
}

/** Bounded like every other step that reads user input: pathological types must not hang a CI job. */
const TYPECHECK_TIMEOUT_MS = 20_000;
const TIMED_OUT = 'the type checker did not finish';
const LISTED_FILE = /^(\/|[A-Za-z]:[\\/])/;

const DIAGNOSTIC = /^(.+?)\((\d+),(\d+)\): (error|warning) TS(\d+): (.*)$/;
const UNKNOWN_KEY = /^Object literal may only specify known properties, (?:and|but) ''?(.+?)''? does not exist in type 'EventHandlers'/;
const IMPLICIT_ANY = 7006;

/** Parses `--pretty false` output: `file(line,col): error TSnnnn: message` plus indented continuation lines. */
export function parseDiagnostics(output: string, root: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = DIAGNOSTIC.exec(line);
    if (match) {
      const [, file = '', lineNo = '0', col = '0', , tsCode = '', message = ''] = match;
      findings.push(toFinding(toProjectPath(root, resolve(root, file)), Number(lineNo), Number(col), Number(tsCode), message));
    } else if (line.startsWith('  ') && findings.length > 0) {
      const last = findings[findings.length - 1];
      if (last) last.details = [...(last.details ?? []), line.trim()];
    } else if (line.trim()) {
      findings.push({ code: 'type-error', severity: 'error', message: line.trim() });
    }
  }
  // An unknown event key leaves its handler's parameter untyped: that second error is only noise.
  const unknownKeyLines = new Set(findings.filter((f) => f.code === 'unknown-event').map((f) => `${f.file}:${f.line}`));
  return findings.filter((f) => !(f.message.startsWith(`TS${IMPLICIT_ANY}`) && unknownKeyLines.has(`${f.file}:${f.line}`)));
}

function toFinding(file: string, line: number, column: number, tsCode: number, message: string): Finding {
  const unknownKey = UNKNOWN_KEY.exec(message)?.[1];
  if (unknownKey !== undefined) return { ...unknownEventFinding(unknownKey), file, line, column };
  return { code: 'type-error', severity: 'error', message: `TS${tsCode}: ${message}`, file, line, column };
}

/** Shared with the mapping inspector so both checks produce the same, de-duplicable finding. */
export function unknownEventFinding(key: string): Finding {
  const guess = suggestEventType(key);
  return {
    code: 'unknown-event',
    severity: 'error',
    message: `"${key}" is not a Dodo event type${guess ? `; did you mean "${guess}"?` : ''}`,
  };
}
