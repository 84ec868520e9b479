// Hostile mappings, snippets, config files, samples and paths, on every command. Each case goes
// through runHostile, which checks what must hold for all of them (see harness.ts).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG, ESCAPE, runHostile, SEGMENT, type HostileCase } from './harness.js';

const mapping = (top: string, extra = '') => `import { defineMapping } from 'dodo-transform';\n${top}\nexport default defineMapping({\n  ${SEGMENT}\n  ${extra}\n});\n`;
const snippet = (body: string) => `function handler(webhook) {\n${body}\n  webhook.url = 'https://api.segment.io/v1/track';\n  webhook.payload = { userId: 'u', event: 'e' };\n  return webhook;\n}\n`;
const project = (files: Record<string, string>) => ({ 'dodo-transform.config.ts': CONFIG, ...files });

const MAPPING_COMMANDS: [string, (file: string) => string[]][] = [
  ['generate handler', (f) => ['generate', 'handler', f]],
  ['build', () => ['build']],
  ['check', () => ['check']],
  ['validate', (f) => ['validate', f]],
  ['preview', (f) => ['preview', f, '-e', 'payment.succeeded']],
];

const out = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;
const cases: [string, HostileCase][] = [];

// 1. User code runs only in the sandbox: the same escape at a mapping's top level, on every command.
for (const [name, args] of MAPPING_COMMANDS) {
  cases.push([`${name}: a mapping reaching for process at its top level`, {
    files: project({ 'mappings/evil.ts': mapping(`try {${ESCAPE}\n} catch (e) {}`) }),
    args: args('mappings/evil.ts'),
    check: (r) => expect(out(r)).toMatch(/escape-attempt/),
  }]);
}
cases.push(['validate: a mapping reaching for process inside its handler', {
  files: project({ 'mappings/evil.ts': `import { defineMapping } from 'dodo-transform';\nexport default defineMapping({ url: 'https://api.segment.io/v1/track', events: { 'payment.succeeded': (e) => { try {${ESCAPE}\n} catch (x) {} return { payload: { userId: 'u', event: 'e' } }; } } });\n` }),
  args: ['validate', 'mappings/evil.ts'],
  check: (r) => expect(out(r)).toMatch(/escape-attempt/),
}]);
cases.push(['validate: a snippet calling eval and Function inside try', {
  files: { 'evil.js': snippet(`  try { eval('1'); } catch (e) {}\n  try { new Function('return 1')(); } catch (e) {}`) },
  args: ['validate', 'evil.js'],
  check: (r) => expect(out(r)).toMatch(/escape-attempt/),
}]);
cases.push(['validate: a snippet hiding the Function constructor behind computed names', {
  files: { 'evil.js': snippet(`  var k = 'constr' + 'uctor';\n  try { (function () {})[k]('return 1')(); } catch (e) {}`) },
  args: ['validate', 'evil.js'],
  check: (r) => expect(out(r)).toMatch(/escape-attempt/),
}]);
cases.push(['check: a config file reaching for process', {
  files: { 'dodo-transform.config.ts': `try {${ESCAPE}\n} catch (e) {}\nexport default { mappings: ['mappings/*.ts'] };\n`, 'mappings/ok.ts': mapping('') },
  args: ['check'],
}]);
cases.push(['build: a config file importing node:fs', {
  files: { 'dodo-transform.config.ts': `import { writeFileSync } from 'node:fs';\nwriteFileSync('__MARKER__', 'x');\nexport default {};\n`, 'mappings/ok.ts': mapping('') },
  args: ['build'], codes: [2],
}]);
cases.push(['generate handler: Object.prototype pollution does not hide a broken mapping', {
  // The pollution happens in the sandbox's context, which is the mapping's own: it cannot reach the
  // code that judges the mapping, and the unknown event key is still found.
  files: { 'mappings/m.ts': `import { defineMapping } from 'dodo-transform';\n(Object.prototype as any).hasOwnProperty = () => true;\n(Object as any).keys = () => [];\nexport default defineMapping({ events: { 'payment.succeded': () => ({ payload: {} }) } } as any);\n` },
  args: ['generate', 'handler', '--no-typecheck', 'mappings/m.ts'],
  check: (r) => expect(out(r)).toMatch(/unknown-event/),
}]);
cases.push(['validate: state kept on globalThis does not carry from one sample to the next', {
  files: { 's.js': snippet('  globalThis.n = (globalThis.n || 0) + 1;\n  if (globalThis.n > 1) throw new Error("state leaked between samples");') },
  args: ['validate', 's.js'], codes: [0],
}]);
cases.push(['validate: no __dodo globals are visible to the snippet', {
  files: { 's.js': snippet('  var names = Object.getOwnPropertyNames(globalThis).filter(function (n) { return /dodo/i.test(n); });\n  if (names.length || "__dodo_input__" in globalThis) throw new Error("sandbox globals: " + names.join(","));') },
  args: ['validate', 's.js'], codes: [0],
}]);

