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
  id_document: (c) => ({ ...c, idDocument: '' }),
  authority: (c) => ({ ...c, agent: { name: 'Example Law LLP' }, powerOfAttorney: '', authority: '' }),
  work_id: (c) => ({ ...c, works: [] }),
  rights_basis: (c) => ({ ...c, rightsBasis: '', works: c.works!.map((w) => ({ ...w, owner: '' })) }),
  location: (c) => ({ ...c, infringingUrls: ['not a url', 'javascript:alert(1)'] }),
  link_location: (c) => ({ ...c, infringingUrls: [] }),
  explanation: (c) => ({ ...c, explanation: 'Copyright infringement.' }),
  infringement_desc: (c) => ({ ...c, explanation: '', infringementDesc: '' }),
  evidence_prelim: (c) => ({ ...c, evidence: [] }),
  datetime_observed: (c) => ({ ...c, evidence: [], observedAt: undefined }),
  fair_use_check: (c) => ({ ...c, fairUse: undefined }),
  stmt_good_faith: (c) => ({ ...c, confirmations: { goodFaith: false } }),
  stmt_accuracy_perjury: (c) => ({ ...c, confirmations: { accuracy: false } }),
  stmt_bona_fide_accurate_complete: (c) => ({ ...c, confirmations: { accuracy: false } }),
  stmt_truthfulness_cn: (c) => ({ ...c, confirmations: { accuracy: false } }),
  no_settlement_demand: (c) => ({ ...c, explanation: `${c.explanation} We would settle the matter for CAD 500.` }),
  stmt_truth_jp: (c) => ({ ...c, confirmations: { accuracy: false } }),
  verification_method: (c) => ({ ...c, evidence: [], works: c.works!.map((w) => ({ ...w, originalUrl: '' })) }),
  not_exception: (c) => ({ ...c, fairUse: { considered: false } }),
  undertaking_suit: (c) => ({ ...c, india: { route: 'rule-75', undertakeSuit: false } }),
};

/** Every kind of recipient a notice goes to (issue 12: host shared/cloud/storage, CDN, search, registrar, upstream). */
export const RECIPIENTS = {
  shared: completeCase().recipient,
  cloud: {
    name: 'Cloud Co',
    role: 'host' as const,
    kind: 'cloud' as const,
    emails: ['abuse@cloud.example'],
    country: 'US',
  },
  storage: {
    name: 'Drive Co',
    role: 'host' as const,
    kind: 'storage' as const,
    emails: ['abuse@drive.example'],
    country: 'US',
  },
  search: { name: 'Search Co', role: 'search' as const, emails: ['removals@search.example'], country: 'US' },
  cdn: { name: 'Edge Co', role: 'cdn' as const, kind: 'cdn' as const, emails: ['abuse@edge.example'], country: 'US' },
  registrar: { name: 'Names Co', role: 'registrar' as const, emails: ['abuse@names.example'], country: 'US' },
  upstream: { name: 'Transit Co', role: 'upstream' as const, emails: ['abuse@transit.example'], country: 'US' },
};

/** Every regime, with India's opt-in rule 75 route as a variant of its own. */
const VARIANTS: { name: string; over: Partial<NoticeCaseInput> }[] = [
  ...(Object.keys(REGIMES) as RegimeId[]).map((regime) => ({ name: regime, over: { regime } })),
  { name: 'in (rule 75)', over: { regime: 'in', india: { route: 'rule-75', undertakeSuit: true } } },
];

const parse = (c: NoticeCaseInput) => NoticeCaseSchema.parse(c);

