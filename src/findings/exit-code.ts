import { hasErrors, type Finding } from './finding.js';

/** 0: clean (warnings allowed), 1: the inputs have problems. Usage/config/load errors exit 2 elsewhere. */
export function getExitCode(findings: readonly Finding[]): 0 | 1 {
  return hasErrors(findings) ? 1 : 0;
}