// 2. Bounded time for the whole run.
const slow: [string, string][] = [
  ['an infinite loop', '  for (;;) {}'],
  ['a microtask loop', '  Promise.resolve().then(function f() { Promise.resolve().then(f); });\n  for (;;) {}'],
  ['Atomics.wait', '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);'],
  ['a ReDoS regex', "  /^(a+)+$/.test('a'.repeat(40) + '!');"],
  ['a log flood', '  for (var i = 0; i < 1e6; i++) console.log("line " + i);'],
];
for (const [what, body] of slow) {
  cases.push([`validate: ${what} in a snippet`, {
    files: { 's.js': snippet(body) }, args: ['validate', 's.js'],
    ...(what === 'a log flood' ? { codes: [0, 1] } : { check: (r: { stdout: string; stderr: string }) => expect(out(r)).toMatch(/timed out|time, memory or size limit/) }),
  }]);
}
cases.push(['validate: a getter on the result that loops', {
  files: { 's.js': 'function handler(webhook) { webhook.url = "https://api.segment.io/v1/track"; Object.defineProperty(webhook, "payload", { enumerable: true, get: function () { for (;;) {} } }); return webhook; }\n' },
  args: ['validate', 's.js'],
}]);
cases.push(['generate handler: an infinite loop at a mapping\'s top level', {
  files: { 'mappings/m.ts': mapping('for (;;) {}') }, args: ['generate', 'handler', '--no-typecheck', 'mappings/m.ts'],
  check: (r) => expect(out(r)).toMatch(/mapping-threw/),
}]);
cases.push(['check: an infinite loop inside a mapping handler', {
  files: project({ 'mappings/m.ts': `import { defineMapping } from 'dodo-transform';\nexport default defineMapping({ url: 'https://api.segment.io/v1/track', events: { 'payment.succeeded': () => { for (;;) {} } } });\n` }),
  args: ['check'],
}]);
cases.push(['check: a config file that never finishes loading', {
  files: { 'dodo-transform.config.ts': 'for (;;) {}\nexport default {};\n', 'mappings/ok.ts': mapping('') }, args: ['check'], codes: [2],
  check: (r) => expect(r.stderr).toMatch(/dodo-transform\.config\.ts: it did not finish loading within 1000 ms \(an endless loop\?\)/),
}]);

