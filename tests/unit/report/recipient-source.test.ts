import { describe, expect, it } from 'vitest';
import { recipientSourceKey } from '../../../lib/report/recipient-source';
import en from '../../../public/_locales/en/messages.json';

describe('recipientSourceKey', () => {
  it('names the sources the lookup, the provider directory and the manual form record', () => {
    for (const s of ['rdap', 'whois', 'manual', 'provider', 'cdn-detection', 'regime']) {
      const key = recipientSourceKey(s);
      expect(key, s).not.toBeNull();
      expect(en[key!].message).not.toBe('');
    }
    expect(recipientSourceKey('manual')).toBe('source_manual');
  });

  it('leaves an unknown source to be shown as recorded', () => {
    expect(recipientSourceKey('carrier-pigeon')).toBeNull();
  });
});
