import type { NoticeCase } from '../case';
import { isCdn, isSearch, NEUTRAL_NOTICE, type Localised } from '../elements';
import { el, type Regime } from '../regime';
import { PLAIN_STATEMENT } from './generic';

/**
 * UK: Electronic Commerce (EC Directive) Regulations 2002 (SI 2002/2013), reg. 22: a court
 * deciding whether a host had actual knowledge (reg. 19) looks at whether the notice gave the
 * sender's name and address, where the information is, and why it is unlawful. The reference
 * marks the regulation's wording unverified, so the items carry that flag; they still block
 * sending because UK hosts' own policies ask for the same three items. A cache is reg. 18(b)(v),
 * a conduit reg. 17; the right infringed is stated under CDPA 1988 ss. 16, 17 and 20.
 */
const R22: Localised = { en: 'SI 2002/2013 reg. 22', zh: '英国2002年电子商务条例 第22条' };
const R18: Localised = { en: 'SI 2002/2013 reg. 18(b)(v)', zh: '英国2002年电子商务条例 第18条(b)(v)项' };
const CDPA: Localised = { en: 'CDPA 1988 ss. 16, 17, 20', zh: '英国1988年版权、设计和专利法 第16、17、20条' };
const cite = (c: NoticeCase) => (isCdn(c) ? R18 : isSearch(c) ? CDPA : R22);

export const uk: Regime = {
  id: 'uk',
  name: { en: 'United Kingdom: E-Commerce Regulations 2002, reg. 22', zh: '英国：2002年电子商务条例第22条' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Notice of unlawful content (copyright infringement)', zh: '违法内容（版权侵权）通知' },
  statementLaw: {
    en: 'general law on false statements (malicious falsehood)',
    zh: '英国关于虚假陈述的一般法律（恶意虚假陈述）',
  },
  conduitLaw: {
    en: 'regulation 17 of the Electronic Commerce (EC Directive) Regulations 2002',
    zh: '英国《2002年电子商务（欧共体指令）条例》第17条',
  },
  legalBasis: (c) =>
    isCdn(c)
      ? {
          en: 'regulation 18(b)(v) of the Electronic Commerce (EC Directive) Regulations 2002 (SI 2002/2013) and the Copyright, Designs and Patents Act 1988',
          zh: '英国《2002年电子商务（欧共体指令）条例》第18条(b)(v)项及《1988年版权、设计和专利法》',
        }
      : isSearch(c)
        ? { en: 'the Copyright, Designs and Patents Act 1988', zh: '英国《1988年版权、设计和专利法》' }
        : {
            en: 'regulations 19 and 22 of the Electronic Commerce (EC Directive) Regulations 2002 (SI 2002/2013) and the Copyright, Designs and Patents Act 1988',
            zh: '英国《2002年电子商务（欧共体指令）条例》第19条、第22条及《1988年版权、设计和专利法》',
          },
  explanationNotes: () => [
    {
      en: 'The copies infringe the copyright in the works by copying them and communicating them to the public without licence (Copyright, Designs and Patents Act 1988, ss. 16, 17 and 20).',
      zh: '上述复制件未经许可复制作品并向公众传播，侵犯了作品的版权（英国《1988年版权、设计和专利法》第16、17、20条）。',
    },
  ],
  elements: [
    el('sender_identity', cite, true, { unverified: true }),
    el('sender_address', cite, true, { unverified: true }),
    el('location', cite, true, { unverified: true }),
    el('explanation', cite, true, { unverified: true }),
    el('signature', cite, false),
    el('sender_contact', cite, false),
    el('work_id', cite, false),
    el('infringement_desc', cite, false),
    el('evidence_prelim', cite, false),
    el('datetime_observed', cite, false),
    el('no_settlement_demand', NEUTRAL_NOTICE, false),
  ],
  statements: [PLAIN_STATEMENT],
};