// 3. Bounded memory and size.
cases.push(['validate: a 12 MB url per sample', { files: { 's.js': 'function handler(w) { w.url = "https://api.segment.io/" + "a".repeat(12e6); return w; }\n' }, args: ['validate', 's.js'] }]);
cases.push(['validate: a 40 MB payload', { files: { 's.js': 'function handler(w) { w.url = "https://api.segment.io/v1/track"; w.payload = { x: "a".repeat(4e7) }; return w; }\n' }, args: ['validate', 's.js'] }]);
// A mapping whose source nests 4,000 levels deep: a finding at its line, never a crash, and a
// code frame of bounded width (the line is over 20,000 characters).
cases.push(['check: a mapping nested 4,000 levels deep', {
  files: project({ 'mappings/deep.ts': mapping(`const deep = ${'{ a: '.repeat(4000)}1${' }'.repeat(4000)};`, "meta: deep,") }),
  args: ['check', '--no-typecheck'],
  check: (r) => {
    expect(out(r)).toMatch(/mappings\/deep\.ts:2:\d+ +error +the mapping nests too deeply/);
    for (const line of out(r).split('\n')) expect(line.length).toBeLessThan(200);
  },
}]);
cases.push(['validate: a 4,000-deep result', { files: { 's.js': 'function handler(w) { var o = {}, r = o; for (var i = 0; i < 4000; i++) { o.a = {}; o = o.a; } w.url = "https://api.segment.io/v1/track"; w.payload = { userId: "u", event: "e", properties: r }; return w; }\n' }, args: ['validate', 's.js'] }]);
cases.push(['validate: a wide 120 KB result on every sample', { files: { 's.js': 'function handler(w) { var p = {}; for (var i = 0; i < 6000; i++) p["k" + i] = "value" + i; w.url = "https://api.segment.io/v1/track"; w.payload = { userId: "u", event: "e", properties: p }; return w; }\n' }, args: ['validate', 's.js'] }]);
cases.push(['validate: a memory bomb', { files: { 's.js': snippet('  var a = []; for (;;) a.push(new Array(1e6).fill(1));') }, args: ['validate', 's.js'] }]);
cases.push(['validate: a 50 MB snippet is too large without being run', {
  files: {}, args: ['validate', 'big.js'],
  setup: async (dir) => { await writeFile(join(dir, 'big.js'), `function handler(webhook) { for (;;) {} }\n//${'x'.repeat(50 * 1024 * 1024)}\n`); },
  check: (r) => expect(out(r)).toMatch(/snippet-too-large/),
}]);

// 4. No raw control bytes reach the terminal.
const CONTROL_TEXT = '\\x1b]0;owned\\x07\\x1b[31mred\\r\\b\\x00\\x9b2J';
for (const reporter of ['pretty', 'json', 'github']) {
  cases.push([`validate --reporter ${reporter}: control characters in logs and thrown messages`, {
    files: { 's.js': `function handler(w) { console.log("${CONTROL_TEXT}"); throw new Error("${CONTROL_TEXT}"); }\n` },
    args: ['validate', 's.js', '--reporter', reporter],
  }]);
}
cases.push(['validate: a URL with control characters is invalid-url', {
  files: { 's.js': 'function handler(w) { w.url = "https://api.segment.io/v1/track\\r\\nX-Injected: 1"; w.payload = { userId: "u", event: "e" }; return w; }\n' },
  args: ['validate', 's.js'], check: (r) => expect(out(r)).toMatch(/invalid-url/),
}]);
cases.push(['preview --curl: control characters in a header value', {
  files: { 's.js': `function handler(w) { w.url = "https://api.segment.io/v1/track"; w.headers = { "x-a": "${CONTROL_TEXT}" }; w.payload = { userId: "u", event: "${CONTROL_TEXT}" }; return w; }\n` },
  args: ['preview', 's.js', '-e', 'payment.succeeded', '--curl'],
  check: (r) => expect(out(r)).toMatch(/invalid-headers/),
}]);
cases.push(['preview: control characters in the body and logs', {
  files: { 's.js': `function handler(w) { console.error("${CONTROL_TEXT}"); w.url = "https://api.segment.io/v1/track"; w.payload = { userId: "u", event: "${CONTROL_TEXT}" }; return w; }\n` },
  args: ['preview', 's.js', '-e', 'payment.succeeded'], codes: [0, 1],
}]);
cases.push(['validate: a file name with control characters', {
  files: { 'bad\u001b[2Jname.js': 'function handler(w) { return w.payload.x.y; }\n' }, args: ['validate', 'bad\u001b[2Jname.js'],
}]);
cases.push(['generate handler: a syntax error whose source line holds control characters', {
  files: { 'mappings/m.ts': `import { defineMapping } from 'dodo-transform';\nconst x = "\u001b]0;owned\u0007" +;\nexport default defineMapping({ events: {} });\n` },
  args: ['generate', 'handler', 'mappings/m.ts'],
}]);

