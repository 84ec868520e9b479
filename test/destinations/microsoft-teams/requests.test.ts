import { describe, expect, it } from 'vitest';
import { findDestination } from '../../../src/destinations/registry.js';
import { TEAMS_SIZE_LIMIT_BYTES, TeamsMessageSchema } from '../../../src/destinations/microsoft-teams/index.js';
import type { TeamsAdaptiveCard, TeamsMessage } from '../../../src/destinations/microsoft-teams/index.js';
import { teamsAdaptiveCard, teamsFactSet, teamsRichText, teamsTextBlock } from '../../../src/runtime/destinations/microsoft-teams-builders.js';
import { check, found, twoByte } from '../../support/destinations.js';

const WORKFLOW = 'https://prod-27.westus.logic.azure.com:443/workflows/0a1b2c3d/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc';
const POWER_PLATFORM = 'https://default0a1b2c.09.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/86ffea63/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=abc';
const CONNECTOR = 'https://contoso.webhook.office.com/webhookb2/a1b2@c3d4/IncomingWebhook/e5f6/a7b8/V2xyz';

const card: TeamsAdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.4',
  body: [
    { type: 'TextBlock', text: '**Payment received**', wrap: true, size: 'Large', color: 'Good' },
    { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: 'Customer: ', weight: 'Bolder' }, 'Ada *Lovelace*'] },
    { type: 'FactSet', facts: [{ title: 'Amount', value: '$29.99' }] },
    { type: 'ColumnSet', columns: [{ type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://example.com/a.png' }] }] },
    { type: 'Container', items: [{ type: 'TextBlock', text: 'nested', color: 'attention' }] },
    { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://example.com' }] },
  ],
  actions: [
    { type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: 'inner' }] } },
    { type: 'Action.ToggleVisibility', title: 'Toggle', targetElements: ['x'] },
  ],
  msteams: { width: 'Full' },
};
const message: TeamsMessage = {
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
};

const withCard = (patch: Record<string, unknown>) => ({ ...message, attachments: [{ ...message.attachments[0], content: { ...card, ...patch } }] });
const withBody = (...body: unknown[]) => withCard({ body });

describe('Microsoft Teams: valid messages', () => {
  it('accepts an Adaptive Card message on workflow and connector URLs', () => {
    for (const url of [WORKFLOW, POWER_PLATFORM, CONNECTOR]) {
      expect(findDestination(url)?.id, url).toBe('microsoft-teams');
      expect(found(url, message), url).toEqual([]);
    }
    expect(TeamsMessageSchema.safeParse(message).success).toBe(true);
  });

  it('leaves other Logic Apps and Office hosts alone', () => {
    expect(findDestination('https://prod-27.westus.logic.azure.com/subscriptions/x/resourceGroups/y')).toBeUndefined();
    expect(findDestination('https://outlook.office.com/mail')).toBeUndefined();
  });

  it('builds valid bodies with the builders', () => {
    const built = teamsAdaptiveCard({
      body: [teamsTextBlock('Title', { weight: 'Bolder' }), teamsRichText('Customer: ', { type: 'TextRun', text: 'Ada' }), teamsFactSet([{ title: 'A', value: '1' }])],
      actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://example.com' }],
    });
    expect(found(WORKFLOW, built)).toEqual([]);
    expect(built.attachments[0]?.content.version).toBe('1.2');
    expect(teamsTextBlock('x')).toEqual({ type: 'TextBlock', text: 'x', wrap: true });
  });
});

