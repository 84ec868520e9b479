// convertSnippet(): a hand-written `function handler(webhook)` → a typed mapping module.
//
//   parse → for each of the 48 event types: specialize (take the dispatch out)
//         → translate (webhook assignments → returned result) → prune
//   → plan (group identical handlers, pick otherEvents) → assemble → format
//
// Pure: a string in, a string and notes out. Behaviour is kept exactly; what cannot
// be kept is left in comments with a note instead of being guessed.
import { escapeLine } from '../util/terminal-text.js';
import { Node, Project, SyntaxKind, type FunctionDeclaration, type SourceFile, type Statement } from 'ts-morph';
import { EVENT_TYPES, type EventType } from '../runtime/events/event-types.js';
import { assembleFallback, assembleModule, formatModule } from './assemble-module.js';
import { readDeclaredDestination } from '../compile/emit-snippet.js';
import { getOriginalBody, getOriginalText, NOTE_PREFIX, noteBlock } from './comment-block.js';
import { findEventTypeAliases, findFirstPayloadWrite, findPayloadAliases, type ImportContext } from './context.js';
import { convertEvent } from './convert-event.js';
import { describeUnknownEvent } from './event-tests.js';
import { findImplicitGlobals } from './implicit-globals.js';
import { NamePicker } from './names.js';
import { NoteSink, type ConversionNote } from './notes.js';
import { parseSnippet } from './parse-snippet.js';
import { planMapping } from './plan-mapping.js';

export type { ConversionNote, ConversionNoteCode } from './notes.js';

export interface ConvertOptions {
  /** Named in the generated header. @default "snippet.js" */
  fileName?: string;
}

export interface ConversionResult {
  /** The mapping module, formatted. */
  source: string;
  notes: ConversionNote[];
}

export function convertSnippet(code: string, options: ConvertOptions = {}): ConversionResult {
  const fileName = options.fileName ?? 'snippet.js';
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { allowJs: true } });
  const notes = new NoteSink();
  const parsed = parseSnippet(project, code);
  const header = (failed: boolean) => [
    ...(parsed.sourceFile ? [getFileComments(parsed.sourceFile)] : []),
    // The name on one comment line whatever it holds: a newline in it would start a line of code.
    `// Converted from ${escapeLine(fileName)} by \`dodo-transform import\`${failed ? '' : ': it does what the snippet did, bugs included, now type-checked'}.`,
  ].filter((line) => line !== '').join('\n');
  const fallback = (reason: string, line?: number): ConversionResult => {
    notes.add({ code: 'not-converted', message: `could not convert the snippet: ${reason}`, ...(line !== undefined && { line }) });
    return { source: formatModule(project, assembleFallback(header(true), reason, code)), notes: notes.notes };
  };
  if ('problem' in parsed) return fallback(parsed.problem, parsed.line);

  const ctx = createContext(project, parsed.sourceFile, parsed.handler, parsed.webhook, notes);
  const helpers = [...declareImplicitGlobals(parsed.sourceFile, notes), ...parsed.outside.map((statement) => copyOutside(statement, notes))];
  const outcomes = EVENT_TYPES.map((type) => convertEvent(type, parsed.handler, ctx));
  const [fatal] = ctx.fatal;
  if (fatal) return fallback(fatal.message, fatal.node.getStartLineNumber());

  const plan = planMapping(outcomes, ctx, getOrder(parsed.handler), getDeadBranchComments(ctx));
  const failed = notes.notes.some((n) => n.code === 'not-converted');
  const destination = readDeclaredDestination(code);
  const source = assembleModule({ header: header(failed), helpers, plan, names: ctx.names, ...(destination !== undefined && { destination }) });
  return { source: formatModule(project, source), notes: notes.notes };
}

function createContext(project: Project, file: SourceFile, handler: FunctionDeclaration, webhook: string, notes: NoteSink): ImportContext {
  const picker = new NamePicker(file);
  const base = {
    project,
    webhook,
    names: { event: picker.pick('event'), skip: picker.pick('skip'), defineMapping: picker.pick('defineMapping') },
    firstPayloadWrite: findFirstPayloadWrite(handler, webhook),
    notes,
    picker,
    fatal: [],
    visited: new Set<Node>(),
    opaque: new Set<Node>(),
    deadBranches: new Map<Node, string | undefined>(),
  };
  const withPayload = { ...base, payloadAliases: findPayloadAliases(handler, webhook, base.firstPayloadWrite) };
  return { ...withPayload, aliases: findEventTypeAliases(handler, withPayload) };
}

/** Helpers declared beside `handler` are copied; code that would run on every call is kept in a comment. */
function copyOutside(statement: Statement, notes: NoteSink): string {
  const line = statement.getStartLineNumber();
  if (Node.isFunctionDeclaration(statement) || Node.isVariableStatement(statement) || Node.isClassDeclaration(statement)) {
    notes.add({ code: 'copied-as-is', line, message: 'code outside `handler` is copied unchanged; it is plain JavaScript, so give it types' });
    return getOriginalText(statement);
  }
  notes.add({ code: 'not-converted', line, message: 'could not convert code outside `handler` that runs on every call; it is kept in a comment' });
  return noteBlock('could not convert this code outside `handler`, which ran before it on every call:', getOriginalText(statement));
}

function declareImplicitGlobals(file: SourceFile, notes: NoteSink): string[] {
  const names = findImplicitGlobals(file);
  if (names.length === 0) return [];
  const list = names.map((n) => `\`${n}\``).join(', ');
  notes.add({ code: 'implicit-global', message: `the snippet assigns ${list} without declaring ${names.length > 1 ? 'them' : 'it'}; declared with \`let\` at the top of the module, which is strict mode` });
  return [`${NOTE_PREFIX} the snippet assigned ${names.length > 1 ? 'these' : 'this'} without declaring ${names.length > 1 ? 'them' : 'it'}.\nlet ${names.join(', ')};`];
}

/** The comments above the handler (a file header), which the module keeps at its top. */
function getFileComments(file: SourceFile): string {
  const [first] = file.getStatements();
  return first ? first.getLeadingCommentRanges().map((c) => c.getText()).join('\n') : '';
}

/** Handlers appear in the order the snippet first names their event type; the rest after, in the SDK's order. */
function getOrder(handler: FunctionDeclaration): (type: EventType) => number {
  const firstMention = new Map<string, number>();
  for (const literal of handler.getDescendantsOfKind(SyntaxKind.StringLiteral)) {
    const value = literal.getLiteralValue();
    if (!firstMention.has(value)) firstMention.set(value, literal.getStart());
  }
  return (type) => firstMention.get(type) ?? handler.getEnd() + EVENT_TYPES.indexOf(type);
}

/** Branches guarded by an event type no Dodo event has: never ran, so left out, but shown. */
function getDeadBranchComments(ctx: ImportContext): { order: number; text: string }[] {
  return [...ctx.deadBranches]
    .filter(([node]) => !ctx.visited.has(node) && !ctx.opaque.has(node.getParentOrThrow()) && getOriginalBody(node).trim() !== '')
    .map(([node, literal]) => ({
      order: node.getStart(),
      text: noteBlock(`${literal === undefined ? 'no Dodo event type reaches this branch, so it never ran and is left out' : describeUnknownEvent(literal)}:`, getOriginalBody(node)),
    }));
}

