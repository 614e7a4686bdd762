import { describe, expect, it } from 'vitest';
import { toLumen } from '../../../lib/export/lumen';
import { WorkSchema } from '../../../lib/model/work';
import { makeNotice, recipient, sentNotice } from '../tracking/make-notice';

const work = WorkSchema.parse({
  id: 'w1',
  title: 'The Book',
  owner: 'ACME Publishing',
  originalUrl: 'https://acme.example/book',
});

describe('Lumen export', () => {
  it('maps a sent DMCA notice onto Lumen fields (docs/lumen-export.md §1)', () => {
    const n = sentNotice(
      { regime: 'us-dmca', status: 'removed', urls: ['https://p.example/1', 'https://p.example/2'], supersedes: 'old' },
      recipient('host', 'Hoster', { country: 'US' }),
    );
    const { notice } = toLumen(n, { works: [work], sender: { name: 'ACME Legal', kind: 'organization' } });
    expect(notice).toMatchObject({
      type: 'DMCA',
      date_sent: '2026-03-02',
      language: 'en',
      jurisdiction_list: ['US'],
      action_taken: 'Yes',
      related_notice_ids: ['old'],
    });
    expect(notice.works).toEqual([
      {
        kind: 'Unspecified',
        description: 'The Book',
        copyrighted_urls: [{ url: 'https://acme.example/book' }],
        infringing_urls: [{ url: 'https://p.example/1' }, { url: 'https://p.example/2' }],
      },
    ]);
    expect(notice.entity_notice_roles).toEqual([
      { name: 'principal', entity: { name: 'ACME Publishing' } },
      { name: 'sender', entity: { name: 'ACME Legal', kind: 'organization' } },
      { name: 'recipient', entity: { name: 'Hoster', kind: 'organization', country_code: 'US' } },
      { name: 'target', entity: { name: 'pirate.example' } },
    ]);
  });

  it('leaves the letter body out unless the user agreed to publish it', () => {
    const n = sentNotice();
    expect(toLumen(n).notice.body).toBeUndefined();
    expect(toLumen(n, { includeBody: true }).notice.body).toBe('Notice text');
  });

  it('maps statuses to action_taken and other regimes to type Other', () => {
    expect(toLumen(sentNotice({ status: 'partially_removed' })).notice.action_taken).toBe('Partial');
    expect(toLumen(sentNotice({ status: 'rejected' })).notice.action_taken).toBe('No');
    const draft = toLumen(makeNotice({ regime: 'cn', lang: 'zh' })).notice;
    expect(draft).toMatchObject({
      type: 'Other',
      action_taken: 'Unspecified',
      date_sent: null,
      language: 'zh',
      jurisdiction_list: ['CN'],
    });
    expect(draft.works[0]!.description).toBe('The Book');
  });
});
