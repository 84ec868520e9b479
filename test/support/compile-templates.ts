// Vitest globalSetup of the "templates" project: compiles every template once for the whole run, with the
// type check (what users get) and unlowered without it (the parity reference), and hands both to the tests.
import type { TestProject } from 'vitest/node';
import { compile, type CompileResult } from '../../src/compile/compile.js';
import { listTemplateNames } from '../../src/templates/list-templates.js';
import { REPO_ROOT } from './fixtures.js';

export interface TemplateBuilds {
  typechecked: CompileResult;
  reference: CompileResult;
}

declare module 'vitest' {
  export interface ProvidedContext {
    templates: TemplateBuilds;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const mappings = listTemplateNames().map((n) => `templates/${n}.ts`);
  const [typechecked, reference] = await Promise.all([
    compile({ root: REPO_ROOT, mappings }),
    compile({ root: REPO_ROOT, mappings, target: 'es2022', typecheck: false }),
  ]);
  project.provide('templates', { typechecked, reference });
}
