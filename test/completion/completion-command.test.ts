import { describe, expect, it } from 'vitest';
import { completion } from '../../src/cli/commands/completion.js';
import { listTemplateNames as listTemplates } from '../../src/templates/list-templates.js';
import { createProgram, main } from '../../src/cli/main.js';
import { UserError } from '../../src/util/errors.js';
import { createFakeIo, createTestProgram } from './program.js';

const INSTALL_LINES = {
  bash: '#   dodo-transform completion bash >> ~/.bashrc',
  zsh: '#   dodo-transform completion zsh >> ~/.zshrc   (after compinit)',
  fish: '#   dodo-transform completion fish > ~/.config/fish/completions/dodo-transform.fish',
};

describe('completion command', () => {
  it.each(Object.entries(INSTALL_LINES))('prints the %s script, install instructions first', async (shell, installLine) => {
    const io = createFakeIo();
    expect(await completion(io, { shell }, createTestProgram())).toBe(0);
    const script = io.out.join('');
    const header = script.slice(0, script.indexOf('\n\n')).split('\n');
    expect(header).toContain(installLine);
    // Built at run time: the templates folder's names are in it.
    for (const name of listTemplates()) expect(script).toContain(name);
  });

  it('names the supported shells when given another', async () => {
    const run = completion(createFakeIo(), { shell: 'powershell' }, createTestProgram());
    await expect(run).rejects.toThrow(UserError);
    await expect(run).rejects.toThrow('unknown shell "powershell"; completion supports bash, zsh, fish');
  });

  it('does not take inherited object keys for shells', async () => {
    await expect(completion(createFakeIo(), { shell: 'toString' }, createTestProgram())).rejects.toThrow(UserError);
  });

  // Runs once src/cli/main.ts declares the command (see the block proposed alongside this feature).
  const declared = createProgram(createFakeIo(), () => {}).commands.some((c) => c.name() === 'completion');
  it.skipIf(!declared)('`dodo-transform completion bash` prints the script through main()', async () => {
    const io = createFakeIo();
    expect(await main(['completion', 'bash'], io)).toBe(0);
    expect(io.out.join('')).toContain('complete -o filenames -o bashdefault -F _dodo_transform dodo-transform');
    expect(io.out.join('')).toContain("'completion') (( $2 == 0 )) && words='bash zsh fish'");
  });
});
