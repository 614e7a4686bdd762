import type { LetterInput } from '../../../lib/notices/letters/schema';

/** A fixed clock: the letter date is 2026-03-04 UTC. */
export const NOW = () => new Date('2026-03-04T05:06:07Z');
export const SHA = 'b'.repeat(64);

export const LETTERHEAD = {
  company: 'Lotus Press Ltd',
  address: '12 Harbour Road, Wan Chai, Hong Kong',
  email: 'rights@lotuspress.example',
  phone: '+852 2123 4567',
  signatory: 'Mei Chen',
  signatoryTitle: 'Rights Manager',
};

export const ORIGINAL = {
  id: 'n-100',
  sentAt: '2026-02-20T01:15:00Z',
  recipient: 'Example Hosting Inc.',
  urls: ['https://pirate.example/read/river-atlas', 'https://pirate.example/dl/river-atlas.epub'],
};

export function usActionFiled(over: Partial<Extract<LetterInput, { kind: 'us_action_filed' }>> = {}): LetterInput {
  return {
    kind: 'us_action_filed',
    lang: 'en',
    letterhead: LETTERHEAD,
    recipient: { name: 'Example Hosting Inc. – Designated Agent', emails: ['dmca@host.example'] },
    works: ['The River Atlas'],
    original: ORIGINAL,
    counterNoticeReceivedAt: '2026-03-02',
    subscriber: 'John Roe',
    court: 'United States District Court for the Central District of California',
    caseNumber: '2:26-cv-01234',
    filedOn: '2026-03-03',
    complaintCopy: 'complaint-2-26-cv-01234.pdf',
    confirmRestrain: true,
    confirmAccuracy: true,
    ...over,
  };
}

export function cnActionFiled(over: Partial<Extract<LetterInput, { kind: 'cn_action_filed' }>> = {}): LetterInput {
  return {
    kind: 'cn_action_filed',
    lang: 'zh',
    letterhead: {
      ...LETTERHEAD,
      company: '北京乐动卓越科技有限公司',
      address: '北京市海淀区中关村大街1号',
      signatory: '张明',
      signatoryTitle: '法务总监',
    },
    legalRepresentative: '李华',
    recipient: { name: '阿里云计算有限公司', formUrl: 'https://report.aliyun.com/' },
    works: ['我叫MT Online'],
    original: { ...ORIGINAL, recipient: '阿里云计算有限公司' },
    counterStatementReceivedAt: '2026-02-26T02:00:00Z',
    declarant: '王某',
    route: 'suit',
    authority: '北京互联网法院',
    caseNumber: '(2026)京0491民初1234号',
    acceptedOn: '2026-03-03',
    acceptanceNotice: '受理通知书-2026京0491民初1234号.pdf',
    idDocument: '营业执照副本复印件（加盖公章）',
    confirmAccuracy: true,
    ...over,
  };
}

export function repeatLetter(over: Partial<Extract<LetterInput, { kind: 'repeat_infringer' }>> = {}): LetterInput {
  return {
    kind: 'repeat_infringer',
    lang: 'en',
    law: 'us',
    letterhead: LETTERHEAD,
    recipient: { name: 'DigitalOcean', emails: ['dmca@digitalocean.com'], providerId: 'digitalocean' },
    works: ['The River Atlas'],
    subject: { kind: 'ip', value: '203.0.113.7' },
    priorNotices: [
      { id: 'n-1', sentAt: '2026-01-05T10:00:00Z', recipient: 'DigitalOcean', urls: ['https://a.example/1'] },
      { id: 'n-2', sentAt: '2026-01-20T10:00:00Z', recipient: 'DigitalOcean', urls: ['https://b.example/2'] },
      { id: 'n-3', sentAt: '2026-02-11T10:00:00Z', recipient: 'DigitalOcean', urls: ['https://c.example/3'] },
    ],
    confirmAccuracy: true,
    ...over,
  };
}

export function miitLetter(over: Partial<Extract<LetterInput, { kind: 'miit_unfiled' }>> = {}): LetterInput {
  return {
    kind: 'miit_unfiled',
    lang: 'zh',
    letterhead: { ...LETTERHEAD, company: '北京乐动卓越科技有限公司' },
    recipient: { name: '工业和信息化部ICP/IP地址/域名信息备案管理系统', formUrl: 'https://beian.miit.gov.cn/' },
    works: ['我叫MT Online'],
    domain: 'mt-sifu.example.com',
    ip: '47.93.10.20',
    hostProvider: 'Alibaba Cloud 阿里云 (mainland China)',
    icpShown: [],
    pageArchived: true,
    evidence: [
      { kind: 'screenshot', sha256: SHA, capturedAt: '2026-02-20T01:15:00Z', filename: 'screenshot-bbbbbbbbbbbb.png' },
      { kind: 'html', sha256: 'c'.repeat(64), capturedAt: '2026-02-20T01:15:00Z', filename: 'html-cccccccccccc.html' },
    ],
    infringingUrls: ['http://mt-sifu.example.com/'],
    confirmAccuracy: true,
    ...over,
  };
}
