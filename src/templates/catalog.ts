import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDestination } from '../destinations/registry.js';
import { EVENT_TYPES } from '../runtime/events/event-types.js';
import { listTemplateNames, TEMPLATES_DIR } from './list-templates.js';

export interface TemplateInfo {
  name: string;
  /** The destination's display name (from the destination registry), else the template name. */
  destination: string;
  /** Event types the template handles, in the SDK's order. */
  events: string[];
  credential: string;
  /** Where the request URL comes from: the dashboard card (the snippet keeps it) or the template's code. */
  urlFrom: 'card' | 'code';
  /** The template's first comment line. */
  summary: string;
}

/**
 * Reads each template's header and the event keys it declares. Event keys are found
 * textually ('payment.succeeded': …): templates are ours and follow that style, and
 * this keeps `templates` instant instead of compiling nineteen mappings.
 */
export function getTemplateCatalog(): TemplateInfo[] {
  return listTemplateNames().map((name) => {
    const source = readFileSync(join(TEMPLATES_DIR, `${name}.ts`), 'utf8');
    const events = EVENT_TYPES.filter((type) => new RegExp(`['"]${type.replace('.', '\\.')}['"]\\s*:`).test(source));
    // The whole header comment (every leading // line), not its first line: sentences wrap.
    const header: string[] = [];
    for (const line of source.split('\n')) {
      const comment = /^\/\/\s?(.*)$/.exec(line.trim());
      if (!comment) break;
      header.push(comment[1]!.trim());
    }
    const summary = header.filter(Boolean).join(' ');
    const destination = getDestination(name);
    return {
      name,
      destination: destination?.title ?? name,
      events,
      // What the dashboard's integration card asks for.
      credential: destination?.card.credentials ?? 'see the template header',
      urlFrom: destination?.urlFrom ?? 'code',
      summary,
    };
  });
}
