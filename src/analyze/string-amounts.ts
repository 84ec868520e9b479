// Arithmetic on `amount` where it may be a string: dispute events carry `amount` as a string
// ("400") in minor units. `d.amount + fee` concatenates ("40050"), and `d.amount / 100` works
// only by implicit conversion. Mappings get this from the type checker (string | number); for a
// hand-written snippet the run decides whether it matters: validate keeps the warning only when
// the snippet handles a dispute event.
import type { Node, Program } from 'acorn';
import { simple } from 'acorn-walk';
import type { CodeIssue } from './analyze-code.js';

type AnyNode = Node & { type: string; [key: string]: any };

const ARITHMETIC = new Set(['+', '-', '*', '/', '%', '**']);

function isAmount(node: AnyNode): boolean {
  if (node.type === 'ChainExpression') return isAmount(node['expression']);
  if (node.type !== 'MemberExpression') return false;
  const p = node['property'];
  return (!node['computed'] && p.type === 'Identifier' && p.name === 'amount') || (p.type === 'Literal' && p.value === 'amount');
}

const isStringLiteral = (node: AnyNode) => (node.type === 'Literal' && typeof node['value'] === 'string') || node.type === 'TemplateLiteral';

function issueAt(node: AnyNode, operator: string): CodeIssue {
  const loc = (node as { loc?: { start: { line: number; column: number } } }).loc?.start;
  const message = operator === '+'
    ? 'dispute events carry `amount` as a string ("400"): `+` joins it as text ("400" + 50 is "40050"); convert it first, Number(amount), or use formatMoney(amount, currency)'
    : `dispute events carry \`amount\` as a string ("400"): \`${operator}\` works only by implicit conversion; convert it with Number(amount) first, or use formatMoney(amount, currency)`;
  return { code: 'string-amount', severity: 'warning', message, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 };
}

export function checkStringAmounts(program: Program): CodeIssue[] {
  const issues: CodeIssue[] = [];
  simple(program, {
    BinaryExpression: (node) => {
      const n = node as AnyNode;
      const operator = n['operator'] as string;
      if (!ARITHMETIC.has(operator)) return;
      const [left, right] = [n['left'] as AnyNode, n['right'] as AnyNode];
      const amount = isAmount(left) ? left : isAmount(right) ? right : undefined;
      if (amount === undefined) return;
      // "Amount: " + d.amount is text on purpose.
      if (operator === '+' && (isStringLiteral(left) || isStringLiteral(right))) return;
      issues.push(issueAt(amount, operator));
    },
    AssignmentExpression: (node) => {
      const n = node as AnyNode;
      const operator = String(n['operator']).slice(0, -1);
      if (!ARITHMETIC.has(operator) || !isAmount(n['right'])) return;
      issues.push(issueAt(n['right'], operator));
    },
  });
  return issues;
}
