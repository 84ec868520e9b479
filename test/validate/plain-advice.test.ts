import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import { getSampleInputs } from '../../src/validate/sample-inputs.js';
import { validateSnippet } from '../../src/validate/validate-snippets.js';
import { withPlainAdvice } from '../../src/validate/plain-advice.js';
import { FIXTURES } from '../support/fixtures.js';

describe('advice for hand-written snippets', () => {
  it('spells the mapping helpers out in plain JavaScript', () => {
    const advice = (message: string) => withPlainAdvice([{ code: 'wrong-decimals', severity: 'error', message }])[0]!.message;
    expect(advice('the amount is 4499 JPY; use toMajorUnits(total_amount, currency)')).toBe("the amount is 4499 JPY; use total_amount / 10 ** its currency's decimals (0 for JPY, 3 for KWD and BHD, 2 for most)");
    expect(advice('send toUnixMillis(event.timestamp) or the ISO string')).toBe('send Date.parse(event.timestamp) or the ISO string');
    expect(advice('use formatMoney(tax, currency)')).toMatch(/^use tax \/ 10 \*\* its currency's decimals .*, shown with that many decimals and the event's currency code$/);
    expect(advice('cancel the message with skip()')).toBe('cancel the message with webhook.cancel = true');
    expect(advice('nothing to change here')).toBe('nothing to change here');
  });

  it('is used for a hand-written snippet, not for a compiled mapping', async () => {
    const sandbox = createSandbox({ concurrency: 1 });
    try {
      const { inputs } = await getSampleInputs({ root: FIXTURES, events: ['payment.succeeded'] });
      const code = 'function handler(webhook) {\n  var d = webhook.payload.data;\n  webhook.url = "https://api.segment.io/v1/track";\n  webhook.payload = { userId: "u", event: "Order Completed", properties: { revenue: d.total_amount / 100, currency: d.currency } };\n  return webhook;\n}\n';
      const messages = async (compiled: boolean) => (await validateSnippet({ file: 's.js', name: 's', code, ...(compiled && { mapPosition: () => undefined }) }, { inputs, sandbox }))
        .findings.filter((f) => f.code === 'wrong-decimals').map((f) => f.message);
      expect((await messages(false))[0]).toMatch(/use total_amount \/ 10 \*\* its currency's decimals/);
      expect((await messages(true))[0]).toMatch(/use toMajorUnits\(total_amount, currency\)/);
    } finally {
      await sandbox.close();
    }
  });
});
