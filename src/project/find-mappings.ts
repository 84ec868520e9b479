
/** Mapping files matched by the config's patterns, absolute and sorted. Declaration files are not mappings. */
export async function findMappings(root: string, patterns: readonly string[]): Promise<string[]> {
  // Loaded on use: commands given explicit files never glob, and tinyglobby costs ~18 ms to load.
  const { glob } = await import('tinyglobby');
  const files = await glob([...patterns], { cwd: root, absolute: true, ignore: ['**/node_modules/**', '**/*.d.ts'] });
  return files.sort();
}
