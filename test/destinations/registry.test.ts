import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DESTINATION_ISSUE_CODES, DESTINATIONS, findDestination, isDestinationIssueCode, validateDestinationRequest,
} from '../../src/destinations/registry.js';
import { GENERIC_CODES } from '../../src/destinations/define-destination.js';
import { DESTINATION_SECRETS } from '../../src/destinations/secrets.js';
import { check, CIO_BATCH, CIO_ENTITY, SEGMENT } from '../support/destinations.js';
import { REPO_ROOT } from '../support/fixtures.js';

describe('findDestination', () => {
  it.each([
    ['https://api.segment.io/v1/track', 'segment'],
    ['https://events.eu1.segmentapis.com/v1/batch', 'segment'],
    ['https://API.Segment.io/v1/identify', 'segment'],
    ['https://track.customer.io/api/v2/entity', 'customer-io'],
    ['https://track-eu.customer.io/api/v2/batch', 'customer-io'],
  ])('%s → %s', (url, id) => {
    expect(findDestination(url)?.id).toBe(id);
  });

  it.each([
    'https://example.com/v1/track', 'not a url', '',
    'https://api.segment.io.evil.example/v1/track',
  ])('%s → no destination', (url) => {
    expect(findDestination(url)).toBeUndefined();
  });

  it('has unique ids and hosts', () => {
    const ids = DESTINATIONS.map((d) => d.id);
    const hosts = DESTINATIONS.flatMap((d) => d.hosts);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(hosts).size).toBe(hosts.length);
  });
});

describe('validateDestinationRequest', () => {
  it('gives no destination and no issues for unknown URLs', () => {
    expect(validateDestinationRequest('https://example.com/hook', 'GET', 'anything')).toEqual({ issues: [] });
  });

  it('names the destination of known URLs', () => {
    expect(validateDestinationRequest(`${SEGMENT}/track`, 'POST', { userId: 'u', event: 'E' })).toEqual({ destination: 'segment', issues: [] });
    expect(validateDestinationRequest(CIO_ENTITY, 'POST', {}).destination).toBe('customer-io');
  });

  // A spread of broken bodies: every issue must carry a documented code, a JSON path and our own wording.
  const broken: [string, unknown, string?][] = [
    [`${SEGMENT}/track`, { userId: 5, event: ['x'], properties: 'p', context: 1, timestamp: true }],
    [`${SEGMENT}/batch`, { batch: 'all', context: [] }],
    [`${SEGMENT}/batch`, { batch: [null, 1, { type: 'track' }, { type: 'alias', userId: 1 }] }],
    [`${SEGMENT}/group`, { userId: 'u', groupId: 7, traits: null }, 'DELETE'],
    [CIO_ENTITY, { type: 'person', identifiers: null, action: 'add_device', device: { platform: 'web' } }],
    [CIO_ENTITY, { type: 'person', action: 'merge', primary: 'cus_1' }],
    [CIO_ENTITY, { type: 'object', identifiers: { object_id: 'x' }, action: 'add_relationships', cio_relationships: [{ identifiers: {} }] }],
    [CIO_ENTITY, { type: 'delivery', action: 'event', identifiers: {}, name: 'clicked', attributes: {} }],
    [CIO_BATCH, { batch: [1, 'x', { type: 'person' }] }],
    [CIO_ENTITY, null],
  ];

  it.each(broken)('%s %j: documented codes, JSON paths, no zod text', (url, body, method = 'POST') => {
    const issues = check(url, body, method);
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(isDestinationIssueCode(i.code), i.code).toBe(true);
      expect(i.path).toMatch(/^\$/);
      expect(i.message).not.toMatch(/Invalid input|expected .*, received|Invalid discriminator|Too (big|small):/);
      expect(['error', 'warning']).toContain(i.severity);
    }
    expect(issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('lists errors before warnings', () => {
    const issues = check(`${SEGMENT}/track`, { userId: 'u', properties: { amount: '1.00' } });
    expect(issues.map((i) => i.severity)).toEqual(['error', 'warning']);
  });

  it('documents every code with one line', () => {
    for (const [code, { summary }] of Object.entries(DESTINATION_ISSUE_CODES)) {
      expect(code).toMatch(/^[a-z0-9]+\.[a-z-]+$/);
      expect(summary.length).toBeGreaterThan(10);
    }
  });
});

describe('the destination registry', () => {
  it('has, for every destination, its folder, its template and its request tests', () => {
    for (const { id } of DESTINATIONS) {
      for (const file of [`src/destinations/${id}/index.ts`, `src/destinations/${id}/schema.ts`, `templates/${id}.ts`, `test/destinations/${id}/requests.test.ts`]) {
        expect(existsSync(join(REPO_ROOT, file)), file).toBe(true);
      }
    }
  });

  it('declares every code a destination\'s schema raises, under its prefix', () => {
    for (const d of DESTINATIONS) {
      const schema = readFileSync(join(REPO_ROOT, 'src', 'destinations', d.id, 'schema.ts'), 'utf8');
      const allowed = [...Object.keys(d.codes), ...Object.keys(GENERIC_CODES)];
      for (const [, code = ''] of schema.matchAll(/params: \{ code: '([^']+)'/g)) expect(allowed, d.id).toContain(code);
      for (const code of Object.keys(d.codes)) expect(code.startsWith(`${d.codePrefix}.`), code).toBe(true);
    }
  });

  it('takes the URL from the dashboard card for incoming-webhook style destinations, from the code for APIs', () => {
    expect(DESTINATIONS.filter((d) => d.urlFrom === 'card').map((d) => d.id).sort())
      .toEqual(['discord', 'inngest', 'microsoft-teams', 'n8n', 'slack', 'windmill', 'zapier']);
  });

  it('declares the fields that carry markup as JSON-path-like selectors, and secret patterns with a label', () => {
    for (const d of DESTINATIONS) {
      for (const selector of Object.values(d.markup).flat()) expect(selector, d.id).toMatch(/^\$(?:\.|\[|$)/);
      for (const { pattern, label } of d.secrets) expect([pattern.source.startsWith('^'), label.length > 5], d.id).toEqual([true, true]);
    }
    expect(DESTINATIONS.filter((d) => d.markup.html).map((d) => d.id).sort()).toEqual(['autosend', 'close-crm', 'keplars', 'resend', 'sendgrid']);
  });

  it('lists every destination\'s secret patterns where compiling reads them without the schemas', () => {
    const registered = DESTINATIONS.flatMap((d) => d.secrets);
    expect(registered.length).toBeGreaterThan(5);
    expect(new Set(DESTINATION_SECRETS)).toEqual(new Set(registered));
  });

  it('lets host matches win over path claims, so no destination needs to know another\'s hosts', () => {
    // app.windmill.dev is Windmill's even on n8n's path, and an n8n Cloud host is n8n's even on Windmill's.
    expect(findDestination('https://app.windmill.dev/webhook/abc')?.id).toBe('windmill');
    expect(findDestination('https://acme.app.n8n.cloud/api/w/acme/jobs/run/p/u/a/b')?.id).toBe('n8n');
    expect(findDestination('https://hooks.slack.com/webhook/abc')?.id).toBe('slack');
  });
});
