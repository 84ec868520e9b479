// `--destination <name>`: for snippets whose URL the dashboard card supplies, the request says
// nothing of where it goes; the user names it (or the snippet's "// Destination:" line does), and
// that destination's checks apply. The option wins over the line.
import { DESTINATION_IDS } from '../runtime/mapping/destination-ids.js';
import { suggest } from '../util/suggest.js';
import { UserError } from '../util/errors.js';
import type { PreparedSnippets } from './prepare-snippets.js';

/** The destination ids, or a usage error with a did-you-mean. */
export async function checkDestinationName(name: string): Promise<string> {
  const ids: readonly string[] = DESTINATION_IDS;
  if (ids.includes(name)) return name;
  const guess = suggest(name, ids);
  throw new UserError(`--destination: "${name}" is not a destination${guess ? `; did you mean "${guess}"?` : ''} (one of ${ids.join(', ')})`);
}

/** The hand-written snippets of a prepared set, marked with the destination they send to. */
export function withDestination(prepared: PreparedSnippets, destination: string | undefined): PreparedSnippets {
  if (destination === undefined) return prepared;
  return { ...prepared, snippets: prepared.snippets.map((s) => (s.file.endsWith('.js') ? { ...s, destination } : s)) };
}
