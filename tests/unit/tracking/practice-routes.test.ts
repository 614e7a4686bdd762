import { describe, expect, it } from 'vitest';
import type { NoticeEvent } from '../../../lib/model/notice';
import { art17Locks, itemKey } from '../../../lib/tracking/art17-lock';
import { isMainlandHost, ladderExtras, miitOffer } from '../../../lib/tracking/miit-route';
import {
  DEFAULT_REPEAT_THRESHOLD,
  repeatGroups,
  repeatLaw,
  repeatOffer,
} from '../../../lib/tracking/repeat-infringers';
import { makeNotice, recipient, sentNotice } from './make-notice';

const ev = (noticeId: string, kind: string, at: string): NoticeEvent => ({
  id: `${noticeId}-${kind}`,
  noticeId,
  seq: 1,
  at,
  kind,
  actor: 'user',
  details: {},
  prevHash: '0'.repeat(64),
  textHash: '',
  hash: '1'.repeat(64),
});

const pan = recipient('host', '百度网盘', { kind: 'storage', providerId: 'baidu-pan' });
const URL1 = 'https://pan.example/s/abc';

describe('art. 17 lock: no second notice about the same item after a counter-statement', () => {
  const counterStated = sentNotice(
    { id: 'n1', regime: 'cn', urls: [URL1, 'https://pan.example/s/other'], status: 'counter_noticed' },
    pan,
  );
  const history = [
    {
      notice: counterStated,
      events: [ev('n1', 'sent', '2026-02-01T00:00:00Z'), ev('n1', 'counter_notice_received', '2026-02-10T03:00:00Z')],
    },
  ];

  it('locks the same URL to the same storage provider, naming the rule', () => {
    const locks = art17Locks({ urls: [`${URL1}#p2`, 'https://pan.example/s/new'], recipient: pan }, history);
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({
      url: URL1,
      noticeId: 'n1',
      provider: '百度网盘',
      counterAt: '2026-02-10T03:00:00Z',
    });
    expect(locks[0]!.reason.zh).toContain('《信息网络传播权保护条例》第十七条');
    expect(locks[0]!.reason.zh).toContain('不得再就该作品通知');
    expect(locks[0]!.reason.en).toContain('art. 17');
  });

  it('locks a link (search) provider too, and whatever regime the new notice picks', () => {
    const baidu = recipient('search', 'Baidu', { providerId: 'baidu-search' });
    const n = sentNotice({ id: 'n2', regime: 'cn', urls: [URL1], status: 'removed' }, baidu);
    const locks = art17Locks({ urls: [URL1], recipient: { ...baidu, name: 'baidu' } }, [
      { notice: n, events: [ev('n2', 'counter_notice_received', '2026-02-10T03:00:00Z')] },
    ]);
    expect(locks).toHaveLength(1);
  });

  it('does not lock another provider, another URL, a notice without a counter-statement, or a cloud lessor', () => {
    expect(
      art17Locks({ urls: [URL1], recipient: recipient('host', 'Other Pan', { kind: 'storage' }) }, history),
    ).toEqual([]);
    expect(art17Locks({ urls: ['https://pan.example/s/zzz'], recipient: pan }, history)).toEqual([]);
    const quiet = [{ notice: counterStated, events: [ev('n1', 'sent', '2026-02-01T00:00:00Z')] }];
    expect(art17Locks({ urls: [URL1], recipient: pan }, quiet)).toEqual([]);
    const cloud = recipient('host', '阿里云', { kind: 'cloud', providerId: 'alibaba-cloud-cn' });
    const cloudNotice = sentNotice({ id: 'n3', regime: 'cn', urls: [URL1] }, cloud);
    expect(
      art17Locks({ urls: [URL1], recipient: cloud }, [
        { notice: cloudNotice, events: [ev('n3', 'counter_notice_received', '2026-02-10T00:00:00Z')] },
      ]),
    ).toEqual([]);
    const us = sentNotice({ id: 'n4', regime: 'us-dmca', urls: [URL1] }, pan);
    expect(
      art17Locks({ urls: [URL1], recipient: pan }, [
        { notice: us, events: [ev('n4', 'counter_notice_received', '2026-02-10T00:00:00Z')] },
      ]),
    ).toEqual([]);
  });

  it('skips the draft being checked and a draft without a recipient', () => {
    expect(art17Locks({ urls: [URL1], recipient: pan, excludeId: 'n1' }, history)).toEqual([]);
    expect(art17Locks({ urls: [URL1], recipient: null }, history)).toEqual([]);
    expect(itemKey(' https://a.example/x#y ')).toBe('https://a.example/x');
  });
});

