import { describe, expect, it } from 'vitest';
import { checkSnippetSource } from '../../src/validate/check-source.js';

const GOOD = 'function handler(webhook) {\n  webhook.url = "https://api.segment.io/v1/track";\n  return webhook;\n}\n';
const codes = (code: string) => checkSnippetSource(code, 'x.js').map((f) => `${f.severity} ${f.code}${f.line ? `@${f.line}` : ''}`);
const wrap = (body: string) => `function handler(webhook) {\n${body}\n  return webhook;\n}\n`;

describe('static checks of a pasted snippet', () => {
  it('a plain, correct snippet has no findings', () => {
    expect(codes(GOOD)).toEqual([]);
  });

  it('syntax-error with its position', () => {
    expect(codes('function handler(webhook) {\n  return webhook\n  }}\n')).toEqual(['error syntax-error@3']);
  });

  it('module-syntax for import/export (the runtime pastes code into a function body)', () => {
    expect(codes(`import x from "y";\n${GOOD}`)).toEqual(['error module-syntax@1']);
    expect(codes(`export ${GOOD}`)).toEqual(['error module-syntax@1']);
  });

  it('handler-shape: missing, duplicated, or code outside handler (a warning)', () => {
    expect(codes('function transform(webhook) { return webhook; }')).toEqual(['error handler-shape']);
    expect(codes(GOOD + GOOD)).toEqual(['error handler-shape']);
    expect(codes(`const KEY = "a";\n${GOOD}`)).toEqual(['warning handler-shape@1']);
  });

  it('snippet-too-large over 51,200 characters, snippet-too-small under 10', () => {
    expect(codes(wrap(`  webhook.payload = "${'x'.repeat(51_200)}";`))).toEqual(['error snippet-too-large']);
    expect(codes('f()')).toContain('error snippet-too-small');
  });

  it('unavailable globals are errors; clocks, randomness and locale calls are warnings', () => {
    expect(codes(wrap('  const k = process.env.KEY; require("fs"); fetch("https://x"); setTimeout(() => {}, 1);'))).toEqual([
      'error unavailable-global@2', 'error unavailable-global@2', 'error unavailable-global@2', 'error unavailable-global@2',
    ]);
    expect(codes(wrap('  webhook.payload = { a: Date.now(), b: Math.random(), c: new Date().toLocaleDateString(), d: Intl.NumberFormat };'))).toEqual([
      'warning nondeterministic@2', 'warning nondeterministic@2', 'warning engine-dependent@2', 'warning nondeterministic@2', 'warning engine-dependent@2',
    ]);
  });

  it('a shadowing local is not a global', () => {
    expect(codes(wrap('  const process = (x) => x; webhook.payload = process(1);'))).toEqual([]);
  });

  it('async-code for async functions, await and Promises', () => {
    expect(codes('async function handler(webhook) { return webhook; }')).toEqual(['error async-code@1']);
    expect(codes(wrap('  webhook.payload = Promise.resolve(1);'))).toEqual(['error async-code@2']);
  });

  it('credential-literal for keys, tokens and secret webhook URLs, not for placeholders', () => {
    expect(codes(wrap('  webhook.headers = { authorization: "Bearer sk_live_51HxQ2eKz9QpL8mN3rT5vW7yA" };'))).toEqual(['warning credential-literal@2']);
    expect(codes(wrap('  webhook.url = "https://hooks.slack.com/services/T04ABCDEF/B05GHIJKL/q8Zx2Lm4Np6Rt8Vw0Yb2Cd4F";'))).toEqual(['warning credential-literal@2']);
    expect(codes(wrap('  webhook.payload = { writeKey: "a8Fj29dKs0Lq3Zx7Cv1Bn4Mm" };'))).toEqual(['warning credential-literal@2']);
    expect(codes(wrap('  webhook.url = "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";'))).toEqual([]);
    expect(codes(wrap('  webhook.url = "https://user:hunter2secretpw@api.segment.io/v1/track";'))).toEqual(['warning credential-literal@2']);
    expect(codes(wrap('  webhook.url = "https://api.segment.io/v1/track?x=a:b@c";'))).toEqual([]);
    expect(codes(wrap('  webhook.payload = { writeKey: webhook.env.SEGMENT_WRITE_KEY, note: "hello world, this is long" };'))).toEqual([]);
  });

  it('prototype-change when the snippet sets or defines anything on Object.prototype', () => {
    expect(codes(wrap('  Object.prototype.cancel = true;'))).toEqual(['error prototype-change@2']);
    expect(codes(wrap('  Object.defineProperty(Object.prototype, "url", { value: "https://x.acme-shop.io" });'))).toEqual(['error prototype-change@2']);
    expect(codes(wrap('  var o = {}; o.prototype = 1; Object.keys(webhook);'))).toEqual([]);
  });

  it('a snippet nested deeper than the parser or a walk can follow gets one warning, not a crash or a false syntax error', () => {
    const blocks = (n: number) => wrap(`${'  {'.repeat(n)} webhook.a = 1; ${'}'.repeat(n)}`);
    const ternaries = (n: number) => wrap(`  webhook.a = ${'b ? 1 : '.repeat(n)}0;`);
    expect(codes(blocks(3000))).toEqual(['warning too-deep-to-analyse']);
    expect(codes(ternaries(5000))).toEqual(['warning too-deep-to-analyse']);
    // A broken one that is not deep is still a syntax error.
    expect(codes(blocks(3).replace('webhook.a = 1;', 'webhook.a = ;'))).toEqual(['error syntax-error@2']);
  });
});
