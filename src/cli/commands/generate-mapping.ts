import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { UserError } from '../../util/errors.js';
import { writeFilesAtomic } from '../../util/write-atomic.js';
import type { CliIo } from '../io.js';
import { getTemplatePath } from './generate-handler.js';
import { EXIT_OK } from '../../findings/exit-codes.js';

export interface GenerateMappingOptions {
  template: string;
  out?: string;
  force?: boolean;
}

/** Copies a built-in template into the project as an editable mapping (mappings/<name>.ts by default). */
export async function generateMapping(io: CliIo, options: GenerateMappingOptions): Promise<number> {
  const source = getTemplatePath(options.template);
  const out = resolve(io.cwd, options.out ?? `mappings/${options.template}.ts`);
  if (existsSync(out) && !options.force) {
    throw new UserError(`${relative(io.cwd, out)} already exists; pass --force to overwrite it, or --out to write elsewhere`);
  }
  await writeFilesAtomic(new Map([[out, await readFile(source, 'utf8')]]), { cwd: io.cwd });
  io.stderr.write(`wrote ${relative(io.cwd, out)} from the ${options.template} template; compile it with: dodo-transform generate handler ${relative(io.cwd, out)}\n`);
  return EXIT_OK;
}
