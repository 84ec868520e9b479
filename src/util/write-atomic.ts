import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/**
 * Writes every file to a temporary sibling first and renames only once all
 * writes succeeded, so a failure leaves the previous files untouched.
 */
export async function writeFilesAtomic(files: ReadonlyMap<string, string>): Promise<void> {
  const staged: [string, string][] = [];
  try {
    for (const [path, content] of files) {
      await mkdir(dirname(path), { recursive: true });
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
      staged.push([temp, path]);
      await writeFile(temp, content);
    }
  } catch (error) {
    await Promise.all(staged.map(([temp]) => rm(temp, { force: true })));
    throw error;
  }
  for (const [temp, path] of staged) await rename(temp, path);
}
