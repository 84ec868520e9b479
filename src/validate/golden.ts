import { createTwoFilesPatch } from 'diff';

/** JSON as golden files store it: two-space indentation, trailing newline, keys in the order produced. */
export function formatGolden(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A unified diff of expected vs actual, without the file header lines, for a finding's details. */
export function diffText(expected: string, actual: string, expectedLabel: string, actualLabel: string): string[] {
  const patch = createTwoFilesPatch(expectedLabel, actualLabel, expected, actual, undefined, undefined, { context: 2 });
  // Without its "Index:" and "====" preamble (which jsdiff versions differ in): from the --- line on.
  const lines = patch.split('\n');
  return lines.slice(Math.max(0, lines.findIndex((line) => line.startsWith('--- '))))
    .filter((line) => line !== '\\ No newline at end of file' && line !== '');
}
