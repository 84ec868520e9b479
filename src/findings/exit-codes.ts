import { hasErrors, type Finding } from './finding.js';

export type ExitCode = 0 | 1 | 2;

/** What each exit code means: `summary` for --help, `examples` for the README's table. */
export const EXIT_CODES: Readonly<Record<ExitCode, { summary: string; examples: string }>> = {
  0: { summary: 'success (warnings allowed)', examples: 'every input compiled and validated; warnings are printed' },
  1: {
    summary: 'the inputs have problems (type errors, invalid mappings, findings)',
    examples: 'type errors, invalid mappings, snippets over the 51,200-character limit, validation errors, stale snippets',
  },
  2: {
    summary: 'could not run: usage, config or load error, or an internal error',
    examples: 'bad usage, invalid config, a file that cannot be loaded, or an internal error',
  },
};

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_CANNOT_RUN = 2;

/** The "Exit codes:" block of --help. */
export function exitCodesHelp(): string {
  return ['Exit codes:', ...Object.entries(EXIT_CODES).map(([code, { summary }]) => `  ${code}  ${summary}`)].join('\n');
}

/** 0: clean (warnings allowed), 1: the inputs have problems. Usage/config/load errors exit 2 elsewhere. */
export function getExitCode(findings: readonly Finding[]): typeof EXIT_OK | typeof EXIT_PROBLEMS {
  return hasErrors(findings) ? EXIT_PROBLEMS : EXIT_OK;
}
