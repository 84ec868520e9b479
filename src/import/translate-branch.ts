import { Node, type ReturnStatement, type Statement } from 'ts-morph';
import type { EventType } from '../events/event-types.js';
import { getWebhookField, isWebhookRef, type ImportContext } from './context.js';
import { getCommentLines, render, renderStatement, withComments, type Rewrite } from './render.js';
import type { Problem } from './specialize.js';
import { scanWebhookUses, type WebhookUse } from './webhook-uses.js';

/** The fields a handler's result may carry, in the order the result lists them. */
const RESULT_FIELDS = ['url', 'method', 'headers', 'payload'] as const;
type ResultField = (typeof RESULT_FIELDS)[number];
/** Types for the locals that stand in for `webhook.<field>` when it is assigned conditionally. */
const LOCAL_TYPES: Record<ResultField, string> = {
  url: 'string | undefined',
  method: "'POST' | 'PUT' | 'PATCH' | undefined",
  headers: 'Record<string, string> | undefined',
  payload: 'unknown',
};
/** What `WebhookContext` declares, plus `payload`, which becomes the event. */
const TYPED_FIELDS = new Set(['eventType', 'url', 'method', 'env', 'payload']);

type Write = Extract<WebhookUse, { kind: 'write' }>;

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
  const checked = checkUses(uses, ctx);
  if ('problem' in checked) return checked;
  const { writes, skipReturns, cancelStatements, finalCancel } = checked;
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

interface CheckedUses {
  writes: Write[];
  /** `return webhook` right after `webhook.cancel = true`: becomes `return skip()`. */
  skipReturns: Set<ReturnStatement>;
  cancelStatements: Set<Node>;
  /** A top-level `webhook.cancel = true`: the handler ends with `return skip()`. */
  finalCancel?: Node;
}

function checkUses(uses: readonly WebhookUse[], ctx: ImportContext): CheckedUses | { problem: Problem } {
  const fail = (message: string, node: Node) => ({ problem: { message, node } });
  const writes: Write[] = [];
  const cancels: Write[] = [];
  for (const use of uses) {
    if (use.kind === 'other') return fail(use.message, use.node);
    if (use.kind !== 'write') continue;
    if (use.inFunction) return fail(`it assigns webhook.${use.field} inside a function`, use.node);
    if (use.field === 'cancel') {
      if (use.node.getRight().getText() !== 'true') return fail('it sets webhook.cancel to something other than true', use.node);
      cancels.push(use);
    } else if ((RESULT_FIELDS as readonly string[]).includes(use.field)) {
      writes.push(use);
    } else {
      return fail(`it sets webhook.${use.field}, which a mapping cannot return`, use.node);
    }
  }
  const checked: CheckedUses = { writes, skipReturns: new Set(), cancelStatements: new Set() };
  for (const cancel of cancels) {
    if (cancel.topLevel) {
      if (writes.length > 0) return fail('it cancels the message and also changes other fields', cancel.node);
      checked.finalCancel ??= cancel.node;
      continue;
    }
    const statement = cancel.node.getParent();
    const next = statement?.getNextSibling();
    if (!statement || !Node.isReturnStatement(next) || !isWebhookRef(next.getExpression() ?? statement, ctx.webhook)) {
      return fail('it sets webhook.cancel without returning the webhook right after', cancel.node);
    }
    if (writes.some((w) => w.node.getStart() < cancel.node.getStart() || sharesLoop(w, cancel))) {
      return fail('it cancels the message after changing other fields', cancel.node);
    }
    checked.skipReturns.add(next);
    checked.cancelStatements.add(statement);
  }
  for (const use of uses) {
    if (use.kind !== 'read') continue;
    const assigned = use.field === 'cancel' ? cancels : writes.filter((w) => w.field === use.field);
    const first = assigned.reduce<Write | undefined>((a, w) => (a && a.node.getStart() <= w.node.getStart() ? a : w), undefined);
    if (first && (use.inFunction || use.node.getEnd() > first.node.getEnd() || assigned.some((w) => sharesLoop(w, use)))) {
      return fail(`it reads webhook.${use.field} after assigning it (a mapping only sees the webhook as it arrived)`, use.node);
    }
    if (!TYPED_FIELDS.has(use.field)) {
      ctx.notes.add({
        code: 'untyped-webhook-field',
        line: use.node.getStartLineNumber(),
        message: `webhook.${use.field} is not part of the typed webhook a handler receives; kept as is, so the type checker will point at it`,
      });
    }
  }
  return checked;
}

function sharesLoop(a: WebhookUse, b: WebhookUse): boolean {
  return a.loops.some((loop) => b.loops.includes(loop));
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
