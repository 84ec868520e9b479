import { compareStrings } from '../util/compare.js';
import { parse, type Node, type Program } from 'acorn';
import { simple } from 'acorn-walk';
import type { FindingCode, Severity } from '../findings/finding.js';
import { findFreeReferences } from './free-globals.js';
import { UNAVAILABLE_GLOBALS } from './runtime-globals.js';

/** A problem at a position of the analysed code (1-based line and column). */
export interface CodeIssue {
  code: FindingCode;
  severity: Severity;
  message: string;
  line: number;
  column: number;
}

interface Located { start: number; loc?: { start: { line: number; column: number } } | null }

function at(node: Located): { line: number; column: number } {
  const start = node.loc?.start;
  return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
}

function isMember(node: Node, object: string, property: string): boolean {
  const n = node as unknown as { type: string; object?: { type: string; name?: string }; property?: { type: string; name?: string } };
  return n.type === 'MemberExpression' && n.object?.type === 'Identifier' && n.object.name === object &&
    n.property?.type === 'Identifier' && n.property.name === property;
}

function propertyName(node: Node): string | undefined {
  const n = node as unknown as { type: string; computed?: boolean; property?: { type: string; name?: string; value?: unknown } };
  if (n.type !== 'MemberExpression' || !n.property) return undefined;
  if (!n.computed && n.property.type === 'Identifier') return n.property.name;
  if (n.property.type === 'Literal' && typeof n.property.value === 'string') return n.property.value;
  return undefined;
}

/** `x.constructor(…)`: on a function, the Function constructor (what `Function(…)` is). */
function isConstructorCall(callee: Node): boolean {
  if (propertyName(callee) !== 'constructor') return false;
  // x.constructor.constructor(…) is reported once, at the member expression.
  const object = (callee as unknown as { object: Node }).object;
  return propertyName(object) !== 'constructor';
}

/**
 * Finds what cannot run, or cannot run reproducibly, in the webhook runtime.
 * Works on any JavaScript (a bundled mapping or a hand-written snippet); the
 * caller maps positions back to its sources.
 */
export function analyzeCode(code: string, sourceType: 'module' | 'script'): CodeIssue[] {
  return analyzeProgram(parse(code, { ecmaVersion: 'latest', sourceType, locations: true }));
}

