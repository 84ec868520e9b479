// Runs the built CLI on a hostile project and checks what must hold for every hostile input:
// nothing written outside the project, no environment value printed, no connection made, exit
// code 1 or 2, within the time budget, no raw control byte and no stack trace in the output.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from '../support/fixtures.js';

export interface HostileCase {
  /** Files of the project; `__MARKER__`, `__PORT__` and `__CANARY__` are replaced (see below). */
  files: Record<string, string>;
  args: string[];
  /** Exit codes allowed. @default [1, 2] */
  codes?: number[];
  /** @default 10_000 ms */
  budgetMs?: number;
  /** Extra checks on the output. */
  check?: (run: HostileRun) => void;
  /** Prepares the project before the run (symlinks, FIFOs). */
  setup?: (dir: string, outside: string) => Promise<void>;
}

export interface HostileRun { code: number | null; signal: string | null; stdout: string; stderr: string; ms: number; dir: string }

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u009b]/;
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

let server: Server | undefined;
let connections = 0;
let port = 0;

async function listener(): Promise<number> {
  if (server) return port;
  server = createServer((socket) => { connections++; socket.destroy(); });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  server.unref();
  return port;
}

export async function runHostile(c: HostileCase): Promise<HostileRun> {
  const listenPort = await listener();
  const before = connections;
  const dir = await mkdtemp(join(tmpdir(), 'dodo-hostile-project-'));
  const outside = await mkdtemp(join(tmpdir(), 'dodo-hostile-outside-'));
  const marker = join(outside, 'escaped.txt');
  const canary = `canary-${randomBytes(8).toString('hex')}`;
  const fill = (text: string) => text.replaceAll('__MARKER__', marker).replaceAll('__PORT__', String(listenPort)).replaceAll('__OUTSIDE__', outside);
  await writeFile(join(dir, 'package.json'), '{"name":"hostile","private":true,"type":"module"}');
  for (const [name, text] of Object.entries(c.files)) {
    // `__OUTSIDE__/…` names a file outside the project (what hostile imports and links aim at).
    const path = isAbsolute(fill(name)) ? fill(name) : join(dir, fill(name));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, fill(text));
  }
  await c.setup?.(dir, outside);
  const started = Date.now();
  const run = await new Promise<HostileRun>((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'dodo-transform.js'), ...c.args.map(fill)], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', HOME: outside, TMPDIR: join(outside), DODO_SECRET_CANARY: canary },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('latin1'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('latin1'); });
    const kill = setTimeout(() => child.kill('SIGKILL'), (c.budgetMs ?? 10_000) + 10_000);
    child.on('close', (code, signal) => { clearTimeout(kill); resolve({ code, signal, stdout, stderr, ms: Date.now() - started, dir }); });
  });
  const output = run.stdout + run.stderr;
  const context = `${c.args.join(' ')}\n${output.slice(0, 2000)}`;
  expect(run.signal, context).toBeNull();
  expect(c.codes ?? [1, 2], context).toContain(run.code);
  expect(run.ms, context).toBeLessThan(c.budgetMs ?? 10_000);
  expect(existsSync(marker), `${context}\nwrote ${marker}`).toBe(false);
  expect(output.includes(canary), context).toBe(false);
  expect(connections - before, context).toBe(0);
  expect(CONTROL.test(output), `raw control byte in: ${JSON.stringify(output.slice(0, 500))}`).toBe(false);
  expect(STACK_FRAME.test(output), context).toBe(false);
  expect(output, context).not.toMatch(/This is a bug|internal error/);
  c.check?.(run);
  return run;
}

/** The code a hostile run tries: write the marker, read the canary, connect to the listener. */
export const ESCAPE = `
  var p = globalThis.constructor.constructor('return process')();
  p.mainModule.require('fs').writeFileSync('__MARKER__', p.env.DODO_SECRET_CANARY);
  p.mainModule.require('net').connect(__PORT__, '127.0.0.1');
  console.log(p.env.DODO_SECRET_CANARY);`;

export const SEGMENT = `url: 'https://api.segment.io/v1/track',
  events: { 'payment.succeeded': (e) => ({ payload: { userId: e.data.customer.customer_id, event: 'Order Completed' } }) },`;

export const CONFIG = `export default { mappings: ['mappings/*.ts'], outDir: 'handlers' };\n`;