// 5. User files stay inside the project.
cases.push(['generate handler: an import by absolute path does not print the target', {
  files: { '__OUTSIDE__/secret.ts': 'export const SECRET = "TOP_SECRET_MARKER";\n', 'mappings/m.ts': `import { defineMapping } from 'dodo-transform';\nimport { SECRET } from '__OUTSIDE__/secret.ts';\nexport default defineMapping({ url: 'https://api.segment.io/v1/track', events: { 'payment.succeeded': () => ({ payload: { userId: SECRET, event: 'e' } }) } });\n` },
  args: ['generate', 'handler', 'mappings/m.ts'],
  check: (r) => { expect(out(r)).not.toMatch(/TOP_SECRET_MARKER/); expect(out(r)).toMatch(/forbidden-import/); },
}]);
for (const [name, args] of [['import', ['import', 's/pw.js']], ['copy', ['copy', 's/pw.js', '--print']]] as const) {
  cases.push([`${name}: a snippet that is a symbolic link out of the project is not read`, {
    files: { '__OUTSIDE__/pw.js': 'root:x:0:0 LINKED_SECRET_MARKER\n', 'package.json': '{}\n' },
    setup: async (dir, outside) => { await mkdir(join(dir, 's')); await symlink(join(outside, 'pw.js'), join(dir, 's', 'pw.js')); },
    args: [...args], codes: [2],
    check: (r) => {
      expect(out(r)).toMatch(/s\/pw\.js: is a symbolic link out of the project/);
      expect(out(r)).not.toMatch(/LINKED_SECRET_MARKER/);
      expect(existsSync(join(r.dir, 'mappings'))).toBe(false);
    },
  }]);
}
for (const [name, args] of [['a file name', ['validate', 'nope\nerror: FAKE.js']], ['an unknown command', ['nope\nerror: FAKE']], ['an unknown option', ['validate', 'x.js', '--x\nerror: FAKE']]] as const) {
  cases.push([`usage errors: a newline in ${name} stays on the error's line`, {
    files: {}, args: [...args], codes: [2],
    check: (r) => {
      expect(r.stderr).not.toMatch(/^error: FAKE/m);
      expect(r.stderr).toMatch(/\\nerror: FAKE/);
    },
  }]);
}
for (const [name, args] of [['validate', ['validate', 'nl.js']], ['preview', ['preview', 'nl.js', '-e', 'payment.succeeded']]] as const) {
  cases.push([`${name}: newlines in a thrown message and in console output stay on their line`, {
    files: { 'nl.js': 'function handler(webhook) {\n  console.log("a\\n::error file=README.md::forged");\n  throw new Error("x\\n::add-mask::secret\\n1 snippet, no problems");\n}\n' },
    args: [...args], codes: [1],
    check: (r) => {
      expect(out(r)).not.toMatch(/^(::|1 snippet, no problems)/m);
      expect(out(r)).toMatch(/Error: x\\n::add-mask::secret\\n1 snippet, no problems/);
      expect(out(r)).toMatch(/nl\.js:3:9 {2}error/);
    },
  }]);
}
for (const [name, args] of [['build', ['build']], ['check without a config', ['check']]] as const) {
  cases.push([`${name}: a tsconfig.json that extends a file outside the project is not read`, {
    files: {
      '__OUTSIDE__/secret.json': '{\n  "a": 1,\n  oops LINKED_SECRET_MARKER\n}\n',
      ...(name === 'build' ? { 'dodo-transform.config.ts': CONFIG } : {}), 'mappings/m.ts': mapping(''),
    },
    setup: async (dir, outside) => { await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(outside, 'secret.json') })); },
    args: [...args], codes: name === 'build' ? [0] : [1],
    check: (r) => expect(out(r)).not.toMatch(/LINKED_SECRET_MARKER|oops/),
  }]);
}
cases.push(['build: an import that leaves the project', {
  files: project({ 'mappings/m.ts': `import { defineMapping } from 'dodo-transform';\nimport { SECRET } from '../../../../../../../../etc/hostname';\nexport default defineMapping({ url: 'https://api.segment.io/v1/track', events: { 'payment.succeeded': () => ({ payload: { userId: String(SECRET), event: 'e' } }) } });\n` }),
  args: ['build'], check: (r) => expect(out(r)).toMatch(/forbidden-import/),
}]);
cases.push(['generate handler: an import with attributes', {
  files: { 'mappings/secret.txt': 'TXT_SECRET_MARKER', 'mappings/m.ts': `import { defineMapping } from 'dodo-transform';\nimport t from './secret.txt' with { type: 'text' };\nexport default defineMapping({ url: 'https://api.segment.io/v1/track', events: { 'payment.succeeded': () => ({ payload: { userId: t, event: 'e' } }) } });\n` },
  args: ['generate', 'handler', 'mappings/m.ts'], check: (r) => expect(out(r)).not.toMatch(/TXT_SECRET_MARKER/),
}]);
cases.push(['generate handler: a /// <reference path> to a file outside the project', {
  files: { '__OUTSIDE__/types.d.ts': 'declare const REF_SECRET_MARKER: number; REF_SECRET_MARKER_SYNTAX_ERROR ++ ;\n', 'mappings/m.ts': `/// <reference path="__OUTSIDE__/types.d.ts" />\n${mapping('')}` },
  args: ['generate', 'handler', 'mappings/m.ts'], check: (r) => { expect(out(r)).not.toMatch(/REF_SECRET_MARKER/); expect(out(r)).toMatch(/forbidden-import/); },
}]);
cases.push(['check: a mapping that is a symbolic link out of the project', {
  files: { 'dodo-transform.config.ts': CONFIG, '__OUTSIDE__/m.ts': `// LINK_SECRET_MARKER\n${mapping('')}` },
  setup: async (dir, outside) => { await mkdir(join(dir, 'mappings'), { recursive: true }); await symlink(join(outside, 'm.ts'), join(dir, 'mappings', 'm.ts')); },
  args: ['check'], codes: [2], check: (r) => expect(out(r)).not.toMatch(/LINK_SECRET_MARKER/),
}]);
cases.push(['validate: a samples folder entry that links out of the project', {
  files: { 's.js': snippet(''), '__OUTSIDE__/p.json': '{"SAMPLE_SECRET_MARKER": 1}' },
  setup: async (dir, outside) => { await mkdir(join(dir, 'samples', 'payment.succeeded'), { recursive: true }); await symlink(join(outside, 'p.json'), join(dir, 'samples', 'payment.succeeded', 'x.json')); },
  args: ['validate', 's.js'], check: (r) => expect(out(r)).not.toMatch(/SAMPLE_SECRET_MARKER/),
}]);
cases.push(['validate: a directory named x.js', { files: { 'x.js/inner.txt': 'x' }, args: ['validate', 'x.js'], codes: [2] }]);
cases.push(['validate: a FIFO', { files: {}, setup: async (dir) => { execFileSync('mkfifo', [join(dir, 'p.js')]); }, args: ['validate', 'p.js'], codes: [2] }]);
cases.push(['validate: /dev/zero', { files: {}, args: ['validate', '/dev/zero'], codes: [2] }]);
cases.push(['validate: /dev/stdin', { files: {}, args: ['validate', '/dev/stdin'], codes: [2] }]);
cases.push(['preview: a payload file that is a FIFO', { files: { 's.js': snippet('') }, setup: async (dir) => { execFileSync('mkfifo', [join(dir, 'p.json')]); }, args: ['preview', 's.js', '--payload', 'p.json'], codes: [2] }]);
cases.push(['generate handler: a mapping file name with a newline and */ is refused', {
  files: { 'mappings/a\n*/ process.exit(1); /*.ts': mapping('') },
  args: ['generate', 'handler', 'mappings/a\n*/ process.exit(1); /*.ts'],
  check: (r) => expect(r.stdout).not.toMatch(/process\.exit/),
}]);

