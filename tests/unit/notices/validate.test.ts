import { describe, expect, it } from 'vitest';
import type { RegimeId } from '../../../lib/model/notice';
import { NoticeCaseSchema, type NoticeCaseInput } from '../../../lib/notices/case';
import type { ElementId } from '../../../lib/notices/elements';
import { REGIMES } from '../../../lib/notices/regimes';
import { checkCompliance, missingRequired } from '../../../lib/notices/validate';
import { completeCase } from './fixtures';

type Mutate = (c: NoticeCaseInput) => NoticeCaseInput;
const lh = (c: NoticeCaseInput, over: Record<string, string>) => ({ ...c, letterhead: { ...c.letterhead, ...over } });

/** How to remove each element from a complete case. */
const REMOVE: Partial<Record<ElementId, Mutate>> = {
  signature: (c) => lh(c, { signatory: '' }),
  sender_identity: (c) => lh(c, { company: '' }),
  sender_address: (c) => lh(c, { address: '   ' }),
  sender_contact: (c) => lh(c, { email: '', phone: '' }),
  sender_email: (c) => lh(c, { email: 'rights at lotus' }),
  work_id: (c) => ({ ...c, works: [] }),
  rights_basis: (c) => ({ ...c, rightsBasis: '', works: c.works!.map((w) => ({ ...w, owner: '' })) }),
  location: (c) => ({ ...c, infringingUrls: ['not a url', 'javascript:alert(1)'] }),
  link_location: (c) => ({ ...c, infringingUrls: [] }),
  explanation: (c) => ({ ...c, explanation: '' }),
  infringement_desc: (c) => ({ ...c, explanation: '', infringementDesc: '' }),
  evidence_prelim: (c) => ({ ...c, evidence: [] }),
  datetime_observed: (c) => ({ ...c, evidence: [], observedAt: undefined }),
  fair_use_check: (c) => ({ ...c, fairUse: { considered: false } }),
  stmt_good_faith: (c) => ({ ...c, confirmations: { goodFaith: false } }),
  stmt_accuracy_perjury: (c) => ({ ...c, confirmations: { accuracy: false } }),
  stmt_bona_fide_accurate_complete: (c) => ({ ...c, confirmations: { accuracy: false } }),
  stmt_truthfulness_cn: (c) => ({ ...c, confirmations: { accuracy: false } }),
  no_settlement_demand: (c) => ({ ...c, explanation: `${c.explanation} We would settle the matter for CAD 500.` }),
  stmt_truth_jp: (c) => ({ ...c, confirmations: { accuracy: false } }),
  verification_method: (c) => ({ ...c, evidence: [], works: c.works!.map((w) => ({ ...w, originalUrl: '' })) }),
  not_exception: (c) => ({ ...c, fairUse: { considered: false } }),
  undertaking_suit: (c) => lh(c, { signatory: '' }),
};
/**
 * Satisfied by the drafter itself: the notice is always written and submitted electronically, and
 * it always states what is known of the uploader (India r. 75 asks for the details only "if known").
 */
const INHERENT = new Set<ElementId>(['written_form', 'electronic_form', 'uploader_if_known']);

const RECIPIENTS = {
  host: completeCase().recipient,
  search: { name: 'Search Co', role: 'search' as const, emails: ['removals@search.example'], country: 'US' },
  cdn: { name: 'Edge Co', role: 'cdn' as const, kind: 'cdn' as const, emails: ['abuse@edge.example'], country: 'US' },
};

const parse = (c: NoticeCaseInput) => NoticeCaseSchema.parse(c);

