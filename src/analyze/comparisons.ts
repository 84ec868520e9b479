// Comparisons a hand-written snippet makes that can never be true: a field of the Dodo event
// compared with a value it never takes (`dispute_status === "won"`: the values are
// "dispute_won", …), or the event type compared with a name that is not an event type
// (`webhook.eventType === "payment.success"`). Mappings get this from the type checker.
import type { Node, Program } from 'acorn';
import { simple } from 'acorn-walk';
import { EVENT_TYPES } from '../runtime/events/event-types.js';
import { suggest } from '../util/suggest.js';
import { EVENT_ALIASES } from '../runtime/events/event-aliases.js';
import type { CodeIssue } from './analyze-code.js';

// The values of the pinned dodopayments SDK's enum fields.
const DISPUTE_STATUS = ['dispute_opened', 'dispute_expired', 'dispute_accepted', 'dispute_cancelled', 'dispute_challenged', 'dispute_won', 'dispute_lost'];
const STATUS = [
  // payments
  'succeeded', 'failed', 'cancelled', 'processing', 'requires_customer_action', 'requires_merchant_action', 'requires_payment_method',
  'requires_confirmation', 'requires_capture', 'partially_captured', 'partially_captured_and_capturable',
  // subscriptions
  'pending', 'active', 'on_hold', 'paused', 'expired', 'past_due',
  // refunds, license keys, payouts, abandoned checkouts, dunning
  'review', 'disabled', 'not_initiated', 'in_progress', 'success', 'abandoned', 'recovering', 'recovered', 'exhausted', 'opted_out',
  // entitlement grants: capitalised in the SDK's webhook type
  'Pending', 'Delivered', 'Failed', 'Revoked',
];
const TIME_INTERVALS = ['Day', 'Week', 'Month', 'Year'];
const PAYLOAD_TYPES = ['Payment', 'Subscription', 'Refund', 'Dispute', 'LicenseKey', 'CreditLedgerEntry', 'CreditBalanceLow', 'AbandonedCheckout', 'DunningAttempt', 'EntitlementGrant', 'Payout'];

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  dispute_status: DISPUTE_STATUS,
  dispute_stage: ['pre_dispute', 'dispute', 'pre_arbitration'],
  status: STATUS,
  payload_type: PAYLOAD_TYPES,
  payment_frequency_interval: TIME_INTERVALS,
  subscription_period_interval: TIME_INTERVALS,
  eventType: EVENT_TYPES,
};

type AnyNode = Node & { type: string; [key: string]: any };

function propertyOf(node: AnyNode): { name: string; object: AnyNode } | undefined {
  if (node.type === 'ChainExpression') return propertyOf(node['expression']);
  if (node.type !== 'MemberExpression') return undefined;
  const p = node['property'];
  const name = !node['computed'] && p.type === 'Identifier' ? p.name : p.type === 'Literal' && typeof p.value === 'string' ? p.value : undefined;
  return name === undefined ? undefined : { name, object: node['object'] };
}

/** Whether a member chain passes through `metadata`: the merchant's own keys, any value. */
function inMetadata(node: AnyNode): boolean {
  for (let prop = propertyOf(node); prop; prop = propertyOf(prop.object)) if (prop.name === 'metadata') return true;
  return false;
}

/** An object the snippet writes out itself: a literal, or a choice between literals. */
function isObjectLiteral(node: AnyNode): boolean {
  if (node.type === 'ConditionalExpression') return isObjectLiteral(node['consequent']) && isObjectLiteral(node['alternate']);
  return node.type === 'ObjectExpression';
}

/** The identifier a member chain starts from (`meta` in `meta.a.b`). */
function rootOf(node: AnyNode): AnyNode {
  let n = node;
  while (n.type === 'MemberExpression' || n.type === 'ChainExpression') n = n.type === 'ChainExpression' ? n['expression'] : n['object'];
  return n;
}

