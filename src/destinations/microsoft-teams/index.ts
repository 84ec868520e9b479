// Microsoft Teams: incoming webhooks and Workflows webhook URLs, the message size limit, and the
// rules the schema cannot express.
// Source: https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook
import { isRecord } from '../../util/json.js';
import { defineDestination, error, issuesFor, warning } from '../define-destination.js';
import type { DestinationEndpoint, DestinationIssue, DestinationRequest, IssueClassifier } from '../define-destination.js';
import { describeValue } from '../describe-value.js';
import {
  TEAMS_ADAPTIVE_CARD_CONTENT_TYPE, TEAMS_ELEMENT_TYPES, TEAMS_MAX_CARD_VERSION, TeamsMessageSchema,
} from './schema.js';

export * from './schema.js';

/**
 * Host suffixes: connector webhooks ({tenant}.webhook.office.com/webhookb2/…) and the Workflows
 * (Power Automate) trigger URLs that replace them (…logic.azure.com/workflows/…, and
 * …environment.api.powerplatform.com/powerautomate/automations/direct/workflows/…).
 */
export const TEAMS_HOSTS = ['*.webhook.office.com', '*.logic.azure.com', '*.environment.api.powerplatform.com'] as const;

// add-incoming-webhook: "The message size limit is 28 KB"; read as 28,000 bytes, the stricter reading of KB.
export const TEAMS_SIZE_LIMIT_BYTES = 28_000;

// A workflow's HTTP trigger: /workflows/{id}/triggers/{name}/paths/invoke (also under /powerautomate/automations/direct).
const WORKFLOW_PATH = /\/workflows\/[^/]+\/triggers\/[^/]+\/paths\/invoke\/?$/;
const [OFFICE_HOST, ...WORKFLOW_HOSTS] = TEAMS_HOSTS;

/** logic.azure.com serves every Logic App: only workflow trigger paths count as Teams. */
function isWorkflow(url: URL | undefined): boolean {
  const host = url?.hostname.toLowerCase() ?? '';
  return WORKFLOW_HOSTS.some((pattern) => host.endsWith(pattern.slice(1))) && WORKFLOW_PATH.test(url?.pathname ?? '');
}

export const TEAMS_ENDPOINTS: readonly DestinationEndpoint[] = [
  {
    path: '/webhookb2/{group}@{tenant}/IncomingWebhook/{id}/{owner}', kind: 'incoming-webhook',
    match: (path, url) => !isWorkflow(url) && path.startsWith('/webhookb2/'), schema: TeamsMessageSchema, sizeLimitBytes: TEAMS_SIZE_LIMIT_BYTES,
  },
  {
    path: '/workflows/{id}/triggers/manual/paths/invoke', kind: 'workflow',
    match: (_path, url) => isWorkflow(url), schema: TeamsMessageSchema, sizeLimitBytes: TEAMS_SIZE_LIMIT_BYTES,
  },
];

const CODES = {
  'teams.unknown-endpoint': error('a webhook.office.com path that is not an incoming webhook /webhookb2/…'),
  'teams.not-a-card': warning('a body that is not a Teams message sent to a workflow URL: fine for a custom flow only'),
  'teams.message-card': error('a legacy MessageCard: rejected by Workflows, retiring with connectors'),
  'teams.not-a-message': error('type is not "message" (e.g. a bare Adaptive Card without the envelope)'),
  'teams.missing-attachments': error('attachments is missing or empty'),
  'teams.invalid-content-type': error('an attachment whose contentType is not application/vnd.microsoft.card.adaptive'),
  'teams.invalid-card-type': error('an attachment whose content type is not AdaptiveCard'),
  'teams.missing-version': error('a top-level card without a "1.x" version string'),
  'teams.unsupported-version': warning('a card version newer than 1.5, the newest Teams renders'),
  'teams.unsupported-action': error('Action.Submit or Action.Execute: a webhook card has no bot to receive them'),
  'teams.unknown-element': warning('a card element type Teams does not know'),
  'teams.invalid-color': error('a text colour that is not a theme colour (Default, Good, Attention…), e.g. a hex value'),
};
const issue = issuesFor(CODES);

/** A legacy MessageCard, or a body of the user's own sent to a workflow: not checked as a Teams message. */
function notATeamsMessage({ payload, route }: DestinationRequest): DestinationIssue[] | undefined {
  const workflow = route.kind === 'workflow';
  if (isRecord(payload) && payload['@type'] === 'MessageCard') return [messageCard(workflow)];
  if (workflow && isRecord(payload) && payload['type'] === undefined && payload['attachments'] === undefined) {
    // A Logic App or flow of the user's own may take any JSON: only say what the Teams template expects.
    return [issue('teams.not-a-card', '$',
      'The body is not a Teams message; fine for a workflow of your own, but the Teams "post to a channel when a webhook request is received" workflow expects { type: "message", attachments: [adaptive card] }',
      'warning')];
  }
  return undefined;
}

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

export const microsoftTeams = defineDestination({
  id: 'microsoft-teams',
  title: 'Microsoft Teams',
  codePrefix: 'teams',
  codes: CODES,
  hosts: [OFFICE_HOST, ...WORKFLOW_HOSTS.map((host) => ({ host, path: WORKFLOW_PATH }))],
  urlFrom: 'card',
  card: { credentials: 'workflow webhook URL', sampleUrl: 'https://prod-27.westus.logic.azure.com:443/workflows/7d2f1c9a4b3e4f5a8c6d2e1f0a9b8c7d/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=cardSuppliedSample' },
  routes: TEAMS_ENDPOINTS,
  unknownRoute: {
    message: (path) => `"${path}" is not a Teams webhook URL: use the URL of a Workflows "When a Teams webhook request is received" trigger (or a connector's https://….webhook.office.com/webhookb2/…)`,
    checkMethod: true,
  },
  schemaInput: (request) => (notATeamsMessage(request) ? undefined : { value: request.payload }),
  // TextBlock and FactSet render Markdown at any depth of the card (containers, columns); a
  // customer's "[text](url)" becomes a link. Teams has no reliable escape: a TextRun is the plain slot.
  markup: {
    teamsMarkdown: [
      '$..[?(@.type=="TextBlock")].text',
      '$..[?(@.type=="FactSet")].facts[*].title',
      '$..[?(@.type=="FactSet")].facts[*].value',
    ],
  },
  classify: classifyTeams,
  lint: (request) => notATeamsMessage(request) ?? (isRecord(request.payload) ? versions(request.payload) : []),
});
