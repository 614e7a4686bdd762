import { describe, expect, it } from 'vitest';
import type { RegimeId } from '../../../lib/model/notice';
import type { NoticeCaseInput } from '../../../lib/notices/case';
import { draftNotice } from '../../../lib/notices/draft';
import { completeCase, NOW } from './fixtures';

/**
 * Complete letters, one per regime in English and in Chinese, plus the letters the review rewrote
 * (a qualified Chinese notice to a cloud lessor, an agent's notice, a registrar report). Each
 * snapshot was read as a lawyer reads a letter before it goes out; a change to one is a change to
 * what clients sign, so review the diff the same way.
 */
const HOSTS: Record<RegimeId, NoticeCaseInput['recipient']> = {
  'us-dmca': {
    name: 'Example Hosting Inc.',
    role: 'host',
    kind: 'shared',
    emails: ['dmca@host.example'],
    country: 'US',
  },
  cn: { name: '示例网络科技有限公司', role: 'host', kind: 'storage', emails: ['jubao@host.example'], country: 'CN' },
  'eu-dsa': {
    name: 'Voorbeeld Hosting B.V.',
    role: 'host',
    kind: 'shared',
    emails: ['abuse@host.example'],
    country: 'NL',
  },
  uk: { name: 'Example Hosting Ltd', role: 'host', kind: 'shared', emails: ['abuse@host.example'], country: 'GB' },
  'ca-notice': {
    name: 'Maple Hosting Inc.',
    role: 'host',
    kind: 'shared',
    emails: ['copyright@maple.example'],
    country: 'CA',
  },
  jp: { name: 'Sakura Hosting K.K.', role: 'host', kind: 'shared', emails: ['abuse@sakura.example'], country: 'JP' },
  kr: {
    name: 'Hangang Cloud Co., Ltd.',
    role: 'host',
    kind: 'storage',
    emails: ['copyright@hangang.example'],
    country: 'KR',
  },
  au: {
    name: 'Southern Cross Hosting Pty Ltd',
    role: 'host',
    kind: 'shared',
    emails: ['abuse@southerncross.example'],
    country: 'AU',
  },
  in: {
    name: 'Ganga Web Services Pvt Ltd',
    role: 'host',
    kind: 'shared',
    emails: ['grievance@ganga.example'],
    country: 'IN',
  },
  generic: {
    name: 'Offshore Hosting Ltd',
    role: 'host',
    kind: 'shared',
    emails: ['abuse@offshore.example'],
    country: 'SC',
  },
};

const letter = (over: Partial<NoticeCaseInput>) => {
  const d = draftNotice(completeCase(over), { now: NOW });
  expect(d.sendable, JSON.stringify(d.checklist.items.filter((i) => i.required && i.status === 'missing'))).toBe(true);
  return d.text;
};

describe('complete letters (snapshots)', () => {
  for (const [regime, recipient] of Object.entries(HOSTS) as [RegimeId, NoticeCaseInput['recipient']][])
    for (const lang of ['en', 'zh'] as const)
      it(`${regime} to a host, ${lang}`, () => {
        expect(letter({ regime, lang, recipient })).toMatchSnapshot();
      });

  it('cn: a qualified notice to a cloud-server lessor (the 我叫MT facts)', () => {
    expect(
      letter({
        regime: 'cn',
        letterhead: {
          company: '北京乐动示例科技有限公司',
          creditCode: '91110108MA00000000',
          legalRep: '李某',
          address: '北京市海淀区中关村大街1号示例大厦8层（邮编：100080）',
          phone: '010-62000000',
          email: 'ipr@ledo-example.cn',
          signatory: '张明',
          signatoryTitle: '法务总监',
        },
        works: [
          {
            title: '《我叫MT Online》',
            owner: '北京乐动示例科技有限公司',
            registration: '2013SR000001',
            originalUrl: '',
          },
        ],
        infringingUrls: ['http://mt-sifu.example.com/', 'http://mt-sifu.example.com/download/mt-sf-client.apk'],
        explanation: '上述网站未经许可，擅自复制、修改权利作品客户端并架设私服，通过信息网络向公众提供。',
        recipient: {
          name: '阿里云计算有限公司',
          role: 'host',
          kind: 'cloud',
          emails: ['jubao@aliyun.example'],
          country: 'CN',
        },
        evidence: [
          {
            kind: 'screenshot',
            sha256: 'a'.repeat(64),
            capturedAt: '2026-02-20T01:15:00Z',
            filename: 'screenshot-aaaa.png',
          },
          { kind: 'html', sha256: 'b'.repeat(64), capturedAt: '2026-02-20T01:16:00Z', filename: 'page-bbbb.html' },
        ],
        hosting: { ip: '47.93.10.20', asn: 37963, icp: '京ICP备00000000号-1' },
        idDocument: '营业执照副本复印件（加盖公章）',
        ownershipProof: '计算机软件著作权登记证书复印件',
        date: '2026-03-02',
      }),
    ).toMatchSnapshot();
  });

  it('cn: a law firm sending as 代理人 with a per-notice 授权委托书, bilingual', () => {
    expect(
      letter({
        regime: 'cn',
        lang: 'zh-en',
        agent: {
          name: '北京某某律师事务所',
          address: '北京市朝阳区示例路1号',
          phone: '010-65000000',
          email: 'ip@lawfirm.example',
          contact: '王律师',
        },
        powerOfAttorney: '授权委托书（2026年3月1日出具，就本次通知单独授权）',
        recipient: {
          name: '示例网盘有限公司',
          role: 'host',
          kind: 'storage',
          emails: ['jubao@pan.example'],
          country: 'CN',
        },
      }),
    ).toMatchSnapshot();
  });

  it('registrar abuse report for a ccTLD (no RAA) and a cloud host under the DMCA', () => {
    expect(
      letter({
        regime: 'us-dmca',
        infringingUrls: ['https://streamfree.to/watch/river-atlas'],
        recipient: { name: 'Tonic Registrar', role: 'registrar', emails: ['abuse@tonic.example'] },
      }),
    ).toMatchSnapshot();
    expect(
      letter({
        regime: 'us-dmca',
        recipient: {
          name: 'Droplet Cloud LLC',
          role: 'host',
          kind: 'cloud',
          emails: ['abuse@droplet.example'],
          country: 'US',
        },
      }),
    ).toMatchSnapshot();
  });

  it('India rule 75, on an explicit decision to sue', () => {
    expect(
      letter({ regime: 'in', india: { route: 'rule-75', undertakeSuit: true }, recipient: HOSTS.in }),
    ).toMatchSnapshot();
  });
});