cases.push(['generate handler: a helper that is a symbolic link out of the project, with a type error', {
  files: { '__OUTSIDE__/leak.ts': 'export const x: number = LINKED_SECRET_MARKER;\n', 'mappings/m.ts': mapping("import { x } from './leak.js';\nvoid x;") },
  setup: async (dir, outside) => { await symlink(join(outside, 'leak.ts'), join(dir, 'mappings', 'leak.ts')); },
  args: ['generate', 'handler', 'mappings/m.ts'], codes: [1],
  check: (r) => { expect(out(r)).not.toMatch(/LINKED_SECRET_MARKER|dodo-hostile-outside/); expect(out(r)).toMatch(/forbidden-import/); },
}]);
for (const [what, target] of [['a folder', 'handlers'], ['/dev/null', '/dev/null'], ['its own mapping', 'mappings/m.ts']] as const) {
  cases.push([`generate handler: --out ${what} is refused and nothing is replaced`, {
    files: project({ 'mappings/m.ts': mapping(''), 'handlers/other/keep.txt': 'x' }),
    args: ['generate', 'handler', 'mappings/m.ts', '--out', target],
    // An existing folder takes the snippet inside it, as cp does.
    codes: target === 'handlers' ? [0] : [2],
    check: (r) => {
      if (target === '/dev/null') expect(execFileSync('stat', ['-c', '%F', '/dev/null']).toString()).toMatch(/character special/);
      if (target === 'mappings/m.ts') expect(out(r)).toMatch(/inputs; write the output elsewhere/);
      if (target === 'handlers') expect(existsSync(join(r.dir, 'handlers', 'm.js'))).toBe(true);
      expect(execFileSync('find', [r.dir, '-name', '*.tmp']).toString()).toBe('');
    },
  }]);
}
cases.push(['import: an existing folder as --out', {
  files: { 'legacy.js': snippet(''), 'out/keep.txt': 'x' }, args: ['import', 'legacy.js', '--out', 'out', '--force'], codes: [2],
  check: (r) => { expect(out(r)).toMatch(/out: is a folder/); expect(execFileSync('find', [r.dir, '-name', '*.tmp']).toString()).toBe(''); },
}]);
cases.push(['import: /dev/zero', { files: {}, args: ['import', '/dev/zero', '--out', '-'], codes: [2] }]);
cases.push(['build: a config whose outDir leaves the project', {
  files: { 'dodo-transform.config.ts': "export default { mappings: ['mappings/*.ts'], outDir: '../escaped-handlers' };\n", 'mappings/m.ts': mapping('') },
  args: ['build'], codes: [2],
  check: (r) => { expect(out(r)).toMatch(/outDir: must be a folder inside the project/); expect(existsSync(join(r.dir, '..', 'escaped-handlers'))).toBe(false); },
}]);