describe('checkCompliance', () => {
  for (const v of VARIANTS) {
    for (const [variant, recipient] of Object.entries(RECIPIENTS)) {
      describe(`${v.name} / ${variant}`, () => {
        const base = completeCase({ ...v.over, recipient });
        const required = checkCompliance(parse(base)).items.filter((i) => i.required);

        it('passes a complete case', () => {
          const r = checkCompliance(parse(base));
          expect(missingRequired(r)).toEqual([]);
          expect(r.sendable).toBe(true);
          expect(required.length).toBeGreaterThan(2);
        });

        for (const item of required) {
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

        // A statement the user refused is never signed (docs/notice-decisions.md §2), whatever the regime or recipient.
        for (const key of ['goodFaith', 'accuracy', 'authority'] as const) {
          it(`blocks when the ${key} statement is refused, naming it with its statute`, () => {
            const r = checkCompliance(parse({ ...base, confirmations: { [key]: false } }));
            expect(r.sendable).toBe(false);
            const statement = missingRequired(r).filter((m) => m.id.startsWith('stmt_'));
            expect(statement.length, JSON.stringify(missingRequired(r))).toBeGreaterThan(0);
            for (const m of statement) expect(m.citation.length).toBeGreaterThan(3);
          });
        }
      });
    }
  }

  it('never lists a check that cannot fail (written form, electronic form, legal basis, uploader)', () => {
    for (const v of VARIANTS)
      for (const recipient of Object.values(RECIPIENTS)) {
        const ids = checkCompliance(parse(completeCase({ ...v.over, recipient }))).items.map((i) => i.id);
        for (const id of ['written_form', 'electronic_form', 'legal_basis', 'uploader_if_known'] as ElementId[])
          expect(ids, `${v.name}`).not.toContain(id);
      }
  });

  it('uses the link variant for search engines and the material variant for hosts (17 U.S.C. 512(d))', () => {
    const ids = (recipient: NoticeCaseInput['recipient']) =>
      checkCompliance(parse(completeCase({ regime: 'us-dmca', recipient }))).items.map((i) => i.id);
    expect(ids(RECIPIENTS.search)).toContain('link_location');
    expect(ids(RECIPIENTS.search)).not.toContain('location');
    expect(ids(RECIPIENTS.shared)).toContain('location');
    expect(ids(RECIPIENTS.shared)).not.toContain('link_location');
  });

  it('names US elements by statute and Chinese elements in Chinese', () => {
    const us = checkCompliance(parse(lh(completeCase({ regime: 'us-dmca' }), { signatory: '' })));
    expect(missingRequired(us).find((i) => i.id === 'signature')).toMatchObject({
      name: 'signature',
      citation: '17 U.S.C. 512(c)(3)(A)(i)',
    });
    const cn = checkCompliance(parse(lh(completeCase({ regime: 'cn' }), { address: '' })));
    expect(cn.lang).toBe('zh');
    expect(missingRequired(cn).find((i) => i.id === 'sender_address')).toMatchObject({
      name: '权利人地址',
      citation: '信息网络传播权保护条例 第十四条；国家版权局通知示范格式（2007）',
    });
  });

  it('blocks a § 512 notice without a fair-use record (Lenz, 815 F.3d 1145), but not a registrar report', () => {
    const absent = checkCompliance(parse(completeCase({ regime: 'us-dmca', fairUse: undefined })));
    expect(absent.sendable).toBe(false);
    expect(missingRequired(absent).find((i) => i.id === 'fair_use_check')?.citation).toBe(
      'Lenz v. Universal Music Corp., 815 F.3d 1145 (9th Cir. 2016)',
    );
    expect(checkCompliance(parse(completeCase({ regime: 'us-dmca', fairUse: { considered: false } }))).sendable).toBe(
      false,
    );
    expect(
      checkCompliance(parse(completeCase({ regime: 'us-dmca', fairUse: undefined, recipient: RECIPIENTS.registrar })))
        .sendable,
    ).toBe(true);
  });

  it('reports a CDN notice without the origin-removed statement as weak, not missing (17 U.S.C. 512(b)(2)(E))', () => {
    const r = checkCompliance(parse(completeCase({ regime: 'us-dmca', recipient: RECIPIENTS.cdn })));
    expect(r.items.find((i) => i.id === 'origin_removed_stmt')?.status).toBe('weak');
    const ok = checkCompliance(
      parse(completeCase({ regime: 'us-dmca', recipient: RECIPIENTS.cdn, originRemoved: { basis: 'removed' } })),
    );
    expect(ok.items.find((i) => i.id === 'origin_removed_stmt')?.status).toBe('ok');
  });

  it('flags settlement, payment and personal-data language in a Canadian notice (s. 41.25(3))', () => {
    for (const bad of [
      'Pay $200 to avoid a lawsuit.',
      'Send us your home address.',
      '请支付赔偿金。',
      'We offer a settlement.',
    ]) {
      const r = checkCompliance(parse(completeCase({ regime: 'ca-notice', explanation: bad })));
      expect(
        missingRequired(r).map((i) => i.id),
        bad,
      ).toContain('no_settlement_demand');
    }
  });

  it('covers every element of the docs/notice-law.md §6 columns for Japan, Korea, Australia and India', () => {
    const req = (regime: RegimeId, recipient = RECIPIENTS.shared) =>
      checkCompliance(parse(completeCase({ regime, recipient })))
        .items.filter((i) => i.required)
        .map((i) => i.id)
        .sort();
    expect(req('jp')).toEqual(
      [
        'authority',
        'infringement_desc',
        'location',
        'sender_address',
        'sender_contact',
        'sender_identity',
        'stmt_truth_jp',
        'verification_method',
        'work_id',
      ].sort(),
    );
    expect(req('kr')).toEqual(
      [
        'authority',
        'evidence_prelim',
        'infringement_desc',
        'location',
        'rights_basis',
        'sender_contact',
        'sender_identity',
        'work_id',
      ].sort(),
    );
    expect(req('au')).toEqual(
      ['location', 'sender_address', 'sender_contact', 'sender_email', 'sender_identity', 'work_id'].sort(),
    );
    expect(req('au', RECIPIENTS.search)).toContain('link_location');
    // India: the default IT Act s. 79 route carries no undertaking; rule 75 adds s. 52 and the undertaking.
    expect(req('in')).toEqual(['infringement_desc', 'location', 'rights_basis', 'sender_identity', 'work_id'].sort());
    const r75 = checkCompliance(
      parse(completeCase({ regime: 'in', india: { route: 'rule-75', undertakeSuit: true } })),
    );
    expect(r75.items.filter((i) => i.required).map((i) => i.id)).toEqual(
      expect.arrayContaining(['not_exception', 'undertaking_suit']),
    );
  });

  it('marks the points the reference leaves unverified as warnings, never blocks (docs/notice-law.md §7, §8, §9)', () => {
    const unverified = (regime: RegimeId) =>
      checkCompliance(parse(completeCase({ regime }))).items.filter((i) => i.unverified);
    for (const regime of ['jp', 'kr', 'au'] as const) {
      expect(unverified(regime).length, regime).toBeGreaterThan(0);
      expect(
        unverified(regime).every((i) => !i.required),
        regime,
      ).toBe(true);
    }
    expect(unverified('jp').map((i) => i.id)).toContain('rights_basis');
    expect(unverified('au').map((i) => i.id)).toEqual(expect.arrayContaining(['signature', 'stmt_good_faith']));
    // Australia: an unsigned notice warns (form wording unverified) but may still be sent.
    const unsigned = checkCompliance(parse(lh(completeCase({ regime: 'au' }), { signatory: '' })));
    expect(unsigned.sendable).toBe(true);
    expect(unsigned.items.find((i) => i.id === 'signature')?.status).toBe('missing');
  });

  it('India rule 75: an unrecorded s. 52 self-check warns, a refused one blocks, and no undertaking blocks', () => {
    const r75 = { regime: 'in' as const, india: { route: 'rule-75' as const, undertakeSuit: true } };
    const absent = checkCompliance(parse(completeCase({ ...r75, fairUse: undefined })));
    expect(absent.sendable).toBe(true);
    expect(absent.items.find((i) => i.id === 'not_exception')?.status).toBe('weak');
    expect(checkCompliance(parse(completeCase({ ...r75, fairUse: { considered: false } }))).sendable).toBe(false);
    const noUndertaking = checkCompliance(
      parse(completeCase({ ...r75, india: { route: 'rule-75', undertakeSuit: false } })),
    );
    expect(missingRequired(noUndertaking).map((i) => i.id)).toContain('undertaking_suit');
    // The s. 79 route needs neither.
    expect(checkCompliance(parse(completeCase({ regime: 'in', fairUse: undefined }))).sendable).toBe(true);
  });

  it('China: a qualified notice needs the ID or licence copy, proof of ownership and, for an agent, the power of attorney', () => {
    const cn = (over: Partial<NoticeCaseInput>) =>
      missingRequired(checkCompliance(parse(completeCase({ regime: 'cn', ...over })))).map((i) => i.id);
    expect(cn({ idDocument: '' })).toContain('id_document');
    expect(cn({ works: [{ title: 'T', owner: 'Lotus Press Ltd', registration: '', originalUrl: '' }] })).toContain(
      'rights_basis',
    );
    expect(
      cn({
        works: [{ title: 'T', owner: 'Lotus Press Ltd', registration: '', originalUrl: '' }],
        ownershipProof: '登记证书复印件',
      }),
    ).not.toContain('rights_basis');
    expect(cn({ agent: { name: '北京某某律师事务所' } })).toContain('authority');
    expect(cn({ agent: { name: '北京某某律师事务所' }, powerOfAttorney: '授权委托书（就本次通知单独授权）' })).toEqual(
      [],
    );
    expect(cn({ letterhead: { ...completeCase().letterhead, signatory: '' } })).toContain('signature');
  });

  it('China: a mainland mobile number alone warns (the NCAC form asks for a fixed line)', () => {
    const mobile = checkCompliance(parse(lh(completeCase({ regime: 'cn' }), { phone: '+86 138 0013 8000' })));
    const item = mobile.items.find((i) => i.id === 'sender_contact')!;
    expect(item.status).toBe('weak');
    expect(item.message).toContain('固定电话');
    expect(mobile.sendable).toBe(true);
    expect(
      checkCompliance(parse(lh(completeCase({ regime: 'cn' }), { phone: '010-62000000' }))).items.find(
        (i) => i.id === 'sender_contact',
      )?.status,
    ).toBe('ok');
  });

  it('cites the Regulations only where they apply: a Chinese cloud or CDN checklist cites art. 1195, never art. 14', () => {
    for (const recipient of [RECIPIENTS.cloud, RECIPIENTS.cdn]) {
      const r = checkCompliance(parse(completeCase({ regime: 'cn', recipient })));
      expect(r.items.map((i) => i.citation).join('|')).not.toContain('第十四条');
      expect(r.items.find((i) => i.id === 'evidence_prelim')?.citation).toBe('民法典 第一千一百九十五条');
    }
    const storage = checkCompliance(parse(completeCase({ regime: 'cn', recipient: RECIPIENTS.storage })));
    expect(storage.items.find((i) => i.id === 'location')?.citation).toBe('信息网络传播权保护条例 第十四条');
  });

  it('EU: a one-line explanation fails art. 16(2)(a); the national provision is prompted for the member state', () => {
    const de = {
      name: 'Hetzner',
      role: 'host' as const,
      kind: 'cloud' as const,
      emails: ['abuse@hetzner.example'],
      country: 'DE',
    };
    const thin = checkCompliance(
      parse(completeCase({ regime: 'eu-dsa', recipient: de, explanation: 'Copyright infringement.' })),
    );
    expect(missingRequired(thin).find((i) => i.id === 'explanation')?.citation).toBe('DSA art. 16(2)(a)');
    const prompt = checkCompliance(parse(completeCase({ regime: 'eu-dsa', recipient: de }))).items.find(
      (i) => i.id === 'infringed_provision',
    )!;
    expect(prompt.status).toBe('weak');
    expect(prompt.message).toContain('UrhG');
    expect(prompt.message).toContain('Germany');
    const named = checkCompliance(
      parse(completeCase({ regime: 'eu-dsa', recipient: de, eu: { nationalProvision: 'UrhG §§ 16, 19a' } })),
    );
    expect(named.items.find((i) => i.id === 'infringed_provision')?.status).toBe('ok');
    // A CDN is checked against art. 5, not art. 16.
    const cdn = checkCompliance(parse(completeCase({ regime: 'eu-dsa', recipient: RECIPIENTS.cdn })));
    expect(cdn.items.map((i) => i.citation).join('|')).not.toContain('16(');
  });

  it('warns when the captures cover only some of the listed URLs (evidence for each item)', () => {
    const sha = 'a'.repeat(64);
    const one = [
      {
        kind: 'screenshot' as const,
        sha256: sha,
        capturedAt: '2026-03-01T10:00:00Z',
        url: 'https://pirate.example/read/river-atlas',
      },
    ];
    const partial = checkCompliance(parse(completeCase({ regime: 'kr', evidence: one })));
    expect(partial.items.find((i) => i.id === 'evidence_prelim')?.status).toBe('weak');
    const both = [...one, { ...one[0]!, url: 'https://pirate.example/dl/river-atlas.epub' }];
    expect(
      checkCompliance(parse(completeCase({ regime: 'kr', evidence: both }))).items.find(
        (i) => i.id === 'evidence_prelim',
      )?.status,
    ).toBe('ok');
  });

  it('Korea: a trivially different owner string is not an agent', () => {
    const r = checkCompliance(
      parse(
        completeCase({
          regime: 'kr',
          works: [{ title: 'T', owner: 'LOTUS PRESS LIMITED', registration: 'R', originalUrl: '' }],
        }),
      ),
    );
    expect(r.items.find((i) => i.id === 'authority')?.status).toBe('ok');
  });

  it('Japan: either the original URL or the evidence alone makes the verification method weak, not missing', () => {
    const r = checkCompliance(parse(completeCase({ regime: 'jp', evidence: [] })));
    expect(r.items.find((i) => i.id === 'verification_method')?.status).toBe('weak');
  });

  it('marks a partially invalid URL list as weak and an empty one as missing', () => {
    const weak = checkCompliance(
      parse(completeCase({ regime: 'eu-dsa', infringingUrls: ['https://a.example/x', 'a.example/y'] })),
    );
    expect(weak.items.find((i) => i.id === 'location')?.status).toBe('weak');
    expect(weak.sendable).toBe(true);
    const none = checkCompliance(parse(completeCase({ regime: 'eu-dsa', infringingUrls: [] })));
    expect(none.items.find((i) => i.id === 'location')?.status).toBe('missing');
  });
});
