import { getTemplateCatalog } from '../../templates/catalog.js';
import { createColors, type CliIo } from '../io.js';
import { EXIT_OK } from '../../findings/exit-codes.js';

/** Lists the built-in templates: destination, the events each handles, what the dashboard card asks for. */
export async function templates(io: CliIo, options: { json?: boolean }): Promise<number> {
  const catalog = getTemplateCatalog();
  if (options.json) {
    io.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
    return EXIT_OK;
  }
  const colors = createColors(io, 'stdout');
  const width = Math.max(...catalog.map((t) => t.name.length));
  for (const t of catalog) {
    const url = t.urlFrom === 'card' ? 'URL from the card' : 'URL from the code';
    io.stdout.write(`${colors.bold(t.name.padEnd(width))}  ${t.destination}; ${url}; card asks for: ${t.credential}\n`);
    io.stdout.write(`${' '.repeat(width)}  ${colors.dim(`${t.events.length} events: ${t.events.join(', ')}`)}\n`);
  }
  io.stdout.write(`\nUse one: dodo-transform generate mapping --template <name>   (or: generate handler --template <name>)\n`);
  return EXIT_OK;
}
