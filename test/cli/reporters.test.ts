import { describe, expect, it } from 'vitest';
import { causesFirst, groupSampleFindings } from '../../src/cli/reporters.js';
import type { Finding } from '../../src/findings/finding.js';

const garbage = (value: string, event: string, sample: string): Finding => ({
  code: 'rendered-garbage', severity: 'error', file: 's.js', event, sample, jsonPath: '$.payload.text',
  message: `"${value}" contains "undefined" (a field that does not exist, or was absent) on the ${sample.slice(8)} variant; guard the field`,
});

describe('terminal report order and grouping', () => {
  it('one problem at one place is one line across samples and events, whatever values it quotes', () => {
    const grouped = groupSampleFindings([
      garbage('Paid undefined by Ada', 'payment.succeeded', 'builtin/base'),
      garbage('Paid undefined by Zoë', 'payment.succeeded', 'builtin/unicode-names'),
      garbage('Refund undefined 12', 'refund.succeeded', 'builtin/base'),
    ]);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.message).toMatch(/^"Paid undefined by Ada" contains .* \(on 3 samples, e.g. payment.succeeded builtin\/base, /);
  });

  it('groups quotes cut short with "…", also inside an escape', () => {
    const cut = (quoted: string, event: string): Finding => ({ code: 'zapier.string-body', severity: 'error', file: 's.js', event, sample: 'builtin/base', jsonPath: '$.payload', message: `The body is the string "${quoted}…: send an object` });
    expect(groupSampleFindings([cut('{\\"event\\":\\"payment.failed\\",\\"id\\', 'payment.failed'), cut('{\\"event\\":\\"dispute.opened\\"', 'dispute.opened'), cut('plain text', 'refund.succeeded')])).toHaveLength(1);
  });

  it('keeps different problems at one place apart', () => {
    const nan: Finding = { ...garbage('x', 'payment.succeeded', 'builtin/base'), message: '"Paid NaN" contains "NaN" (arithmetic on a missing or non-numeric value); guard the field' };
    expect(groupSampleFindings([garbage('Paid undefined', 'payment.succeeded', 'builtin/base'), nan])).toHaveLength(2);
  });

  it('puts the causes before the symptoms, each in its own order', () => {
    const read: Finding = { code: 'unknown-field', severity: 'error', file: 's.js', line: 4, column: 9, event: 'payment.succeeded', sample: 'builtin/base', message: 'customer.phone does not exist' };
    const located: Finding = { code: 'nondeterministic', severity: 'warning', file: 's.js', line: 2, column: 1, message: 'Date.now()' };
    const symptom = garbage('Paid undefined', 'payment.succeeded', 'builtin/base');
    expect(causesFirst([symptom, read, located]).map((f) => f.code)).toEqual(['unknown-field', 'nondeterministic', 'rendered-garbage']);
  });
});
