// Microsoft Teams: incoming webhooks and Workflows webhook URLs, the message size limit, and the
// rules the schema cannot express.
// Source: https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
import { checkMethod, checkSize, errorsFirst, parseUrl } from './checks.js';
import { isRecord, issue } from './json.js';
import {
  TEAMS_ADAPTIVE_CARD_CONTENT_TYPE, TEAMS_ELEMENT_TYPES, TEAMS_MAX_CARD_VERSION, TeamsMessageSchema,
} from './microsoft-teams-schema.js';
import type { Destination, DestinationEndpoint, DestinationIssue } from './types.js';
import { describeValue, fromZodIssues } from './zod-issues.js';
import type { IssueClassifier } from './zod-issues.js';

export * from './microsoft-teams-schema.js';

/**
 * Host suffixes: connector webhooks ({tenant}.webhook.office.com/webhookb2/…) and the Workflows
 * (Power Automate) trigger URLs that replace them (…logic.azure.com/workflows/…, and
 * …environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…).
 */
export const TEAMS_HOSTS = ['*.webhook.office.com', '*.logic.azure.com', '*.environment.api.powerplatform.com'] as const;

// add-incoming-webhook: "The message size limit is 28 KB"; read as 28,000 bytes, the stricter reading of KB.
export const TEAMS_SIZE_LIMIT_BYTES = 28_000;

const OFFICE_HOST = '.webhook.office.com';
const WORKFLOW_HOSTS = ['.logic.azure.com', '.environment.api.powerplatform.com'];
// A workflow's HTTP trigger: /workflows/{id}/triggers/{name}/paths/invoke (also under /powerautomate/automations/direct).
const WORKFLOW_PATH = /\/workflows\/[^/]+\/triggers\/[^/]+\/paths\/invoke\/?$/;

function isWorkflow(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return WORKFLOW_HOSTS.some((suffix) => host.endsWith(suffix)) && WORKFLOW_PATH.test(url.pathname);
}

export const TEAMS_ENDPOINTS: readonly DestinationEndpoint[] = [
  { path: '/webhookb2/{group}@{tenant}/IncomingWebhook/{id}/{owner}', kind: 'incoming-webhook', schema: TeamsMessageSchema, sizeLimitBytes: TEAMS_SIZE_LIMIT_BYTES },
  { path: '/workflows/{id}/triggers/manual/paths/invoke', kind: 'workflow', schema: TeamsMessageSchema, sizeLimitBytes: TEAMS_SIZE_LIMIT_BYTES },
];
const [WEBHOOK_ENDPOINT, WORKFLOW_ENDPOINT] = TEAMS_ENDPOINTS as [DestinationEndpoint, DestinationEndpoint];

const NAME = 'Microsoft Teams';

export const microsoftTeams: Destination = {
  id: 'microsoft-teams',
  name: NAME,
  hosts: TEAMS_HOSTS,
  // logic.azure.com serves every Logic App: only workflow trigger paths count as Teams.
  matches: (url) => url.hostname.toLowerCase().endsWith(OFFICE_HOST) || isWorkflow(url),
  endpoints: TEAMS_ENDPOINTS,
  sizeLimitBytes: TEAMS_SIZE_LIMIT_BYTES,
  validate(url, method, payload) {
    const parsedUrl = parseUrl(url);
    const workflow = parsedUrl !== undefined && isWorkflow(parsedUrl);
    const path = parsedUrl?.pathname ?? url;
    if (!workflow && !path.startsWith('/webhookb2/')) {
      return [issue('teams.unknown-endpoint', '$',
        `"${path}" is not a Teams webhook URL: use the URL of a Workflows "When a Teams webhook request is received" trigger (or a connector's https://….webhook.office.com/webhookb2/…)`),
      ...checkMethod(method, NAME)];
    }
    const endpoint = workflow ? WORKFLOW_ENDPOINT : WEBHOOK_ENDPOINT;
    const basics = [...checkMethod(method, NAME), ...checkSize(payload, endpoint, NAME)];
    if (isRecord(payload) && payload['@type'] === 'MessageCard') return errorsFirst([...basics, messageCard(workflow)]);
    if (workflow && isRecord(payload) && payload['type'] === undefined && payload['attachments'] === undefined) {
      // A Logic App or flow of the user's own may take any JSON: only say what the Teams template expects.
      return errorsFirst([...basics, issue('teams.not-a-card', '$',
        'The body is not a Teams message; fine for a workflow of your own, but the Teams "post to a channel when a webhook request is received" workflow expects { type: "message", attachments: [adaptive card] }',
        'warning')]);
    }
    const parsed = TeamsMessageSchema.safeParse(payload);
    return errorsFirst([
      ...basics,
      ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, payload, classifyTeams)),
      ...(isRecord(payload) ? versions(payload) : []),
    ]);
  },
};

