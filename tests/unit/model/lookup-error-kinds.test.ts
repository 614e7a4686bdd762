import { describe, expect, it } from 'vitest';
import { LOOKUP_ERROR_KINDS, LookupErrorSchema, LookupResultSchema } from '../../../lib/contract';
import { ERROR_KINDS } from '../../../lib/errors';

describe('lookup step error kinds', () => {
  it('are error kinds, so the UI explains them with the same sentences', () => {
    expect(LOOKUP_ERROR_KINDS.filter((k) => !(ERROR_KINDS as readonly string[]).includes(k))).toEqual([]);
  });

  it('still read a result stored or cached with the old hyphenated spellings', () => {
    // A lookup result as IndexedDB and the backend cache held it before the kinds were unified.
    const stored = {
      input: 'https://pirate-site.to/book',
      hostname: 'pirate-site.to',
      registrableDomain: 'pirate-site.to',
      addresses: [],
      cdn: null,
      recipients: [],
      errors: [
        { step: 'dns', kind: 'not-found', message: 'NXDOMAIN' },
        { step: 'rdap-ip', kind: 'invalid-response', message: 'not JSON' },
        { step: 'input', kind: 'private-target', message: 'loopback' },
        { step: 'rdap-domain', kind: 'rate-limited', message: 'slow down' },
      ],
    };
    expect(LookupResultSchema.parse(stored).errors.map((e) => e.kind)).toEqual([
      'not_found',
      'invalid_response',
      'private_target',
      'rate_limited',
    ]);
  });

  it('refuse a kind outside the list', () => {
    expect(LookupErrorSchema.safeParse({ step: 'dns', kind: 'exploded', message: '' }).success).toBe(false);
  });
});
