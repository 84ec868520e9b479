import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, relative, resolve } from 'node:path';
import { resolveConfig } from '../../config/resolve-config.js';
import { UserError } from '../../util/errors.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import type { CliIo } from '../io.js';
import { EXIT_OK, EXIT_PROBLEMS } from '../../findings/exit-codes.js';

export interface ImportSnippetOptions {
  /** The hand-written snippet (`function handler(webhook) { … }`). */
  file: string;
  /** Where to write the mapping; `-` prints it. @default "mappings/<snippet name>.ts" under the project root */
  out?: string;
  /** Overwrite an existing file. */
  force?: boolean;
}

/**
 * Converts a hand-written snippet into a typed mapping. Exit 0 when everything was
 * converted, 1 when some code could only be kept in a comment (the file is still written).
 */
export async function importSnippet(io: CliIo, options: ImportSnippetOptions): Promise<number> {
  const input = resolve(io.cwd, options.file);
  let code: string;
  try {
    code = await readFile(input, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read it: ${(error as Error).message}`;
    throw new UserError(`${options.file}: ${reason}`, { cause: error });
  }
  const toStdout = options.out === '-';
  const name = basename(input, extname(input));
  const out = toStdout ? undefined
    : options.out !== undefined ? resolve(io.cwd, options.out) : join((await resolveConfig({ cwd: io.cwd })).root, 'mappings', `${name}.ts`);
  // Paths as the user would type them from here; absolute when outside the working directory.
  const shown = (path: string) => (relative(io.cwd, path).startsWith('..') ? path : relative(io.cwd, path) || path);
  if (out && existsSync(out) && !options.force) throw new UserError(`${shown(out)} already exists; pass --force to overwrite it, or --out to write elsewhere`);

  // ts-morph takes a moment to load: only now that the inputs are known to be fine.
  const { convertSnippet } = await import('../../import/convert-snippet.js');
  const { formatNote } = await import('../../import/notes.js');
  const { source, notes } = convertSnippet(code, { fileName: basename(input) });
  for (const note of notes) io.stderr.write(`${formatNote(note, shown(input))}\n`);
  if (out) {
    await writeFilesAtomic(new Map([[out, source]]));
    io.stderr.write(`wrote ${shown(out)}\n`);
  } else {
    io.stdout.write(source);
  }
  const target = out ? shown(out) : `mappings/${name}.ts`;
  io.stderr.write(`${out ? 'next' : 'save it as a .ts file, then'}: run \`dodo-transform generate handler ${target}\` to see its type errors\n`);
  return notes.some((n) => n.code === 'not-converted') ? EXIT_PROBLEMS : EXIT_OK;
}