/** The same checks on an already parsed program (parsed with `locations: true`). */
export function analyzeProgram(ast: Program): CodeIssue[] {
  const issues: CodeIssue[] = [];
  const add = (node: Located, code: FindingCode, severity: Severity, message: string) =>
    issues.push({ code, severity, message, ...at(node) });

  // Every object inherits what is set here, the returned webhook too: the runtime's own reads of
  // it (cancel, url) would see a value its JSON, which validation judges, does not show.
  const addPrototypeChange = (node: Located) => add(node, 'prototype-change', 'error',
    'the snippet changes Object.prototype: every object inherits it, the returned webhook too, so the runtime may read a cancel or url that validation never sees; set what you mean on webhook itself');
  const onFunction = (node: Node & { async?: boolean; generator?: boolean }) => {
    if (node.async) add(node, 'async-code', 'error', 'async function: the runtime calls handler synchronously and never awaits');
    if (node.generator) add(node, 'generator', 'error', 'generator function: return plain values instead');
  };
  simple(ast, {
    FunctionDeclaration: onFunction,
    FunctionExpression: onFunction,
    ArrowFunctionExpression: onFunction,
    AwaitExpression: (node) => add(node, 'async-code', 'error', 'await: the runtime calls handler synchronously'),
    ImportExpression: (node) => add(node, 'forbidden-import', 'error', 'import(): a snippet cannot load modules'),
    MemberExpression: (node) => {
      const object = node.object as Node & { type: string; property?: Node };
      if (object.type === 'MemberExpression' && propertyName(object) === 'constructor' && propertyName(node) === 'constructor') {
        add(node, 'escape-attempt', 'error', '.constructor.constructor reaches the Function constructor, to run code from a string: the runtime forbids it');
      }
    },
    CallExpression: (node) => {
      if (isConstructorCall(node.callee)) add(node, 'escape-attempt', 'error', 'calling a .constructor with arguments makes a function from a string: the runtime forbids code generation');
      if (isMember(node.callee, 'Date', 'now')) add(node, 'nondeterministic', 'warning', 'Date.now() makes the output differ between runs; use the event\'s `timestamp`');
      if (isMember(node.callee, 'Math', 'random')) add(node, 'nondeterministic', 'warning', 'Math.random() makes the output differ between runs');
      const callee = node.callee as { type: string; property?: { type: string; name?: string } };
      const name = callee.type === 'MemberExpression' && callee.property?.type === 'Identifier' ? callee.property.name : undefined;
      if (name?.startsWith('toLocale')) add(node, 'engine-dependent', 'warning', `${name}() depends on the engine's locale data and time zone; format explicitly`);
      const [target] = node.arguments;
      if ((isMember(node.callee, 'Object', 'defineProperty') || isMember(node.callee, 'Object', 'assign') || isMember(node.callee, 'Object', 'defineProperties'))
        && target && isMember(target as Node, 'Object', 'prototype')) addPrototypeChange(node);
    },
    NewExpression: (node) => {
      if (isConstructorCall(node.callee)) add(node, 'escape-attempt', 'error', 'calling a .constructor with arguments makes a function from a string: the runtime forbids code generation');
      const callee = node.callee as { type: string; name?: string };
      if (callee.type === 'Identifier' && callee.name === 'Date' && node.arguments.length === 0) {
        add(node, 'nondeterministic', 'warning', 'new Date() reads the clock; use the event\'s `timestamp`');
      }
    },
    AssignmentExpression: (node) => {
      if (node.left.type === 'MemberExpression' && isMember(node.left.object as Node, 'Object', 'prototype')) addPrototypeChange(node);
    },
    Property: (node) => {
      const key = node.key as { type: string; name?: string; value?: unknown };
      const value = node.value as { type: string; value?: unknown };
      const isMethodKey = (key.type === 'Identifier' && key.name === 'method') || (key.type === 'Literal' && key.value === 'method');
      if (isMethodKey && value.type === 'Literal' && value.value === 'PATCH') {
        add(node, 'patch-method', 'warning', 'method "PATCH" is honoured only by newer runtimes; POST and PUT work everywhere');
      }
    },
  });

  const watched = new Set([...Object.keys(UNAVAILABLE_GLOBALS), 'Promise', 'Intl', 'eval', 'Function']);
  // Function only where it is called: `x instanceof Function` makes no code.
  const calledFunction = new Set<Node>();
  simple(ast, {
    CallExpression: (node) => { if ((node.callee as { type: string; name?: string }).type === 'Identifier' && (node.callee as { name?: string }).name === 'Function') calledFunction.add(node.callee); },
    NewExpression: (node) => { if ((node.callee as { type: string; name?: string }).type === 'Identifier' && (node.callee as { name?: string }).name === 'Function') calledFunction.add(node.callee); },
  });
  for (const { name, node } of findFreeReferences(ast, watched)) {
    const hint = UNAVAILABLE_GLOBALS[name];
    if (name === 'Function' && !calledFunction.has(node as Node)) continue;
    if (name === 'eval' || name === 'Function') add(node, 'escape-attempt', 'error', `${name} runs code from a string: the webhook runtime forbids it (write the code itself instead)`);
    else if (hint) add(node, 'unavailable-global', 'error', `${name} is not available in the webhook runtime: ${hint}`);
    else if (name === 'Promise') add(node, 'async-code', 'error', 'Promise: the runtime calls handler synchronously and never awaits');
    else add(node, 'engine-dependent', 'warning', 'Intl depends on the engine\'s locale data; format explicitly');
  }
  return issues.sort((a, b) => a.line - b.line || a.column - b.column || compareStrings(a.code, b.code));
}
