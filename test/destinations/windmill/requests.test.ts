import { describe, expect, it } from 'vitest';
import { DESTINATIONS, findDestination } from '../../../src/destinations/registry.js';
import { windmillArgs, windmillRunUrl } from '../../../src/runtime/destinations/windmill-builders.js';
import { windmill, WindmillArgsSchema, WINDMILL_BODY_LIMIT_BYTES } from '../../../src/destinations/windmill/index.js';
import { check, found } from '../../support/destinations.js';

const CLOUD = 'https://app.windmill.dev/api/w/acme/jobs/run/f/f/billing/on_payment';
const SELF_HOSTED = 'https://windmill.acme.internal/api/w/acme/jobs/run/p/u/ana/handle_payment';
const args = { event_type: 'payment.succeeded', event_id: 'payment.succeeded:pay_1', data: { amount: 29.99, currency: 'USD' } };

describe('Windmill: valid requests', () => {
  it.each([
    ['a flow by path (cloud)', CLOUD],
    ['a script by path (self-hosted)', SELF_HOSTED],
    ['a script by hash', 'https://wm.example.org/api/w/acme/jobs/run/h/0a1b2c3d4e5f'],
    ['a flow version', 'https://app.windmill.dev/api/w/acme/jobs/run/fv/42'],
  ])('%s passes without issues', (_, url) => {
    expect(found(url, args)).toEqual([]);
  });

  it('exports a schema that parses alone', () => {
    expect(WindmillArgsSchema.safeParse(args).success).toBe(true);
    expect(WindmillArgsSchema.safeParse([1]).success).toBe(false);
  });
});

describe('Windmill: rules', () => {
  it('rejects paths that are not webhook routes', () => {
    expect(found('https://app.windmill.dev/api/w/acme/jobs/run/preview', args)).toEqual(['windmill.unknown-endpoint@$']);
    expect(found('https://app.windmill.dev/api/w/acme/scripts/list', args)).toEqual(['windmill.unknown-endpoint@$']);
    expect(found('https://app.windmill.dev/api/w/acme/jobs/run/x/u/ana/s', args)).toEqual(['windmill.unknown-endpoint@$']);
  });

  it('needs the owner prefix in script and flow paths', () => {
    const issues = check('https://app.windmill.dev/api/w/acme/jobs/run/f/on_payment', args);
    expect(issues.map((i) => i.code)).toEqual(['windmill.unknown-endpoint']);
    expect(issues[0]?.message).toContain('u/<user>/… or f/<folder>/…');
  });

  it('warns that sync routes can time out and run twice', () => {
    expect(check('https://app.windmill.dev/api/w/acme/jobs/run_wait_result/f/f/billing/on_payment', args))
      .toMatchObject([{ code: 'windmill.sync-endpoint', severity: 'warning' }]);
    expect(check('https://app.windmill.dev/api/w/acme/jobs/run_and_stream/p/u/ana/s', args))
      .toMatchObject([{ code: 'windmill.sync-endpoint', severity: 'warning' }]);
  });

  it('warns when the body is not an object, unless wrap_body is asked for', () => {
    expect(check(CLOUD, [1, 2])).toMatchObject([{ code: 'windmill.body-wrapped', path: '$', severity: 'warning' }]);
    expect(check(CLOUD, 'text')).toMatchObject([{ code: 'windmill.body-wrapped', severity: 'warning' }]);
    expect(found(`${CLOUD}?wrap_body=true`, [1, 2])).toEqual([]);
  });

  it('warns about keys no parameter can receive', () => {
    const issues = check(CLOUD, { 'event-type': 'x', '2fa': true, ok_name: 1 });
    expect(issues.map((i) => `${i.severity}:${i.code}@${i.path}`))
      .toEqual(['warning:windmill.arg-name@$["event-type"]', 'warning:windmill.arg-name@$["2fa"]']);
    expect(issues[0]?.message).toContain('"event_type"');
  });

  it('warns about a token in the URL', () => {
    expect(check(`${CLOUD}?token=secret`, args)).toMatchObject([{ code: 'windmill.token-in-url', severity: 'warning' }]);
  });

  it('limits the body to 2 MB', () => {
    expect(found(CLOUD, { note: 'a'.repeat(WINDMILL_BODY_LIMIT_BYTES - 20) })).toEqual([]);
    expect(found(CLOUD, { note: 'a'.repeat(WINDMILL_BODY_LIMIT_BYTES) })).toEqual(['size.too-large@$']);
  });

  it('only takes POST', () => {
    expect(found(CLOUD, args, 'PUT')).toEqual(['method.not-post@$']);
  });
});

describe('Windmill: URL matching', () => {
  it('claims the run routes on any host and all of app.windmill.dev', () => {
    expect(findDestination(SELF_HOSTED)?.id).toBe('windmill');
    expect(findDestination('https://app.windmill.dev/api/w/acme/flows/list')?.id).toBe('windmill');
    expect(windmill.matches(new URL('https://example.com/api/w/acme/flows/list'))).toBe(false);
    expect(windmill.matches(new URL('https://example.com/api/w/acme/jobs_u/resume/1'))).toBe(false);
    expect(windmill.matches(new URL('https://example.com/w/acme/jobs/run/p/u/a/b'))).toBe(false);
  });

  it('does not overlap other destinations', () => {
    for (const other of DESTINATIONS.filter((d) => d.id !== 'windmill')) {
      expect(other.matches(new URL(CLOUD)), other.id).toBe(false);
      expect(other.matches(new URL(SELF_HOSTED)), other.id).toBe(false);
      // Where a vendor's own matcher claims a Windmill-looking URL on its host, the vendor wins.
      for (const host of other.hosts) {
        const url = `https://${host.replace('*', 'x')}/api/w/acme/jobs/run/p/u/a/b`;
        if (other.matches(new URL(url))) expect(findDestination(url)?.id, host).toBe(other.id);
      }
    }
  });
});

describe('Windmill: builders', () => {
  it('build the async webhook URL by default', () => {
    const url = windmillRunUrl({ origin: 'https://app.windmill.dev/', workspace: 'acme', kind: 'f', target: 'f/billing/on_payment' });
    expect(url).toBe(CLOUD);
    expect(found(url, windmillArgs(args))).toEqual([]);
    expect(windmillRunUrl({ origin: 'https://wm.example.org', workspace: 'acme', kind: 'p', target: 'u/ana/s', mode: 'run_wait_result' }))
      .toBe('https://wm.example.org/api/w/acme/jobs/run_wait_result/p/u/ana/s');
  });
});
