import { describe, expect, it } from 'vitest';
import { NoticeCaseSchema, type NoticeCaseInput } from '../../../lib/notices/case';
import { draftNotice } from '../../../lib/notices/draft';
import { hasSettlementDemand } from '../../../lib/notices/settlement';
import { checkCompliance, missingRequired } from '../../../lib/notices/validate';
import { completeCase, NOW } from './fixtures';

/**
 * Copyright Act (Canada) s. 41.25(3): no offer to settle, no request or demand for payment or
 * personal information, and no reference or link to one, in any field. The corpus holds the
 * evasive phrasings of docs/notice-decisions.md §3 and descriptions of the infringer's own business
 * that must pass.
 */
const BLOCK = [
  'You can resolve this claim quickly by purchasing a retroactive licence for 500 dollars at https://lotuspress.example/resolve',
  "Please reply with the subscriber's full name and mailing address.",
  'Contact us to discuss an amicable resolution and avoid a lawsuit.',
  'We would settle the matter for CAD 500.',
  'Pay $200 to avoid a lawsuit.',
  'Send us your home address.',
  '请支付赔偿金。',
  'We offer a settlement.',
  'To close this matter, you must pay the amount owing within 14 days.',
  'The subscriber may avoid legal action by contacting our office.',
  'Please identify the subscriber so that we can contact them directly.',
  'Provide the name and address of the account holder.',
  'We are open to a commercial arrangement that makes this go away.',
  'You should obtain a licence from us at the standard rate.',
  'We will drop the claim if the user buys a licence.',
  'Remit CAD 250 by e-transfer to rights@lotuspress.example.',
  'Our licensing solution is available to you; reply to receive an invoice.',
  'Tell us who the account holder is.',
  'Regularise your use by taking out a licence today.',
  'Visit https://lotuspress.example/settle-now?case=123 to finalise.',
  'The user can compensate us for the copies made.',
  '如愿意和解，请联系我司。',
  '请提供该用户的姓名和住址。',
  '请向我司支付授权费用5000元。',
  'Out-of-court resolution is possible.',
];

const PASS = [
  'The site sells VIP access for a monthly fee.',
  'Users pay a subscription on the pirate site to download the full book.',
  'The page offers the whole novel for download behind a paywall the operator runs.',
  'The operator charges readers for early chapters it copied from our edition.',
  'The copy reproduces every chapter of the book, including our cover art and foreword.',
  'We never licensed this site or its operator to reproduce the work.',
  'Our own store sells the ebook at https://lotuspress.example/books/river-atlas',
  'The site displays advertising around the copied chapters.',
  'The infringing copy was made from our 2024 edition; page numbers match.',
  '该网站以每月收费方式向用户出售VIP会员，提供全书下载。',
  '该网站向用户提供全书的下载地址。',
  'The upload is a full scan of the printed book.',
  'The work is registered with the Canadian Intellectual Property Office.',
];

const ca = (over: Partial<NoticeCaseInput>) =>
  NoticeCaseSchema.parse(
    completeCase({
      regime: 'ca-notice',
      recipient: {
        name: 'Maple Hosting',
        role: 'host',
        kind: 'shared',
        emails: ['abuse@maple.example'],
        country: 'CA',
      },
      ...over,
    }),
  );
const blocked = (over: Partial<NoticeCaseInput>) =>
  missingRequired(checkCompliance(ca(over)))
    .map((i) => i.id)
    .includes('no_settlement_demand');

describe('Canada s. 41.25(3) filter', () => {
  it('has a corpus of at least 30 phrasings', () => {
    expect(BLOCK.length + PASS.length).toBeGreaterThanOrEqual(30);
  });

  for (const text of BLOCK)
    it(`blocks: ${text}`, () => {
      expect(blocked({ explanation: `${completeCase().explanation} ${text}` })).toBe(true);
    });

  for (const text of PASS)
    it(`passes: ${text}`, () => {
      expect(blocked({ explanation: text })).toBe(false);
      expect(checkCompliance(ca({ explanation: text })).sendable).toBe(true);
    });

  it('scans every user field, not just the explanation', () => {
    const demand = "Please reply with the subscriber's name and address.";
    const works = completeCase().works!;
    expect(blocked({ measureNote: demand })).toBe(true);
    expect(blocked({ authority: 'Contact us to discuss an amicable resolution.' })).toBe(true);
    expect(blocked({ works: [{ ...works[0], originalUrl: 'https://lotuspress.example/settle-now?case=123' }] })).toBe(
      true,
    );
    expect(blocked({ works: [{ ...works[0], title: 'The River Atlas (settle for $99)' }] })).toBe(true);
    expect(blocked({ rightsBasis: demand })).toBe(true);
    expect(blocked({ infringementDesc: demand })).toBe(true);
    expect(blocked({ fairUse: { considered: true, note: demand } })).toBe(true);
    expect(blocked({ originRemoved: { basis: 'removed', detail: demand } })).toBe(true);
  });

  it("lets a link to the infringer's own payment page through: it is the infringement, not our demand", () => {
    expect(blocked({ explanation: 'The copy is sold at https://pirate.example/vip/pay after registration.' })).toBe(
      false,
    );
  });

  it('reports a bare amount of money for review without blocking', () => {
    const r = checkCompliance(ca({ explanation: 'The site charges $4.99 for each downloaded chapter of our book.' }));
    expect(r.items.find((i) => i.id === 'no_settlement_demand')?.status).toBe('weak');
    expect(r.sendable).toBe(true);
  });

  it('the template text of a Canadian notice never trips the filter', () => {
    for (const lang of ['en', 'zh'] as const) {
      const d = draftNotice(
        completeCase({
          regime: 'ca-notice',
          lang,
          recipient: { name: 'Maple', role: 'host', kind: 'cloud', emails: [], country: 'CA' },
        }),
        { now: NOW },
      );
      expect(hasSettlementDemand(d.text), d.text).toBe(false);
    }
  });
});
