import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../util/compare.js';
import { TOOL_ROOT } from '../util/tool-info.js';

// Kept apart from the catalog: completion and usage errors need the names only, without loading the destinations.
export const TEMPLATES_DIR = join(TOOL_ROOT, 'templates');

export function listTemplateNames(): string[] {
  return readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort(compareStrings);
}
