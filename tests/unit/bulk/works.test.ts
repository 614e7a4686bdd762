import { describe, expect, test } from 'vitest';
import { groupCase, templateWorkResolver } from '../../../lib/bulk/case-template';
import { groupBulk } from '../../../lib/bulk/group';
import { groupDraftFields } from '../../../lib/bulk/group-notice';
import { parseBulkInput } from '../../../lib/bulk/parse';
import { SharedFieldsSchema } from '../../../lib/bulk/state';
import { compileWorks, suggestWorks, urlWords } from '../../../lib/bulk/works';
import { resolveWork } from '../../../lib/db/works-repo';
import { RecipientSchema } from '../../../lib/model/recipient';
import { WorkSchema } from '../../../lib/model/work';
import { draftNotice } from '../../../lib/notices/draft';
import { caseFromNotice } from '../../../lib/report/case';
import { previewNotice } from '../../../lib/bulk/group-notice';

const works = [
  WorkSchema.parse({ id: 'manga', title: 'Starsea Chronicle', aliases: ['星海物语'], owner: 'Lotus Press' }),
  WorkSchema.parse({ id: 'game', title: 'Moon Quest', owner: 'Lotus Games' }),
];
const resolve = (ref: string) => resolveWork(works, ref)?.id ?? null;
const cloudflare = RecipientSchema.parse({
  role: 'cdn',
  name: 'Cloudflare',
  emails: ['abuse@cloudflare.example'],
  country: 'US',
});
const hetzner = RecipientSchema.parse({
  role: 'host',
  name: 'Hetzner',
  emails: ['abuse@hetzner.example'],
  country: 'DE',
});
const shared = SharedFieldsSchema.parse({
  workIds: ['manga', 'game'],
  explanation: 'Full copies.',
  fairUseConsidered: true,
  confirmations: { goodFaith: true, accuracy: true },
});
const letterhead = {
  company: 'Lotus',
  address: '1 Main St',
  email: 'rights@lotus.example',
  phone: '',
  signatory: 'Mei Chen',
  signatoryTitle: '',
};

describe('works per URL in bulk', () => {
  test('a CSV work column names a catalog work by title, alias or id; an unknown work is a rejected line with its reason', () => {
    const csv =
      'url,work\nhttps://manga.to/ch1,Starsea Chronicle\nhttps://manga.to/ch2,星海物语\nhttps://games.to/mq,game\nhttps://games.to/x,Sunken City\nhttps://manga.to/ch3,\n';
    const r = parseBulkInput(csv, 'auto', { resolveWork: resolve });
    expect(r.valid.map((v) => [v.url, v.workIds])).toEqual([
      ['https://manga.to/ch1', ['manga']],
      ['https://manga.to/ch2', ['manga']],
      ['https://games.to/mq', ['game']],
      ['https://manga.to/ch3', undefined],
    ]);
    expect(r.rejected).toEqual([
      { line: 5, input: 'https://games.to/x', reason: 'unknown_work', detail: 'Sunken City' },
    ]);
  });

  test('a TXT line names its work after a tab', () => {
    const r = parseBulkInput('https://manga.to/ch1\tStarsea Chronicle\nhttps://games.to/mq\n', 'text', {
      resolveWork: resolve,
    });
    expect(r.valid.map((v) => v.workIds)).toEqual([['manga'], undefined]);
  });

  test('each group names only its own URLs’ works: two works on two hosts give two notices, one work each', () => {
    const parsed = parseBulkInput(
      'url,work\nhttps://manga.to/ch1,Starsea Chronicle\nhttps://games.to/mq,Moon Quest\n',
      'auto',
      { resolveWork: resolve },
    );
    const outcomes = {
      'manga.to': { host: 'manga.to', ok: true, recipients: [cloudflare], errors: [] },
      'games.to': { host: 'games.to', ok: true, recipients: [hetzner], errors: [] },
    };
    const grouping = groupBulk(parsed.valid, outcomes as never, 'host');
    expect(grouping.groups).toHaveLength(2);
    const urlWorks = new Map(parsed.valid.map((v) => [v.url, v.workIds]));
    const texts = grouping.groups.map((g) => {
      const fields = groupDraftFields({ batchId: 'bulk:1', group: g, shared, choice: undefined, works, urlWorks })!;
      const n = previewNotice(
        { batchId: 'bulk:1', group: g, shared, choice: { regime: 'us-dmca', excluded: [] }, works, urlWorks },
        new Date('2026-03-01T00:00:00Z'),
      )!;
      const d = draftNotice(caseFromNotice(n, { letterhead, works, evidence: [] })!, {
        now: () => new Date('2026-03-01T00:00:00Z'),
      });
      return { name: g.recipient.name, workIds: fields.workIds, text: d.text };
    });
    const cf = texts.find((x) => x.name === 'Cloudflare')!;
    const hz = texts.find((x) => x.name === 'Hetzner')!;
    expect(cf.workIds).toEqual(['manga']);
    expect(hz.workIds).toEqual(['game']);
    expect(cf.text).toContain('Starsea Chronicle');
    expect(cf.text).not.toContain('Moon Quest');
    expect(hz.text).toContain('Moon Quest');
    expect(hz.text).not.toContain('Starsea Chronicle');
  });

  test('a URL without a work falls back to the report’s shared works', () => {
    const group = { recipient: cloudflare, hosts: ['a.to'], urls: ['https://a.to/1', 'https://a.to/2'] };
    const f = groupDraftFields({
      batchId: 'b',
      group,
      shared: { ...shared, workIds: ['game'] },
      choice: undefined,
      works,
      urlWorks: new Map([['https://a.to/1', ['manga']]]),
    })!;
    expect(f.workIds).toEqual(['manga', 'game']);
    const g = groupDraftFields({
      batchId: 'b',
      group,
      shared,
      choice: { excluded: ['https://a.to/2'] },
      works,
      urlWorks: new Map([['https://a.to/1', ['manga']]]),
    })!;
    expect(g.workIds).toEqual(['manga']);
  });

  test('suggests a work from the catalog names in a URL, never from a keyword alone', () => {
    const compiled = compileWorks(works);
    expect(urlWords('https://x.to/read/starsea-chronicle_ch-12?p=1')).toBe('read starsea chronicle ch 12 p 1');
    expect(suggestWorks(compiled, works, urlWords('https://x.to/read/starsea-chronicle-ch-12'))).toEqual(['manga']);
    expect(suggestWorks(compiled, works, urlWords('https://x.to/%E6%98%9F%E6%B5%B7%E7%89%A9%E8%AF%AD/1'))).toEqual([
      'manga',
    ]);
    expect(suggestWorks(compiled, works, urlWords('https://x.to/download/free'))).toEqual([]);
  });

  test('cli bulk: the template’s works are filtered by the work column', () => {
    const template = { works: [{ id: 'a', title: 'The River Atlas' }, { title: 'Night Garden' }], explanation: 'x' };
    const resolveT = templateWorkResolver(template);
    expect(resolveT('night garden')).toBe('#1');
    expect(resolveT('nope')).toBeNull();
    const c = groupCase(
      template,
      { recipient: hetzner, urls: ['https://a.to/1'] },
      new Map([['https://a.to/1', ['#1']]]),
    );
    expect(c.works).toEqual([{ title: 'Night Garden' }]);
    expect(groupCase(template, { recipient: hetzner, urls: ['https://a.to/2'] }, new Map()).works).toHaveLength(2);
  });
});
