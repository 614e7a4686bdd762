import { el, type Regime } from '../regime';
import { PLAIN_STATEMENT } from './generic';

/**
 * UK: Electronic Commerce (EC Directive) Regulations 2002 (SI 2002/2013), reg. 22: a court
 * deciding whether a host had actual knowledge (reg. 19) looks at whether the notice gave the
 * sender's name and address, where the information is, and why it is unlawful. The reference
 * marks the regulation's wording unverified, so the items carry that flag; they still block
 * sending because UK hosts' own policies ask for the same three items.
 */
const R22 = { en: 'SI 2002/2013 reg. 22', zh: '英国2002年电子商务条例 第22条' };

export const uk: Regime = {
  id: 'uk',
  name: { en: 'United Kingdom: E-Commerce Regulations 2002, reg. 22', zh: '英国：2002年电子商务条例第22条' },
  defaultLang: 'en',
  dateStyle: 'intl',
  subject: { en: 'Notice of unlawful content (copyright infringement)', zh: '违法内容（版权侵权）通知' },
  legalBasis: () => ({
    en: 'regulations 19 and 22 of the Electronic Commerce (EC Directive) Regulations 2002 (SI 2002/2013) and the Copyright, Designs and Patents Act 1988',
    zh: '英国《2002年电子商务（欧共体指令）条例》第19条、第22条及《1988年版权、设计和专利法》',
  }),
  elements: [
    el('sender_identity', R22, true, { unverified: true }),
    el('sender_address', R22, true, { unverified: true }),
    el('location', R22, true, { unverified: true }),
    el('explanation', R22, true, { unverified: true }),
    el('signature', R22, false),
    el('sender_contact', R22, false),
    el('work_id', R22, false),
    el('infringement_desc', R22, false),
    el('evidence_prelim', R22, false),
    el('datetime_observed', R22, false),
    el('legal_basis', R22, false),
    el('no_settlement_demand', R22, false),
  ],
  statements: [PLAIN_STATEMENT],
};
