import { Node, type Statement } from 'ts-morph';
import type { EventType } from '../runtime/events/event-types.js';
import { checkUses, RESULT_FIELDS, type ResultField } from './check-uses.js';
import { getWebhookField, type ImportContext } from './context.js';
import { getCommentLines, render, renderStatement, withComments, type Rewrite } from './render.js';
import type { Problem } from './specialize.js';
import { scanWebhookUses, type WebhookUse } from './webhook-uses.js';

/** Types for the locals that stand in for `webhook.<field>` when it is assigned conditionally. */
const LOCAL_TYPES: Record<ResultField, string> = {
  url: 'string | undefined',
  method: "'POST' | 'PUT' | 'PATCH' | undefined",
  headers: 'Record<string, string> | undefined',
  payload: 'unknown',
};

/**
 * One event's statements (dispatch already taken out) → a handler body that returns
 * what the snippet left on the webhook. applyMapping copies the defined fields of the
 * result onto the webhook, so fields the snippet never assigned stay undefined.
 * Straight code becomes `return { url, payload }`; assignments under conditions get
 * locals (`let url`). Reads of a field after assigning it cannot be expressed: the
 * handler sees the webhook as it arrived.
 */
export function translateBranch(statements: readonly Statement[], type: EventType, ctx: ImportContext): { body: string } | { problem: Problem } {
  const uses = scanWebhookUses(statements, type, ctx);
  const checked = checkUses(uses, statements, ctx);
  if ('problem' in checked) return checked;
  const { writes, skipReturns, cancelStatements, tailCancels, finalCancel } = checked;
  const exits = new Set(uses.filter((u): u is Extract<WebhookUse, { kind: 'return' }> => u.kind === 'return').map((u) => u.node).filter((r) => !skipReturns.has(r)));
  const firstWrite = Math.min(...writes.map((w) => w.node.getStart()));
  const straight = writes.every((w) => w.topLevel) && new Set(writes.map((w) => w.field)).size === writes.length
    && [...exits].every((exit) => exit.getStart() < firstWrite);
  const written = new Set(writes.map((w) => w.field as ResultField));
  const locals = new Map([...written].map((field) => [field, ctx.picker.local(field)] as const));
  const { event, skip } = ctx.names;

  const comments = new Map<ResultField, string>();
  const result = (values: ReadonlyMap<ResultField, string>) => formatResult(RESULT_FIELDS.flatMap((field) => {
    const value = values.get(field) ?? (field === 'payload' ? event : undefined);
    return value === undefined ? [] : [`${comments.get(field) ?? ''}${formatProperty(field, value)}`];
  }));
  const rewrite: Rewrite = (node) => {
    if (getWebhookField(node, ctx.webhook) === 'payload') return event;
    if (cancelStatements.has(node)) return '';
    if (tailCancels.has(node)) return `return ${skip}();`;
    if (Node.isReturnStatement(node) && skipReturns.has(node)) return `return ${skip}();`;
    if (Node.isReturnStatement(node) && exits.has(node)) {
      if (!straight) return `return ${result(locals)};`;
      return finalCancel && node.getStart() > finalCancel.getStart() ? `return ${skip}();` : `return ${result(new Map())};`;
    }
    const write = !straight && Node.isBinaryExpression(node) ? writes.find((w) => w.node === node) : undefined;
    if (write) return `${locals.get(write.field as ResultField)} = ${render(write.node.getRight(), type, ctx, rewrite)}`;
    return undefined;
  };

  const lines: string[] = [];
  if (!straight) {
    for (const [field, name] of locals) lines.push(`let ${name}: ${LOCAL_TYPES[field]}${field === 'payload' ? ` = ${event}` : ''};`);
    for (const statement of statements) lines.push(renderStatement(statement, type, ctx, rewrite));
    lines.push(`return ${result(locals)};`);
    return { body: lines.join('\n') };
  }
  // Straight code: a value assigned before other statements is computed there (they could
  // change what it reads, or throw); values assigned last go straight into the result.
  const writeOf = new Map(writes.map((w) => [w.node.getParent(), w] as const));
  const finalStatement = finalCancel?.getParent();
  const lastOther = Math.max(-1, ...statements.map((s, i) => (!writeOf.has(s) && s !== finalStatement ? i : -1)));
  const values = new Map<ResultField, string>();
  statements.forEach((statement, index) => {
    const write = writeOf.get(statement);
    if (statement === finalStatement) return;
    if (!write) return void lines.push(renderStatement(statement, type, ctx, rewrite));
    const field = write.field as ResultField;
    const value = render(write.node.getRight(), type, ctx, rewrite);
    if (index < lastOther) {
      const name = ctx.picker.local(field);
      lines.push(withComments(statement, `const ${name} = ${value};`));
      values.set(field, name);
    } else {
      values.set(field, value);
      comments.set(field, getCommentLines(statement, true));
    }
  });
  lines.push(finalCancel ? `return ${skip}();` : `return ${result(values)};`);
  return { body: lines.join('\n') };
}

function formatProperty(field: string, value: string): string {
  return value === field ? field : `${field}: ${value}`;
}

/** `{ payload: event }` on one line when short, else one property per line. */
function formatResult(properties: readonly string[]): string {
  const inline = `{ ${properties.join(', ')} }`;
  if (inline.length <= 60 && !inline.includes('\n')) return inline;
  return `{\n${properties.map((p) => `${p},\n`).join('')}}`;
}
