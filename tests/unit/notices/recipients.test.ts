import { describe, expect, it } from 'vitest';
import type { RegimeId } from '../../../lib/model/notice';
import type { NoticeCaseInput } from '../../../lib/notices/case';
import { draftNotice } from '../../../lib/notices/draft';
import { REGIMES } from '../../../lib/notices/regimes';
import { completeCase, NOW } from './fixtures';

/**
 * Issue 12: for every regime × kind of recipient, the letter asks for what that recipient can do
 * under that law, cites the law that binds it, and concedes nothing on the provider's behalf
 * (docs/notice-decisions.md §1, §4). Asserted over the letter text in English and Chinese.
 */
const RECIPIENTS = {
  shared: { name: 'Host Co', role: 'host', kind: 'shared', emails: ['abuse@host.example'] },
  cloud: { name: 'Cloud Co', role: 'host', kind: 'cloud', emails: ['abuse@cloud.example'] },
  storage: { name: 'Drive Co', role: 'host', kind: 'storage', emails: ['abuse@drive.example'] },
  cdn: { name: 'Edge Co', role: 'cdn', kind: 'cdn', emails: ['abuse@edge.example'] },
  search: { name: 'Search Co', role: 'search', emails: ['removals@search.example'] },
  registrar: { name: 'Names Co', role: 'registrar', emails: ['abuse@names.example'] },
  upstream: { name: 'Transit Co', role: 'upstream', emails: ['abuse@transit.example'] },
} satisfies Record<string, NoticeCaseInput['recipient']>;
type Kind = keyof typeof RECIPIENTS;

const draft = (regime: RegimeId, kind: Kind, lang: 'en' | 'zh', over: Partial<NoticeCaseInput> = {}) =>
  draftNotice(completeCase({ regime, lang, recipient: { ...RECIPIENTS[kind], country: 'DE' }, ...over }), { now: NOW });

// Sentences that argue the provider's case, overclaim, or are not Chinese legal usage.
const ADMISSIONS = [
  /cannot remove/i,
  /do not ask you to (wipe|shut)/i,
  /we understand that/i,
  /made available through your services/i,
  /does not demand/i,
  /无法自行删除/,
  /不要求贵司首先关闭/,
  /我方理解/,
  /不作此项要求/,
];
const ZH_DEFECTS = [/反复侵权/, /删除令/, /《《/, /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, /我方/];

/** The law the letter's opening must cite, per regime and kind (en). */
const LAW: Record<RegimeId, Partial<Record<Kind, string>> & { default: string }> = {
  'us-dmca': {
    default: '17 U.S.C. § 512(c)(3)',
    search: '17 U.S.C. § 512(d)(3)',
    cdn: '17 U.S.C. § 512(b)(2)(E)',
    registrar: 'your abuse policy',
    upstream: '17 U.S.C. § 512(a)',
  },
  'eu-dsa': {
    default: 'Article 16 of Regulation (EU) 2022/2065',
    cdn: 'Article 5(1)(e)',
    search: 'Directive 2001/29/EC',
    registrar: 'your abuse policy',
    upstream: 'Article 4 of Regulation (EU) 2022/2065',
  },
  uk: {
    default: 'regulations 19 and 22',
    cdn: 'regulation 18(b)(v)',
    search: 'Copyright, Designs and Patents Act 1988',
    registrar: 'your abuse policy',
    upstream: 'regulation 17',
  },
  cn: {
    default: 'article 1195 of the Civil Code',
    shared: 'articles 14 and 15',
    storage: 'articles 14 and 15',
    search: 'articles 14 and 23',
    registrar: 'your abuse policy',
    upstream: 'Regulations art. 20',
  },
  'ca-notice': {
    default: 'sections 41.25 and 41.26',
    search: 'sections 41.25 and 41.27',
    registrar: 'your abuse policy',
  },
  jp: { default: '情報流通プラットフォーム対処法', registrar: 'your abuse policy', upstream: 'courtesy request' },
  kr: { default: 'article 103 of the Copyright Act', registrar: 'your abuse policy', upstream: 'article 102(1)1' },
  au: { default: 'sections 36 and 101', registrar: 'your abuse policy', upstream: 'Division 2AA' },
  in: {
    default: 'section 79(3)(b) of the Information Technology Act 2000',
    registrar: 'your abuse policy',
    upstream: 'section 79(2)',
  },
  generic: { default: 'Berne Convention', registrar: 'your abuse policy', upstream: 'courtesy request' },
};

