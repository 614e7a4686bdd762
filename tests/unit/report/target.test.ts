import { describe, expect, it } from 'vitest';
import { parseReportTarget, reportPageQuery } from '../../../lib/report/target';

describe('report target', () => {
  it('round-trips a page URL with its kind and capture', () => {
    const q = reportPageQuery({ url: 'https://pirate.test/a?b=1&c=ü', kind: 'link', captureId: 'cap1' });
    expect(parseReportTarget(q)).toEqual({
      ok: true,
      url: 'https://pirate.test/a?b=1&c=%C3%BC',
      kind: 'link',
      captureId: 'cap1',
      draftId: null,
    });
  });

  it('explains why other URLs cannot be reported', () => {
    expect(parseReportTarget('')).toMatchObject({ ok: false, reason: 'missing' });
    expect(parseReportTarget('?url=chrome://extensions')).toMatchObject({
      ok: false,
      reason: 'unsupported_scheme',
      scheme: 'chrome',
    });
    expect(parseReportTarget('?url=file:///C:/x')).toMatchObject({
      ok: false,
      reason: 'unsupported_scheme',
      scheme: 'file',
    });
    expect(parseReportTarget('?url=javascript%3Aalert(1)')).toMatchObject({
      ok: false,
      reason: 'unsupported_scheme',
      scheme: 'javascript',
    });
    expect(parseReportTarget('?url=not%20a%20url')).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
