import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { createProgress } from '../../src/cli/progress.js';

function io(isTTY: boolean, env: Record<string, string> = {}): CliIo & { out: () => string } {
  let text = '';
  return { cwd: '/', env, stdout: { write: () => true }, stderr: { isTTY, write: (t: string) => { text += t; return true; } }, out: () => text };
}

describe('progress line', () => {
  it('draws and clears one line on a terminal', () => {
    const tty = io(true);
    const progress = createProgress(tty);
    progress.update('compiling 3 mappings…');
    progress.done();
    expect(tty.out()).toBe('\r\u001b[2Kcompiling 3 mappings…\r\u001b[2K');
  });

  it('stays silent when piped and in CI', () => {
    for (const target of [io(false), io(true, { CI: 'true' })]) {
      const progress = createProgress(target);
      progress.update('x');
      progress.done();
      expect(target.out()).toBe('');
    }
  });
});
