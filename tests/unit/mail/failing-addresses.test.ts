import { describe, expect, it } from 'vitest';
import { failingAmong, withFailing } from '../../../lib/mail/failing-addresses';
import { FailingAddressesSchema } from '../../../lib/model/mail';

const entry = (address: string, at: string, noticeId = 'n1') => ({ address, at, noticeId, reason: `bounce ${at}` });

describe('bounced addresses as local overrides of the provider directory', () => {
  it('keeps one entry per address (case-insensitive), the newest bounce winning, and ignores non-addresses', () => {
    let list = FailingAddressesSchema.parse({});
    list = withFailing(list, [
      entry('Abuse@Host.example', '2026-03-01T00:00:00.000Z'),
      entry('nobody', '2026-03-01T00:00:00.000Z'),
    ]);
    list = withFailing(list, [entry('abuse@host.example', '2026-03-05T00:00:00.000Z', 'n2')]);
    list = withFailing(list, [entry('abuse@host.example', '2026-03-02T00:00:00.000Z', 'n3')]);
    expect(list.entries).toEqual([
      {
        address: 'abuse@host.example',
        at: '2026-03-05T00:00:00.000Z',
        noticeId: 'n2',
        reason: 'bounce 2026-03-05T00:00:00.000Z',
      },
    ]);
    expect(FailingAddressesSchema.parse(list)).toEqual(list);
  });

  it('names the failing addresses among a recipient’s, in the recipient’s order', () => {
    const list = withFailing(FailingAddressesSchema.parse({}), [
      entry('b@x.example', '2026-03-01T00:00:00.000Z'),
      entry('a@x.example', '2026-03-01T00:00:00.000Z'),
    ]);
    expect(failingAmong(list, ['c@x.example', 'B@x.example', 'a@x.example']).map((e) => e.address)).toEqual([
      'b@x.example',
      'a@x.example',
    ]);
    expect(failingAmong(null, ['a@x.example'])).toEqual([]);
  });
});