describe('Microsoft Teams: rules', () => {
  it('wants the message envelope, not a bare card', () => {
    const issues = check(WORKFLOW, { ...card });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['teams.not-a-message@$.type', 'teams.missing-attachments@$.attachments']);
    expect(issues[0]?.message).toMatch(/bare Adaptive Card/);
    expect(found(WORKFLOW, { type: 'message', attachments: [] })).toEqual(['teams.missing-attachments@$.attachments']);
  });

  it('wants the Adaptive Card content type and card type', () => {
    const attachment = message.attachments[0];
    expect(found(WORKFLOW, { ...message, attachments: [{ ...attachment, contentType: 'application/vnd.microsoft.card.hero' }] }))
      .toEqual(['teams.invalid-content-type@$.attachments[0].contentType']);
    expect(found(WORKFLOW, withCard({ type: 'MessageCard' }))).toEqual(['teams.invalid-card-type@$.attachments[0].content.type']);
  });

  it('needs a version on the top-level card, and warns above 1.5', () => {
    const { version: _, ...unversioned } = card;
    const issues = check(WORKFLOW, { ...message, attachments: [{ ...message.attachments[0], content: unversioned }] });
    expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual(['teams.missing-version@$.attachments[0].content.version']);
    expect(issues[0]?.message).toMatch(/no version/);
    expect(found(WORKFLOW, withCard({ version: 1.2 }))).toEqual(['teams.missing-version@$.attachments[0].content.version']);
    expect(found(WORKFLOW, withCard({ version: '1.5' }))).toEqual([]);
    expect(check(WORKFLOW, withCard({ version: '1.6' })))
      .toMatchObject([{ code: 'teams.unsupported-version', path: '$.attachments[0].content.version', severity: 'warning' }]);
  });

  it('rejects actions a webhook card cannot handle', () => {
    const submit = check(WORKFLOW, withCard({ actions: [{ type: 'Action.Submit', title: 'Approve' }] }));
    expect(submit.map((i) => `${i.code}@${i.path}`)).toEqual(['teams.unsupported-action@$.attachments[0].content.actions[0].type']);
    expect(submit[0]?.message).toMatch(/Action.OpenUrl/);
    expect(found(WORKFLOW, withBody({ type: 'ActionSet', actions: [{ type: 'Action.Execute' }] })))
      .toEqual(['teams.unsupported-action@$.attachments[0].content.body[0].actions[0].type']);
  });

  it('wants theme colours, not hex values', () => {
    expect(found(WORKFLOW, withBody({ type: 'TextBlock', text: 'x', color: '#ff0000' })))
      .toEqual(['teams.invalid-color@$.attachments[0].content.body[0].color']);
    expect(found(WORKFLOW, withBody({ type: 'Container', items: [{ type: 'TextBlock', text: 'x', color: 'red' }] })))
      .toEqual(['teams.invalid-color@$.attachments[0].content.body[0].items[0].color']);
  });

  it('warns about unknown elements, and checks required element fields', () => {
    expect(check(WORKFLOW, withBody({ type: 'Textblock', text: 'x' })))
      .toMatchObject([{ code: 'teams.unknown-element', path: '$.attachments[0].content.body[0].type', severity: 'warning' }]);
    expect(found(WORKFLOW, withBody({ type: 'TextBlock' }))).toEqual(['schema.invalid@$.attachments[0].content.body[0].text']);
    expect(found(WORKFLOW, withBody({ type: 'FactSet', facts: [{ title: 'A', value: 1 }] })))
      .toEqual(['schema.invalid@$.attachments[0].content.body[0].facts[0].value']);
  });

  it('limits the message to 28 KB of UTF-8', () => {
    const text = (n: number) => withBody({ type: 'TextBlock', text: twoByte(n) });
    const base = Buffer.byteLength(JSON.stringify(text(0)));
    expect(found(WORKFLOW, text(Math.floor((TEAMS_SIZE_LIMIT_BYTES - base) / 2)))).toEqual([]);
    expect(found(WORKFLOW, text(Math.floor((TEAMS_SIZE_LIMIT_BYTES - base) / 2) + 1))).toEqual(['size.too-large@$']);
  });

  it('flags the legacy MessageCard format', () => {
    const legacy = { '@type': 'MessageCard', '@context': 'http://schema.org/extensions', summary: 's', text: 'hello' };
    expect(check(WORKFLOW, legacy)).toMatchObject([{ code: 'teams.message-card', severity: 'error' }]);
    expect(check(CONNECTOR, legacy)).toMatchObject([{ code: 'teams.message-card', severity: 'warning' }]);
  });

  it('only warns when a workflow URL gets a body of its own', () => {
    expect(check(WORKFLOW, { amount: 29.99, customer: 'Ada' })).toMatchObject([{ code: 'teams.not-a-card', severity: 'warning' }]);
    expect(found(WORKFLOW, { type: 'message' })).toEqual(['teams.missing-attachments@$.attachments']);
  });

  it('checks the route and the method', () => {
    expect(found('https://contoso.webhook.office.com/other/path', message)).toEqual(['teams.unknown-endpoint@$']);
    expect(found(WORKFLOW, message, 'PUT')).toEqual(['method.not-post@$']);
  });

  it('rejects a body that is not an object', () => {
    expect(found(WORKFLOW, 'hello')).toEqual(['schema.invalid@$']);
  });
});
