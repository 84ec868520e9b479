// The templates as compiled once per run by compile-templates.ts (tests of the "templates" project only).
import { inject } from 'vitest';
import type { CompiledSnippet, CompileResult } from '../../src/compile/compile.js';

/** Every template, compiled together with the type check (ES2020, as `build` does). */
export function compiledTemplates(): CompileResult {
  return inject('templates').typechecked;
}

/** One template's part of that build: its snippet, and the findings about it or about no file. */
export function compileTemplate(name: string): CompileResult {
  const { snippets, findings } = compiledTemplates();
  return {
    snippets: snippets.filter((s) => s.name === name),
    findings: findings.filter((f) => f.file === undefined || f.file === `templates/${name}.ts`),
  };
}

/** The template compiled for es2022 without the type check: the reference a parity check compares with. */
export function referenceSnippet(name: string): CompiledSnippet | undefined {
  return inject('templates').reference.snippets.find((s) => s.name === name);
}
