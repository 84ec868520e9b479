import type { Project } from 'ts-morph';
import { noteBlock } from './comment-block.js';
import type { MappingPlan } from './plan-mapping.js';

export interface ModuleParts {
  /** Comment lines for the top of the file. */
  header: string;
  /** Top-level code of the snippet copied as is, or kept in comments. */
  helpers: readonly string[];
  plan: MappingPlan;
  names: { defineMapping: string; skip: string };
  /** The destination the snippet's "// Destination:" line names: its checks then apply to the mapping too. */
  destination?: string;
}

export function assembleModule({ header, helpers, plan, names, destination }: ModuleParts): string {
  const values = [alias('defineMapping', names.defineMapping), ...(plan.usesSkip ? [alias('skip', names.skip)] : [])];
  const types = [...plan.typeImports].sort().map((t) => `type ${t}`);
  const what = plan.otherEvents === 'passthrough' ? 'forwarded unchanged' : 'cancelled';
  const otherEvents = plan.otherEvents === undefined ? ''
    : `// Events without a handler are ${what}${plan.otherEventsExact ? ', as the snippet did' : ''}.\notherEvents: '${plan.otherEvents}',\n`;
  return [
    header,
    `import { ${[...values, ...types].join(', ')} } from 'dodo-transform';`,
    ...helpers,
    ...plan.shared,
    `export default ${names.defineMapping}({\n${destination === undefined ? '' : `destination: '${destination}',\n`}${otherEvents}events: {\n${plan.entries.join('\n')}\n},\n});`,
  ].filter((part) => part !== '').join('\n\n');
}

/**
 * When nothing could be converted: the snippet in a comment, and a mapping that type-checks but
 * throws when it loads, so that build and check fail on it instead of shipping a snippet that
 * cancels every event.
 */
export function assembleFallback(header: string, reason: string, code: string): string {
  return [
    header,
    noteBlock(`could not convert this snippet: ${reason.replace(/\.$/, '')}. Write its handlers by hand, then delete the throw below. The original snippet:`, code),
    "import { defineMapping } from 'dodo-transform';",
    "throw new Error('dodo-transform import could not convert this snippet: write its handlers, then delete this line');",
    'export default defineMapping({\nevents: {},\n});',
  ].filter((part) => part !== '').join('\n\n');
}

/** TypeScript's own formatter: two-space indentation whatever the snippet used. */
export function formatModule(project: Project, text: string): string {
  const file = project.createSourceFile('__mapping.ts', text, { overwrite: true });
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  // No regex clean-up here: it would reach into template literals, whose text is behaviour.
  return `${file.getFullText().trimEnd()}\n`;
}

const alias = (name: string, local: string) => (name === local ? name : `${name} as ${local}`);
