import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './fixtures.js';

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** Spawns the real bin (built dist/), without colour unless the test asks for it. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin', 'dodo-transform.js'), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A throw-away copy of a fixture folder, so tests may write into it. */
export async function copyFixture(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-test-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

/** A throw-away project (an ESM package.json) holding these files, by project path. */
export async function tempProject(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dodo-transform-project-'));
  await writeFile(join(dir, 'package.json'), '{ "name": "project", "type": "module" }\n');
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, '..'), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}
