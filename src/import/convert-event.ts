import type { Block, FunctionDeclaration, Node, Statement } from 'ts-morph';
import type { EventType } from '../runtime/events/event-types.js';
import { getOriginalText } from './comment-block.js';
import type { ImportContext } from './context.js';
import { pruneBody, type PrunedBody } from './prune.js';
import { specialize, type Problem } from './specialize.js';
import { translateBranch } from './translate-branch.js';

/** What the snippet does with one event type, as a mapping can say it. */
export type EventOutcome =
  | { type: EventType; kind: 'unchanged' | 'cancel' }
  | { type: EventType; kind: 'handler'; body: PrunedBody }
  | { type: EventType; kind: 'failed'; message: string; line: number; original: string };

export function convertEvent(type: EventType, handler: FunctionDeclaration, ctx: ImportContext): EventOutcome {
  const specialized = specialize((handler.getBody() as Block).getStatements(), type, ctx, handler);
  if (specialized.problem) return failed(type, specialized.problem, specialized.statements);
  const translated = translateBranch(specialized.statements, type, ctx);
  if ('problem' in translated) return failed(type, translated.problem, specialized.statements);
  const body = pruneBody(translated.body, ctx);
  const returned = body.onlyReturn?.replace(/\s+/g, ' ');
  if (returned === `{ payload: ${ctx.names.event} }`) return { type, kind: 'unchanged' };
  if (returned === `${ctx.names.skip}()`) return { type, kind: 'cancel' };
  return { type, kind: 'handler', body };
}

function failed(type: EventType, problem: Problem, statements: readonly Statement[]): EventOutcome {
  const contains = (outer: Node, inner: Node) => inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd();
  const nodes: Node[] = statements.some((s) => contains(s, problem.node)) ? [...statements] : [...statements, problem.node];
  return { type, kind: 'failed', message: problem.message, line: problem.node.getStartLineNumber(), original: nodes.map(getOriginalText).join('\n') };
}
