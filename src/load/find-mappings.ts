import { glob } from 'tinyglobby';

/** Mapping files matched by the config's patterns, absolute and sorted. Declaration files are not mappings. */
export async function findMappings(root: string, patterns: readonly string[]): Promise<string[]> {
  const files = await glob([...patterns], { cwd: root, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] });
  return files.sort();
}