describe('repeat-infringer offers', () => {
  const host = recipient('host', 'DigitalOcean', { providerId: 'digitalocean', network: { ip: '203.0.113.7' } });
  const at = (d: number) => `2026-01-${String(d).padStart(2, '0')}T10:00:00.000Z`;
  const notices = [1, 2, 3].map((d) =>
    sentNotice(
      { id: `r${d}`, host: `www.site${d}.example`, urls: [`https://site${d}.example/x`], sentAt: at(d) },
      host,
    ),
  );

  it('groups sent notices by provider and by the IP the customer uses', () => {
    const groups = repeatGroups(notices);
    const ip = groups.find((g) => g.subject.kind === 'ip')!;
    expect(ip.subject.value).toBe('203.0.113.7');
    expect(ip.notices.map((n) => n.id)).toEqual(['r1', 'r2', 'r3']);
    expect(groups.filter((g) => g.subject.kind === 'site')).toHaveLength(3);
  });

  it('is offered once the threshold (default 3) is reached, not before', () => {
    expect(DEFAULT_REPEAT_THRESHOLD).toBe(3);
    expect(repeatOffer(notices[1]!, notices.slice(0, 2))).toBeNull();
    const offer = repeatOffer(notices[2]!, notices)!;
    expect(offer.subject).toEqual({ kind: 'ip', value: '203.0.113.7' });
    expect(offer.notices).toHaveLength(3);
    expect(repeatOffer(notices[2]!, notices, 4)).toBeNull();
    expect(repeatOffer(notices[1]!, notices.slice(0, 2), 2)).not.toBeNull();
  });

  it('counts the same site across IPs, and never drafts, withdrawn notices or another provider', () => {
    const site = (id: string, ip: string, over = {}) =>
      sentNotice({ id, host: 'pirate.example', ...over }, recipient('host', 'Hoster', { network: { ip } }));
    const list = [site('s1', '198.51.100.1'), site('s2', '198.51.100.2'), site('s3', '198.51.100.3')];
    expect(repeatOffer(list[0]!, list)?.subject).toEqual({ kind: 'site', value: 'pirate.example' });
    const withdrawn = [...list.slice(0, 2), site('s3', '198.51.100.3', { status: 'withdrawn' })];
    expect(repeatOffer(list[0]!, withdrawn)).toBeNull();
    const other = [
      ...list.slice(0, 2),
      sentNotice({ id: 'o', host: 'pirate.example' }, recipient('host', 'Elsewhere')),
    ];
    expect(repeatOffer(list[0]!, other)).toBeNull();
    expect(repeatOffer(list[0]!, [...list.slice(0, 2), makeNotice({ id: 'd', host: 'pirate.example' })])).toBeNull();
  });

  it('cites the law of the regime the notices were sent under', () => {
    expect(repeatLaw('us-dmca')).toBe('us');
    expect(repeatLaw('cn')).toBe('cn');
    expect(repeatLaw('eu-dsa')).toBe('terms');
  });

  it('holds a registrar to its own terms: § 512(i) and the Regulations do not bind it', () => {
    expect(repeatLaw('us-dmca', recipient('registrar', 'Example Registrar'))).toBe('terms');
    expect(repeatLaw('cn', recipient('registrar', '某注册商'))).toBe('terms');
    expect(repeatLaw('us-dmca', recipient('host', 'Example Hosting'))).toBe('us');
  });
});

describe('MIIT unfiled-site route', () => {
  const aliyun = recipient('host', 'Alibaba Cloud 阿里云 (mainland China)', { providerId: 'alibaba-cloud-cn' });
  const notice = makeNotice({ candidates: [recipient('cdn', 'Cloudflare'), aliyun] });

  it('is offered for a mainland host whose archived page shows no ICP number', () => {
    expect(miitOffer(notice, { archived: true, numbers: [] })?.host.name).toBe(aliyun.name);
    expect(ladderExtras(notice, { archived: true, numbers: [] }).miit).not.toBeNull();
  });

  it('is not offered when the page shows a number, was not archived, or the host is outside the mainland', () => {
    expect(miitOffer(notice, { archived: true, numbers: ['京ICP备12345678号-1'] })).toBeNull();
    expect(miitOffer(notice, { archived: false, numbers: [] })).toBeNull();
    expect(miitOffer(notice, null)).toBeNull();
    const intl = makeNotice({
      candidates: [recipient('host', 'Alibaba Cloud International', { providerId: 'alibaba-cloud-intl' })],
    });
    expect(miitOffer(intl, { archived: true, numbers: [] })).toBeNull();
  });

  it('reads the country from the look-up for hosts not in the directory', () => {
    expect(isMainlandHost(recipient('host', 'CHINANET', { country: 'CN' }))).toBe(true);
    expect(isMainlandHost(recipient('registrar', 'Some CN registrar', { country: 'CN' }))).toBe(false);
    expect(isMainlandHost(recipient('host', 'Hetzner', { country: 'DE' }))).toBe(false);
  });
});
