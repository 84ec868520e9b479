import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { findProjectRoot } from '../../config/resolve-config.js';
import { UserError } from '../../util/errors.js';
import { shownPath, unsafePathReason } from '../../util/path.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import { assertReadableFile, readBounded } from '../../util/user-files.js';
import { MAX_SNIPPET_CHARS } from '../../compile/targets.js';
import { readGeneratedFrom } from '../../compile/emit-snippet.js';
import { escapeLine } from '../../util/terminal-text.js';
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
  // Read as validate reads a snippet: a regular file only, not a link out of the project, and never
  // more than a snippet may hold.
  assertReadableFile(input, options.file, findProjectRoot(io.cwd));
  const read = await readBounded(input, MAX_SNIPPET_CHARS * 4);
  if (read.truncated) throw new UserError(`${options.file}: ${read.bytes} bytes is too large for a snippet (the dashboard takes ${MAX_SNIPPET_CHARS} characters)`);
  const code = read.text;
  // A snippet this tool generated already has its mapping: importing it would only fork that source.
  const generatedFrom = readGeneratedFrom(code)?.from;
  if (generatedFrom !== undefined) {
    throw new UserError(`${options.file}: dodo-transform generated this snippet (from ${escapeLine(generatedFrom)}): change that source and rebuild rather than import the snippet`);
  }
  const toStdout = options.out === '-';
  const name = basename(input, extname(input));
  const out = toStdout ? undefined
    : options.out !== undefined ? resolve(io.cwd, options.out) : join(findProjectRoot(io.cwd), 'mappings', `${name}.ts`);
  // Paths as the user would type them from here; absolute when outside the working directory.
  const shown = (path: string) => shownPath(io.cwd, path);
  // The mapping's file name goes into its snippet's header comment: compile refuses what it could not write there.
  const unsafe = out === undefined ? undefined : unsafePathReason(basename(out));
  if (unsafe !== undefined) throw new UserError(`${escapeLine(shown(out!))}: the file name ${unsafe}, and compiling would refuse it; pass --out with a plain name`);
  if (out && existsSync(out) && !options.force) throw new UserError(`${shown(out)} already exists; pass --force to overwrite it, or --out to write elsewhere`);

  // ts-morph takes a moment to load: only now that the inputs are known to be fine.
  const { convertSnippet } = await import('../../import/convert-snippet.js');
  const { formatNote } = await import('../../import/notes.js');
  let converted: ReturnType<typeof convertSnippet>;
  try {
    converted = convertSnippet(code, { fileName: basename(input) });
  } catch (error) {
    // TypeScript's parser and checker recurse: code nested thousands of levels deep exhausts the stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new UserError(`${options.file}: nests too deeply to convert (TypeScript's parser ran out of stack); no snippet the dashboard runs is nested like this`, { cause: error });
    }
    throw error;
  }
  const { source, notes } = converted;
  for (const note of notes) io.stderr.write(`${formatNote(note, shown(input))}\n`);
  if (out) {
    await writeFilesAtomic(new Map([[out, source]]), { inputs: [input], cwd: io.cwd });
    io.stderr.write(`wrote ${shown(out)}\n`);
  } else {
    io.stdout.write(source);
  }
  const target = out ? shown(out) : `mappings/${name}.ts`;
  io.stderr.write(`${out ? 'next' : 'save it as a .ts file, then'}: run \`dodo-transform generate handler ${target}\` to see its type errors\n`);
  return notes.some((n) => n.code === 'not-converted') ? EXIT_PROBLEMS : EXIT_OK;
}
