import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { EVENT_TYPES } from '../../src/runtime/events/event-types.js';
import type { Finding } from '../../src/findings/finding.js';
import { convertSnippet, type ConversionResult } from '../../src/import/convert-snippet.js';
import { BUILTIN_SAMPLES, getVariants } from '../../src/samples/index.js';
import { FIXTURES } from '../support/fixtures.js';
import { makeWebhook, runSnippet } from '../support/run-snippet.js';

export interface Converted extends ConversionResult {
  /** The compiled snippet of the converted mapping ('' when it did not compile). */
  compiled: string;
  findings: Finding[];
}

/**
 * Converts a snippet and compiles the mapping as a user would: from a file in a
 * throw-away folder inside test/fixtures (compile() resolves "dodo-transform" itself).
 */
export async function convertAndCompile(code: string, options: { name?: string; typecheck?: boolean } = {}): Promise<Converted> {
  const name = options.name ?? 'imported';
  const result = convertSnippet(code, { fileName: `${name}.js` });
  const dir = await mkdtemp(join(FIXTURES, '.import-'));
  try {
    const file = join(dir, `${name}.ts`);
    await writeFile(file, result.source);
    const { snippets, findings } = await compile({ root: FIXTURES, mappings: [file], typecheck: options.typecheck ?? false });
    return { ...result, compiled: snippets[0]?.code ?? '', findings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const errorsOf = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');

/** The result, or that it threw: the two snippets name their variables differently, so messages would differ. */
function outcome(code: string, webhook: unknown): unknown {
  try {
    return runSnippet(code, webhook);
  } catch {
    return { threw: true };
  }
}

/**
 * Runs both snippets on every built-in sample and variant, optionally with endpoint
 * variables, and expects identical results except for the listed event types.
 * Returns how many runs the original changed the webhook in, so a test can insist
 * that the comparison covered real work.
 */
export function expectSameBehaviour(original: string, compiled: string, options: { env?: Record<string, string>; except?: readonly string[] } = {}): number {
  let changed = 0;
  for (const type of EVENT_TYPES) {
    if (options.except?.includes(type)) continue;
    for (const variant of getVariants(BUILTIN_SAMPLES[type])) {
      const webhook = makeWebhook(variant.event as { type: string }, options.env);
      const expected = outcome(original, webhook);
      expect(outcome(compiled, webhook), `${type}/${variant.name}`).toEqual(expected);
      if (JSON.stringify(expected) !== JSON.stringify(webhook)) changed++;
    }
  }
  return changed;
}
