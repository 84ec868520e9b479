import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/util/errors.js';
import { writeFilesAtomic } from '../../src/util/write-atomic.js';

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'dodo-write-'));
}

async function failure(run: Promise<unknown>): Promise<UserError> {
  const error = await run.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('writeFilesAtomic', () => {
  it('writes every file and leaves no temporary file', async () => {
    const dir = scratch();
    await writeFilesAtomic(new Map([[join(dir, 'a.js'), 'A'], [join(dir, 'sub', 'b.js'), 'B']]), { cwd: dir });
    expect(readFileSync(join(dir, 'a.js'), 'utf8')).toBe('A');
    expect(readFileSync(join(dir, 'sub', 'b.js'), 'utf8')).toBe('B');
    expect(readdirSync(dir).sort()).toEqual(['a.js', 'sub']);
  });

  it('refuses a folder as the target with a usage error, writes nothing and leaves no temporary file', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'out'));
    const error = await failure(writeFilesAtomic(new Map([[join(dir, 'first.js'), '1'], [join(dir, 'out'), 'X']]), { cwd: dir }));
    expect(error.message).toBe('out: is a folder; give a file path');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('never replaces a named pipe or a device', async () => {
    const dir = scratch();
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    expect((await failure(writeFilesAtomic(new Map([[join(dir, 'pipe'), 'X']]), { cwd: dir }))).message).toMatch(/^pipe: is not a regular file/);
    expect(lstatSync(join(dir, 'pipe')).isFIFO()).toBe(true);
    const error = await failure(writeFilesAtomic(new Map([['/dev/null', 'X']]), { cwd: dir }));
    expect(error.message).toMatch(/^\/dev\/null: is not a regular file/);
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it("refuses to write over one of the command's inputs, also through a link", async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'mapping.ts'), 'source');
    symlinkSync(join(dir, 'mapping.ts'), join(dir, 'alias.ts'));
    for (const target of ['mapping.ts', 'alias.ts']) {
      const error = await failure(writeFilesAtomic(new Map([[join(dir, target), 'snippet']]), { inputs: [join(dir, 'mapping.ts')], cwd: dir }));
      expect(error.message).toBe(`${target}: is one of this command's inputs; write the output elsewhere`);
    }
    expect(readFileSync(join(dir, 'mapping.ts'), 'utf8')).toBe('source');
  });

  it('replaces a link itself, never the file it points to', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'elsewhere.txt'), 'keep');
    symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'out.js'));
    await writeFilesAtomic(new Map([[join(dir, 'out.js'), 'new']]), { cwd: dir });
    expect(lstatSync(join(dir, 'out.js')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('keep');
  });

  it('names the file and the reason when its folder path runs through a file, and cleans up what it staged', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'plain'), '');
    const error = await failure(writeFilesAtomic(new Map([[join(dir, 'ok.js'), '1'], [join(dir, 'plain', 'x.js'), '2']]), { cwd: dir }));
    expect(error.message).toBe('plain/x.js: cannot write it (a part of its folder path is a file)');
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  it('escapes control characters in the path it names', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'a\u001b[31m'));
    const error = await failure(writeFilesAtomic(new Map([[join(dir, 'a\u001b[31m'), 'X']]), { cwd: dir }));
    expect(error.message).not.toContain('\u001b');
  });

  it('with `within`, refuses a file whose folder is a link out of that folder, before writing anything', async () => {
    const dir = scratch();
    const outside = scratch();
    symlinkSync(outside, join(dir, 'handlers'));
    const files = new Map([[join(dir, 'a.js'), 'A'], [join(dir, 'handlers', 'sub', 'b.js'), 'B']]);
    const error = await failure(writeFilesAtomic(files, { cwd: dir, within: dir }));
    expect(error.message).toMatch(/^handlers\/sub\/b\.js: its folder is a symbolic link out of the project; nothing was written/);
    expect(readdirSync(outside)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['handlers']);
    // A link that stays inside the project, and the same files without `within`, are written.
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'inner'));
    await writeFilesAtomic(new Map([[join(dir, 'inner', 'c.js'), 'C']]), { cwd: dir, within: dir });
    expect(readFileSync(join(dir, 'real', 'c.js'), 'utf8')).toBe('C');
    await writeFilesAtomic(files, { cwd: dir });
    expect(readFileSync(join(outside, 'sub', 'b.js'), 'utf8')).toBe('B');
  });
});