for (const timeout of ['0', '-5', 'abc', '1e12', '3000000000', '1.5', '2']) {
  cases.push([`validate: --timeout ${timeout} is a usage error`, {
    files: { 's.js': snippet('') }, args: ['validate', 's.js', '--timeout', timeout], codes: [2],
    check: (r) => expect(r.stderr).toMatch(/--timeout <ms>.*expected a whole number of milliseconds from 10 to 60000/),
  }]);
}

cases.push(['validate: a sample file nested 5,000 levels deep is a bad sample, not a crash', {
  files: { 's.js': snippet(''), 'samples/payment.succeeded/deep.json': `{"type":"payment.succeeded","business_id":"b","timestamp":"2025-08-04T05:30:45Z","data":{"metadata":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}}` },
  args: ['validate', 's.js'], codes: [1], check: (r) => expect(out(r)).toMatch(/deep\.json +error +\$\.data\.metadata\.x\.x\.x\.x.+ \(64 levels down\): nested more than 64 levels deep/),
}]);
cases.push(['preview: a payload nested 5,000 levels deep', {
  files: { 's.js': snippet(''), 'p.json': `{"type":"payment.succeeded","data":${'['.repeat(5000)}${']'.repeat(5000)}}` },
  args: ['preview', 's.js', '--payload', 'p.json'], codes: [2], check: (r) => expect(r.stderr).toMatch(/p\.json: \$\.data\[0\]\[0\]\[0\]\[0\]\[0\].+ \(64 levels down\): nested more than 64/),
}]);
cases.push(['import: a snippet nested 20,000 parentheses deep', {
  files: { 'deep.js': `function handler(webhook) { webhook.payload = ${'('.repeat(20000)}1${')'.repeat(20000)}; return webhook; }\n` },
  args: ['import', 'deep.js', '--out', '-'], codes: [1, 2],
}]);

