import { Node, type ReturnStatement, type Statement } from 'ts-morph';
import { isWebhookRef, type ImportContext } from './context.js';
import type { Problem } from './specialize.js';
import type { WebhookUse } from './webhook-uses.js';

/** The fields a handler's result may carry, in the order the result lists them. */
export const RESULT_FIELDS = ['url', 'method', 'headers', 'payload'] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];
/** What `WebhookContext` declares, plus `payload`, which becomes the event. */
const TYPED_FIELDS = new Set(['eventType', 'url', 'method', 'env', 'payload', 'headers', 'transformationsParams']);

type Write = Extract<WebhookUse, { kind: 'write' }>;

export interface CheckedUses {
  writes: Write[];
  /** `return webhook` right after `webhook.cancel = true`: becomes `return skip()`. */
  skipReturns: Set<ReturnStatement>;
  cancelStatements: Set<Node>;
  /** `webhook.cancel = true` as the last thing that runs: becomes `return skip()`. */
  tailCancels: Set<Node>;
  /** A top-level `webhook.cancel = true`: the handler ends with `return skip()`. */
  finalCancel?: Node;
}

/**
 * Decides whether one event's uses of the webhook can be said as a returned result:
 * assignments a result can carry, cancels that end the handler, and reads that
 * see the webhook as it arrived (the handler runs before anything is assigned).
 */
export function checkUses(uses: readonly WebhookUse[], statements: readonly Statement[], ctx: ImportContext): CheckedUses | { problem: Problem } {
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
  const checked: CheckedUses = { writes, skipReturns: new Set(), cancelStatements: new Set(), tailCancels: new Set() };
  for (const cancel of cancels) {
    if (cancel.topLevel) {
      if (writes.length > 0) return fail('it cancels the message and also changes other fields', cancel.node);
      checked.finalCancel ??= cancel.node;
      continue;
    }
    const statement = cancel.node.getParent();
    const next = statement?.getNextSibling();
    const paired = Node.isReturnStatement(next) && isWebhookRef(next.getExpression() ?? next, ctx.webhook);
    if (!Node.isExpressionStatement(statement) || !(paired || (!next && isTail(statement, statements)))) {
      return fail('it sets webhook.cancel and then runs more code (only `webhook.cancel = true; return webhook;` or a cancel at the very end converts)', cancel.node);
    }
    if (writes.some((w) => mayPrecede(w, cancel))) return fail('it cancels the message after changing other fields', cancel.node);
    if (paired) {
      checked.skipReturns.add(next);
      checked.cancelStatements.add(statement);
    } else {
      checked.tailCancels.add(statement);
    }
  }
  for (const use of uses) {
    if (use.kind !== 'read') continue;
    const assigned = use.field === 'cancel' ? cancels : writes.filter((w) => w.field === use.field);
    if (assigned.length > 0 && (use.inFunction || assigned.some((w) => mayPrecede(w, use)))) {
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

/** Whether `a` can have run, completely, before `b` runs: it comes first and is not in the other branch of an `if`. */
function mayPrecede(a: WebhookUse, b: WebhookUse): boolean {
  if (sharesLoop(a, b)) return true;
  return a.node.getEnd() <= b.node.getStart() && !inOtherBranches(a.node, b.node);
}

function inOtherBranches(a: Node, b: Node): boolean {
  const chainOfA = new Set(a.getAncestors());
  let child: Node = b;
  for (let parent = b.getParent(); parent; child = parent, parent = parent.getParent()) {
    if (!chainOfA.has(parent)) continue;
    const branchOfA = a.getAncestors().find((n) => n.getParent() === parent);
    if (Node.isIfStatement(parent)) return branchOfA !== child && branchOfA !== parent.getExpression() && child !== parent.getExpression();
    if (Node.isConditionalExpression(parent)) return branchOfA !== child && branchOfA !== parent.getCondition() && child !== parent.getCondition();
    return false;
  }
  return false;
}

/** Nothing runs after `statement`: it ends its block, which ends an `if` branch, … up to the last statement of the handler. */
function isTail(statement: Node, statements: readonly Statement[]): boolean {
  let node = statement;
  for (;;) {
    if ((statements as readonly Node[]).includes(node)) return node === statements[statements.length - 1];
    const parent = node.getParent();
    if (Node.isBlock(parent)) {
      if (parent.getStatements().at(-1) !== node) return false;
      node = parent;
    } else if (Node.isIfStatement(parent) && parent.getExpression() !== node) {
      node = parent;
    } else {
      return false;
    }
  }
}