/**
 * `payload.type` / `webhook.payload.type` is the event type too. Nothing is judged on an object
 * that is not Dodo's: one the snippet builds (`var payload = { type: 'identify' }`, Segment's call
 * type), or the merchant's metadata (`var meta = d.customer.metadata || {}`).
 */
function fieldName(node: AnyNode, notDodo: ReadonlySet<string>): string | undefined {
  const prop = propertyOf(node);
  if (!prop || inMetadata(prop.object)) return undefined;
  const root = rootOf(prop.object);
  if (root.type === 'Identifier' && notDodo.has(root['name'])) return undefined;
  if (prop.name === 'type') {
    const inner = propertyOf(prop.object);
    const objectName = inner?.name ?? (prop.object.type === 'Identifier' ? prop.object['name'] : '');
    return objectName === 'payload' ? 'eventType' : undefined;
  }
  return FIELDS[prop.name] ? prop.name : undefined;
}

function issueFor(field: string, value: string, at: AnyNode): CodeIssue | undefined {
  const allowed = FIELDS[field]!;
  if (allowed.includes(value)) return undefined;
  // An event type is guessed within its own family first: "payment.success" → "payment.succeeded".
  const family = field === 'eventType' ? allowed.filter((v) => v.split('.')[0] === value.split('.')[0]) : [];
  const guess = (field === 'eventType' ? EVENT_ALIASES[value] : undefined) ?? (family.length ? suggest(value, family) : undefined) ?? suggest(value, allowed) ??
    allowed.find((v) => v.endsWith(`_${value}`) || v.startsWith(`${value}_`));
  const loc = (at as { loc?: { start: { line: number; column: number } } }).loc?.start;
  const what = field === 'eventType' ? `"${value}" is not a Dodo event type, so this comparison is never true`
    : `${field} is never "${value}", so this comparison is never true`;
  const values = field === 'eventType' || field === 'status' ? '' : ` (its values: ${allowed.join(', ')})`;
  return {
    code: field === 'eventType' ? 'unknown-event' : 'impossible-comparison',
    severity: 'error',
    message: `${what}${guess ? `; did you mean "${guess}"?` : values}`,
    line: loc?.line ?? 1,
    column: (loc?.column ?? 0) + 1,
  };
}

export function checkComparisons(program: Program): CodeIssue[] {
  const issues: CodeIssue[] = [];
  const literal = (n: AnyNode): string | undefined => (n.type === 'Literal' && typeof n['value'] === 'string' ? n['value'] : undefined);
  // Variables set to an object literal of the snippet's own, or to metadata (`x.metadata || {}`).
  const notDodo = new Set<string>();
  simple(program, {
    VariableDeclarator: (node) => {
      const n = node as AnyNode;
      const init: AnyNode | undefined = n['init']?.type === 'LogicalExpression' ? n['init']['left'] : n['init'];
      if (n['id']?.type !== 'Identifier' || !init) return;
      if (isObjectLiteral(init) || ((init.type === 'MemberExpression' || init.type === 'ChainExpression') && (inMetadata(init) || propertyOf(init)?.name === 'metadata'))) notDodo.add(n['id'].name);
    },
  });
  simple(program, {
    BinaryExpression: (node) => {
      const n = node as AnyNode;
      if (!['===', '!==', '==', '!='].includes(n['operator'])) return;
      for (const [side, other] of [[n['left'], n['right']], [n['right'], n['left']]] as [AnyNode, AnyNode][]) {
        const field = fieldName(side, notDodo);
        const value = literal(other);
        if (field === undefined || value === undefined) continue;
        const issue = issueFor(field, value, other);
        if (issue) issues.push(issue);
        break;
      }
    },
    SwitchStatement: (node) => {
      const n = node as AnyNode;
      const field = fieldName(n['discriminant'], notDodo);
      if (field === undefined) return;
      for (const c of n['cases'] as AnyNode[]) {
        const value = c['test'] ? literal(c['test']) : undefined;
        if (value === undefined) continue;
        const issue = issueFor(field, value, c['test']);
        if (issue) issues.push(issue);
      }
    },
  });
  return issues;
}
