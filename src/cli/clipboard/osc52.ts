/**
 * OSC 52 "set clipboard": the terminal itself puts the text on the clipboard of the machine the
 * user sits at, which is what makes it work over SSH and in containers. Spec:
 * https://invisible-island.net/xterm/ctlseqs/ctlseqs.html#h3-Operating-System-Commands
 *
 * Some terminals cap the payload (around 100 KB); a snippet is at most 51,200 characters, about
 * 68 KB as base64 when ASCII, so one sequence fits unless it is full of non-ASCII text.
 */
export function formatOsc52(text: string, options: { tmux?: boolean } = {}): string {
  const sequence = `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
  // tmux swallows unknown escapes; its DCS passthrough forwards one to the outer terminal when
  // `allow-passthrough` is on. Every ESC inside is doubled. https://github.com/tmux/tmux/wiki/FAQ
  return options.tmux ? `\x1bPtmux;${sequence.replaceAll('\x1b', '\x1b\x1b')}\x1b\\` : sequence;
}