describe('checkCompliance', () => {
  for (const regime of Object.keys(REGIMES) as RegimeId[]) {
    for (const [variant, recipient] of Object.entries(RECIPIENTS)) {
      describe(`${regime} / ${variant}`, () => {
        const base = completeCase({ regime, recipient });
        const required = checkCompliance(parse(base)).items.filter((i) => i.required);

        it('passes a complete case', () => {
          const r = checkCompliance(parse(base));
          expect(missingRequired(r)).toEqual([]);
          expect(r.sendable).toBe(true);
          expect(required.length).toBeGreaterThan(2);
        });

        for (const item of required) {
          if (INHERENT.has(item.id)) continue;
          it(`fails without ${item.id}, naming it`, () => {
            const remove = REMOVE[item.id];
            expect(remove, `no removal defined for ${item.id}`).toBeDefined();
            const r = checkCompliance(parse(remove!(base)));
            expect(r.sendable).toBe(false);
            const missing = missingRequired(r);
            expect(missing.map((m) => m.id)).toContain(item.id);
            const m = missing.find((x) => x.id === item.id)!;
            expect(m.citation.length).toBeGreaterThan(0);
            expect(m.name.length).toBeGreaterThan(0);
            expect(m.message.length).toBeGreaterThan(0);
          });
        }
      });
    }
  }

  it('uses the link variant for search engines and the material variant for hosts (17 U.S.C. 512(d))', () => {
    const ids = (recipient: NoticeCaseInput['recipient']) => checkCompliance(parse(completeCase({ regime: 'us-dmca', recipient }))).items.map((i) => i.id);
    expect(ids(RECIPIENTS.search)).toContain('link_location');
    expect(ids(RECIPIENTS.search)).not.toContain('location');
    expect(ids(RECIPIENTS.host)).toContain('location');
    expect(ids(RECIPIENTS.host)).not.toContain('link_location');
  });

  it('names US elements by statute and Chinese elements in Chinese', () => {
    const us = checkCompliance(parse(lh(completeCase({ regime: 'us-dmca' }), { signatory: '' })));
    expect(missingRequired(us).find((i) => i.id === 'signature')).toMatchObject({ name: 'signature', citation: '17 U.S.C. 512(c)(3)(A)(i)' });
    const cn = checkCompliance(parse(lh(completeCase({ regime: 'cn' }), { address: '' })));
    expect(cn.lang).toBe('zh');
    expect(missingRequired(cn).find((i) => i.id === 'sender_address')).toMatchObject({ name: '权利人地址', citation: '信息网络传播权保护条例 第十四条' });
  });

  it('warns but does not block when the fair-use check is not recorded, and blocks when it was refused', () => {
    const absent = checkCompliance(parse(completeCase({ regime: 'us-dmca', fairUse: undefined })));
    expect(absent.sendable).toBe(true);
    expect(absent.items.find((i) => i.id === 'fair_use_check')?.status).toBe('weak');
    expect(checkCompliance(parse(completeCase({ regime: 'us-dmca', fairUse: { considered: false } }))).sendable).toBe(false);
  });

  it('reports a CDN notice without the origin-removed statement as weak, not missing (17 U.S.C. 512(b)(2)(E))', () => {
    const r = checkCompliance(parse(completeCase({ regime: 'us-dmca', recipient: RECIPIENTS.cdn })));
    expect(r.items.find((i) => i.id === 'origin_removed_stmt')?.status).toBe('weak');
    const ok = checkCompliance(parse(completeCase({ regime: 'us-dmca', recipient: RECIPIENTS.cdn, originRemoved: { basis: 'removed' } })));
    expect(ok.items.find((i) => i.id === 'origin_removed_stmt')?.status).toBe('ok');
  });

  it('flags settlement, payment and personal-data language in a Canadian notice (s. 41.25(3))', () => {
    for (const bad of ['Pay $200 to avoid a lawsuit.', 'Send us your home address.', '请支付赔偿金。', 'We offer a settlement.']) {
      const r = checkCompliance(parse(completeCase({ regime: 'ca-notice', explanation: bad })));
      expect(missingRequired(r).map((i) => i.id), bad).toContain('no_settlement_demand');
    }
  });

  it('covers every element of the notice-law.md §13 columns for Japan, Korea, Australia and India', () => {
    const req = (regime: RegimeId, recipient = RECIPIENTS.host) =>
      checkCompliance(parse(completeCase({ regime, recipient }))).items.filter((i) => i.required).map((i) => i.id).sort();
    expect(req('jp')).toEqual(
      ['infringement_desc', 'location', 'sender_address', 'sender_contact', 'sender_identity', 'stmt_truth_jp', 'verification_method', 'work_id'].sort(),
    );
    expect(req('kr')).toEqual(['evidence_prelim', 'infringement_desc', 'location', 'rights_basis', 'sender_contact', 'sender_identity', 'work_id'].sort());
    expect(req('au')).toEqual(['location', 'sender_address', 'sender_contact', 'sender_email', 'sender_identity', 'work_id', 'written_form'].sort());
    expect(req('au', RECIPIENTS.search)).toContain('link_location');
    expect(req('in')).toEqual(
      ['infringement_desc', 'location', 'not_exception', 'rights_basis', 'undertaking_suit', 'uploader_if_known', 'work_id', 'written_form'].sort(),
    );
  });

  it('marks the points the reference leaves unverified as warnings, never blocks (notice-law.md §6, §7, §8)', () => {
    const unverified = (regime: RegimeId) => checkCompliance(parse(completeCase({ regime }))).items.filter((i) => i.unverified);
    for (const regime of ['jp', 'kr', 'au'] as const) {
      expect(unverified(regime).length, regime).toBeGreaterThan(0);
      expect(unverified(regime).every((i) => !i.required), regime).toBe(true);
    }
    expect(unverified('jp').map((i) => i.id)).toContain('rights_basis');
    expect(unverified('au').map((i) => i.id)).toEqual(expect.arrayContaining(['signature', 'stmt_good_faith']));
    // Australia: an unsigned notice warns (form wording unverified) but may still be sent.
    const unsigned = checkCompliance(parse(lh(completeCase({ regime: 'au' }), { signatory: '' })));
    expect(unsigned.sendable).toBe(true);
    expect(unsigned.items.find((i) => i.id === 'signature')?.status).toBe('missing');
  });

  it('India: an unrecorded s. 52 self-check warns, a refused one blocks', () => {
    const absent = checkCompliance(parse(completeCase({ regime: 'in', fairUse: undefined })));
    expect(absent.sendable).toBe(true);
    expect(absent.items.find((i) => i.id === 'not_exception')?.status).toBe('weak');
    expect(checkCompliance(parse(completeCase({ regime: 'in', fairUse: { considered: false } }))).sendable).toBe(false);
  });

  it('Japan: either the original URL or the evidence alone makes the verification method weak, not missing', () => {
    const r = checkCompliance(parse(completeCase({ regime: 'jp', evidence: [] })));
    expect(r.items.find((i) => i.id === 'verification_method')?.status).toBe('weak');
  });

  it('marks a partially invalid URL list as weak and an empty one as missing', () => {
    const weak = checkCompliance(parse(completeCase({ regime: 'eu-dsa', infringingUrls: ['https://a.example/x', 'a.example/y'] })));
    expect(weak.items.find((i) => i.id === 'location')?.status).toBe('weak');
    expect(weak.sendable).toBe(true);
    const none = checkCompliance(parse(completeCase({ regime: 'eu-dsa', infringingUrls: [] })));
    expect(none.items.find((i) => i.id === 'location')?.status).toBe('missing');
  });
});
