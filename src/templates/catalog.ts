import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DESTINATIONS } from '../destinations/index.js';
import { EVENT_TYPES } from '../runtime/events/event-types.js';
import { listTemplateNames, TEMPLATES_DIR } from './list-templates.js';

/** What the dashboard's integration card asks for, per template (from the integration pages). */
const CREDENTIALS: Readonly<Record<string, string>> = {
  'segment': 'write key',
  'customer-io': 'Site ID and API key',
  'slack': 'incoming webhook URL',
  'discord': 'channel webhook URL',
  'microsoft-teams': 'workflow webhook URL',
  'hubspot': 'HubSpot account connection (private app token via HUBSPOT_ACCESS_TOKEN)',
  'close-crm': 'API key',
  'loops': 'API key',
  'datafast': 'API key',
  'dub': 'API key',
  'resend': 'API key',
  'sendgrid': 'API key (Mail Send)',
  'autosend': 'API key',
  'mailerlite': 'API key',
  'keplars': 'API key',
  'inngest': 'webhook URL with the Event Key',
  'windmill': 'webhook URL and token',
  'zapier': 'Catch Hook URL',
  'n8n': 'Webhook node production URL',
};

export interface TemplateInfo {
  name: string;
  /** The destination's display name (from its schema module), else the template name. */
  destination: string;
  /** Event types the template handles, in the SDK's order. */
  events: string[];
  credential: string;
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
    const summary = (/^\/\/\s*(.*)$/m.exec(source)?.[1] ?? '').trim();
    return {
      name,
      destination: DESTINATIONS.find((d) => d.id === name)?.name ?? name,
      events,
      credential: CREDENTIALS[name] ?? 'see the template header',
      summary,
    };
  });
}