// 7. No internal errors on bad input.
const badExports: [string, string][] = [
  ['a revoked Proxy as the export', 'const p = Proxy.revocable({}, {}); p.revoke();\nexport default p.proxy as any;\n'],
  ['url: 10n', "import { defineMapping } from 'dodo-transform';\nexport default defineMapping({ url: 10n as any, events: {} });\n"],
  ['a thrown Proxy', "import { defineMapping } from 'dodo-transform';\nthrow new Proxy({}, { get() { throw 1; } });\nexport default defineMapping({ events: {} });\n"],
  ['a getter that throws', "import { defineMapping } from 'dodo-transform';\nexport default defineMapping({ get events(): any { throw new Error('boom'); } } as any);\n"],
  ['an events object whose keys cannot be listed', "import { defineMapping } from 'dodo-transform';\nexport default defineMapping({ events: new Proxy({}, { ownKeys() { throw new Error('no keys'); } }) as any });\n"],
];
for (const [what, source] of badExports) {
  cases.push([`generate handler: ${what}`, { files: { 'mappings/m.ts': source }, args: ['generate', 'handler', '--no-typecheck', 'mappings/m.ts'], codes: [1] }]);
}
cases.push(['validate: a snippet throwing a Proxy whose every trap throws', { files: { 's.js': 'function handler(w) { throw new Proxy({}, { get: function () { throw 1; }, getPrototypeOf: function () { throw 2; } }); }\n' }, args: ['validate', 's.js'], codes: [1] }]);
cases.push(['validate: a snippet returning a result with a throwing toJSON', { files: { 's.js': 'function handler(w) { w.toJSON = function () { throw new Proxy({}, {}); }; return w; }\n' }, args: ['validate', 's.js'], codes: [1] }]);
cases.push(['validate: a sample file that is not JSON and one with a huge number', {
  files: { 's.js': snippet(''), 'samples/payment.succeeded/a.json': '{ not json', 'samples/payment.succeeded/b.json': `{"type":"payment.succeeded","data":${'['.repeat(5000)}${']'.repeat(5000)}}` },
  args: ['validate', 's.js'], codes: [1],
}]);

describe('hostile input', () => {
  it('has at least 40 cases', () => { expect(cases.length).toBeGreaterThanOrEqual(40); });
  for (const [name, c] of cases) it(name, async () => { await runHostile(c); }, 40_000);
});
