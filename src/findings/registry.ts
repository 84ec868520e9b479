// Every code a finding can carry: the tool's own, plus the ones destinations register. The registry
// knows nothing of destinations; src/destinations/registry.ts feeds it their codes when it loads.
import { FINDING_CODES, type CodeInfo, type FindingCode } from './codes.js';

const registered = new Map<string, CodeInfo>(Object.entries(FINDING_CODES));

/** Adds namespaced codes (`prefix.problem`); a code registered twice is a programming error. */
export function registerFindingCodes(codes: Readonly<Record<string, CodeInfo>>): void {
  for (const [code, info] of Object.entries(codes)) {
    if (!code.includes('.')) throw new Error(`finding code "${code}" must be namespaced (prefix.problem)`);
    if (registered.has(code)) throw new Error(`finding code "${code}" is registered twice`);
    registered.set(code, info);
  }
}

/** Severity and summary of a code, or undefined when nothing registered it. */
export function getFindingCode(code: string): CodeInfo | undefined {
  return registered.get(code);
}

export function isFindingCode(code: string): code is FindingCode {
  return registered.has(code);
}

/** All registered codes, the tool's first, then in registration order. */
export function listFindingCodes(): [FindingCode, CodeInfo][] {
  return [...registered] as [FindingCode, CodeInfo][];
}
