import { describe, expect, it } from 'vitest';
import { formatOsc52 } from '../../src/cli/clipboard/osc52.js';
import { getClipboardSkipReason, writeToChild } from '../../src/cli/clipboard/system-clipboard.js';

const node = (script: string) => [process.execPath, '-e', script];

describe('formatOsc52', () => {
  it('is ESC ] 52 ; c ; <base64 of the UTF-8 text> BEL', () => {
    expect(formatOsc52('héllo ✓')).toBe(`\x1b]52;c;${Buffer.from('héllo ✓').toString('base64')}\x07`);
  });

  it('inside tmux, wraps it in a DCS passthrough with ESC doubled', () => {
    expect(formatOsc52('a', { tmux: true })).toBe('\x1bPtmux;\x1b\x1b]52;c;YQ==\x07\x1b\\');
  });
});

describe('getClipboardSkipReason', () => {
  it('skips in CI and over SSH without a forwarded display, not otherwise', () => {
    expect(getClipboardSkipReason({ CI: 'true' })).toBe('CI is set');
    expect(getClipboardSkipReason({ CI: 'false' })).toBeUndefined();
    expect(getClipboardSkipReason({ SSH_CONNECTION: '10.0.0.1 5000 10.0.0.2 22' })).toBe('SSH session without X11 forwarding');
    expect(getClipboardSkipReason({ SSH_TTY: '/dev/pts/1', DISPLAY: 'localhost:10.0' })).toBeUndefined();
    expect(getClipboardSkipReason({})).toBeUndefined();
  });
});

// The mechanism under the system clipboard, with stand-in commands instead of clipboardy.
describe('writeToChild', () => {
  it('hands the whole text to the child on stdin', async () => {
    const text = 'function handler(webhook) { return webhook; } // ✓\n'.repeat(2000);
    const check = `let t='';process.stdin.setEncoding('utf8').on('data',(d)=>{t+=d}).on('end',()=>process.exit(t===${JSON.stringify(text)}?0:3))`;
    await expect(writeToChild(node(check), text, { env: {} })).resolves.toBeUndefined();
  });

  it('rejects with what the child said on stderr', async () => {
    const fail = "process.stderr.write(\"Clipboard access requires a display server (X11 or Wayland).\\n\");process.exit(1)";
    await expect(writeToChild(node(fail), 'x', { env: {} })).rejects.toThrow(/^Clipboard access requires a display server \(X11 or Wayland\)\.$/);
  });

  it('kills a child that hangs as soon as the signal aborts', async () => {
    const started = Date.now();
    const write = writeToChild(node('setInterval(() => {}, 1000)'), 'x', { env: {}, signal: AbortSignal.timeout(200) });
    await expect(write).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