function messageCard(workflow: boolean): DestinationIssue {
  const convert = 'send an Adaptive Card: { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }] }';
  return workflow
    ? issue('teams.message-card', ['@type'], `Workflows do not accept the legacy MessageCard format: ${convert}`)
    : issue('teams.message-card', ['@type'], `MessageCard is the legacy connector format, and Microsoft is retiring connectors: ${convert}`, 'warning');
}

function parseVersion(v: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const MAX_VERSION = parseVersion(TEAMS_MAX_CARD_VERSION) as [number, number];

/** Cards newer than Teams renders show their fallbackText (or an error) instead of the card. */
function versions(message: Record<string, unknown>): DestinationIssue[] {
  const attachments = message['attachments'];
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a: unknown, i): DestinationIssue[] => {
    const content = isRecord(a) ? a['content'] : undefined;
    const version = isRecord(content) ? content['version'] : undefined;
    const parsed = typeof version === 'string' ? parseVersion(version) : undefined;
    if (!parsed || parsed[0] < MAX_VERSION[0] || (parsed[0] === MAX_VERSION[0] && parsed[1] <= MAX_VERSION[1])) return [];
    return [issue('teams.unsupported-version', ['attachments', i, 'content', 'version'],
      `Card version ${String(version)} is newer than Teams renders (${TEAMS_MAX_CARD_VERSION}); Teams shows the fallback text instead of the card: use "${TEAMS_MAX_CARD_VERSION}" or lower`,
      'warning')];
  });
}

const ENVELOPE = `{ type: "message", attachments: [{ contentType: "${TEAMS_ADAPTIVE_CARD_CONTENT_TYPE}", content: card }] }`;

const classifyTeams: IssueClassifier = ({ issue: zi, path, value }) => {
  const last = path[path.length - 1];
  if (path.length === 1 && last === 'type') {
    return issue('teams.not-a-message', path, value === 'AdaptiveCard'
      ? `The body is a bare Adaptive Card; Teams expects it wrapped in a message: ${ENVELOPE} (teamsAdaptiveCard() builds it)`
      : `type must be "message", not ${describeValue(value)}: the body is ${ENVELOPE}`);
  }
  if (path.length === 1 && last === 'attachments') {
    return issue('teams.missing-attachments', path, `attachments must hold at least one card, not ${describeValue(value)}: ${ENVELOPE}`);
  }
  if (last === 'contentType') {
    return issue('teams.invalid-content-type', path,
      `contentType must be "${TEAMS_ADAPTIVE_CARD_CONTENT_TYPE}", not ${describeValue(value)}: Teams webhooks and Workflows post Adaptive Cards only`);
  }
  if (path.length === 4 && path[2] === 'content') {
    if (last === 'type') return issue('teams.invalid-card-type', path, `The card's type must be "AdaptiveCard", not ${describeValue(value)}`);
    if (last === 'version') {
      return issue('teams.missing-version', path, value === undefined
        ? `The card has no version; Teams cannot render a top-level card without one: add version: "1.2" (up to "${TEAMS_MAX_CARD_VERSION}")`
        : `version must be a string such as "1.2", not ${describeValue(value)}`);
    }
  }
  if (zi.code === 'invalid_union' && zi.discriminator === 'type') {
    if (path[path.length - 3] === 'actions') {
      return value === 'Action.Submit' || value === 'Action.Execute'
        ? issue('teams.unsupported-action', path,
          `${String(value)} needs a bot to receive it; a webhook card has none, so Teams cannot act on it: use Action.OpenUrl (e.g. a link to the Dodo dashboard)`)
        : issue('schema.invalid', path, `An action's type must be "Action.OpenUrl", "Action.ShowCard" or "Action.ToggleVisibility", not ${describeValue(value)}`);
    }
    return issue('teams.unknown-element', path,
      `Element type ${describeValue(value)} is not one this tool knows (${TEAMS_ELEMENT_TYPES.join(', ')}); Teams skips or fails on unknown elements: check the spelling (types are case-sensitive)`,
      'warning');
  }
  return undefined;
};
