import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The directory dodo-transform is installed in. Found by walking up from this
 * module because it runs both from src/ (tests) and from the bundled dist/.
 */
function findToolRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'dodo-transform') return dir;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('dodo-transform: cannot find its own package.json');
    dir = parent;
  }
}

export const TOOL_ROOT = findToolRoot();

export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