/** What each kind of recipient is asked for first, per regime family. */
function expectedRequest(regime: RegimeId, kind: Kind): string {
  if (kind === 'registrar') return 'forward_to_registrant';
  if (kind === 'search') return 'delist';
  if (regime === 'ca-notice') return 'forward_notice';
  if (kind === 'upstream') return 'forward_downstream';
  if (kind === 'cdn') return 'forward_to_origin';
  if (kind === 'cloud') return regime === 'cn' ? 'forward_to_customer' : 'remove_via_customer';
  return 'remove_or_disable';
}

describe('regime × recipient kind', () => {
  for (const regime of Object.keys(REGIMES) as RegimeId[]) {
    for (const kind of Object.keys(RECIPIENTS) as Kind[]) {
      it(`${regime} / ${kind}: the right request, the right law, no admissions`, () => {
        const en = draft(regime, kind, 'en');
        const zh = draft(regime, kind, 'zh');
        expect(en.sendable, JSON.stringify(en.checklist.items.filter((i) => i.status === 'missing'))).toBe(true);
        expect(en.measures[0]).toBe(expectedRequest(regime, kind));
        const intro = en.sections.find((s) => s.id === 'intro')!.body;
        expect(intro).toContain(LAW[regime][kind] ?? LAW[regime].default);
        for (const d of [en, zh]) for (const re of ADMISSIONS) expect(d.text, `${d.lang}: ${re}`).not.toMatch(re);
        for (const re of ZH_DEFECTS) expect(zh.text, String(re)).not.toMatch(re);
        // "/s/" is the US e-signature convention only.
        if (regime !== 'us-dmca') expect(en.text).not.toContain('/s/');
        // A registrar or a conduit is never sent a statutory hosting notice or a perjury oath.
        if (kind === 'registrar' || (kind === 'upstream' && regime !== 'ca-notice')) {
          for (const bad of ['512(c)', 'Article 16', 'penalty of perjury', 'gives you notice'])
            expect(en.text).not.toContain(bad);
          expect(en.letterKind).toBe(kind === 'registrar' ? 'abuse_report' : 'courtesy');
        }
        // Search engines get link language only.
        if (kind === 'search')
          expect(intro).toMatch(
            regime === 'cn' ? /links listed below in your search results/ : /link to infringing copies/,
          );
        // A cloud host outside China is asked to remove or disable access, forwarding being the means.
        if (kind === 'cloud' && regime !== 'cn' && regime !== 'ca-notice') {
          const req = en.sections.find((s) => s.id === 'request')!.body;
          expect(req).toContain('Remove, or disable access to');
          expect(req).toContain('acceptable use policy');
        }
      });
    }
  }

  it('China: 转通知 plus preservation and necessary measures for a cloud lessor, and a subject that says so', () => {
    const d = draft('cn', 'cloud', 'zh');
    const req = d.sections.find((s) => s.id === 'request')!.body;
    for (const s of ['转送', '必要措施', '妥善保存', '书面告知']) expect(req).toContain(s);
    expect(d.subject).toMatch(/^关于要求转送侵权通知并采取必要措施的通知书/);
    expect(d.subject).not.toContain('要求删除或断开链接');
    expect(draft('cn', 'search', 'zh').text).toContain('断开与所列各网址的链接');
    expect(draft('cn', 'storage', 'zh').text).toContain('重复侵权');
    const cdn = draft('cn', 'cdn', 'zh', { originRemoved: { basis: 'court_order', detail: '' } });
    expect(cdn.text).toContain('法院已责令');
    expect(cdn.text).toContain('第二十一条');
  });

  it('cites the ICANN RAA only for a gTLD registrar, never for a ccTLD such as .to', () => {
    const to = draft('us-dmca', 'registrar', 'en', { infringingUrls: ['https://streamfree.to/watch/1'] });
    expect(to.text).not.toContain('Registrar Accreditation Agreement');
    expect(to.subject).toContain('streamfree.to');
    const com = draft('us-dmca', 'registrar', 'en', { infringingUrls: ['https://streamfree-example.com/watch/1'] });
    expect(com.text).toContain('section 3.18.1 of the 2013 ICANN Registrar Accreditation Agreement');
    const couk = draft('uk', 'registrar', 'en', { infringingUrls: ['https://films.example.co.uk/x'] });
    expect(couk.text).not.toContain('Registrar Accreditation Agreement');
  });

  it('Canada: no forwarding duty asked of a search engine; the statutory term "notice of claimed infringement"', () => {
    const d = draft('ca-notice', 'search', 'en');
    expect(d.measures).toEqual(['delist']);
    expect(d.text).not.toContain('41.26');
    expect(d.text).not.toMatch(/forward/i);
    expect(draft('ca-notice', 'shared', 'en').text).toContain('notice of claimed infringement');
  });

  it('Australia: a commercial host is not told it is in the Div 2AA safe harbour; a CSP is', () => {
    const host = draft('au', 'shared', 'en');
    expect(host.text).not.toContain('Division 2AA');
    expect(host.text).not.toContain('does not demand');
    const csp = draft('au', 'shared', 'en', { australia: { safeHarbour: true } });
    expect(csp.text).toContain('Division 2AA of Part V of the Copyright Act 1968');
    expect(csp.text).toContain('category C');
  });

  it("US: the perjury statement is the signer's, in the § 1746 form for where the signer is", () => {
    const abroad = draft('us-dmca', 'shared', 'en').text;
    expect(abroad).toContain(
      'I declare under penalty of perjury under the laws of the United States of America that I am authorized to act on behalf of Lotus Press Ltd, the owner of an exclusive right that is allegedly infringed.',
    );
    const home = draft('us-dmca', 'shared', 'en', { signerCountry: 'US' }).text;
    expect(home).toContain('I declare under penalty of perjury that I am authorized');
    expect(home).not.toContain('laws of the United States of America');
    expect(abroad).toContain(
      'concluded in good faith that it is not (Lenz v. Universal Music Corp., 815 F.3d 1145 (9th Cir. 2016))',
    );
    expect(abroad).toContain(
      'I have a good faith belief that use of the material in the manner complained of is not authorized by the copyright owner, its agent, or the law.',
    );
  });

  it("India: the rule 75 undertaking in the rule's words only on that route", () => {
    const s79 = draft('in', 'shared', 'en');
    expect(s79.text).not.toMatch(/undertak/i);
    expect(s79.text).toContain('MySpace Inc. v. Super Cassettes Industries Ltd');
    expect(s79.text).toContain('Disable access to the material');
    const r75 = draft('in', 'shared', 'en', { india: { route: 'rule-75', undertakeSuit: true } });
    expect(r75.text).toContain('against the person responsible for uploading the infringing copy');
    expect(r75.text).toContain('within 36 hours');
  });

  it('Japan: the Act under its 2025 name, 出版権 as a rights basis, art. 3(2)(i) when evident, 発信者', () => {
    const d = draft('jp', 'shared', 'en', { japan: { right: 'publication', evident: true } });
    expect(d.text).toContain('情報流通プラットフォーム対処法');
    expect(d.text).not.toContain('Provider Liability Limitation Act');
    expect(d.text).toContain('出版権');
    expect(d.text).toContain('arts 79 and 80');
    expect(d.text).toContain('art. 3(2)(i)');
    expect(draft('jp', 'shared', 'en').text).toContain('発信者');
  });
});
