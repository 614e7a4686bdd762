import { noticeEvidence } from '../db/evidence-rule';
import type { NoticeCaseInput, PriorNotice } from '../notices/case';
import { evidenceFilename, type EvidenceMeta } from '../model/evidence';
import type { Letterhead } from '../model/letterhead';
import type { Notice } from '../model/notice';
import type { Work } from '../model/work';
import type { RightsDocumentKind, RightsDocumentMeta } from '../model/rights-document';
import { withholdSenderDetails } from '../providers/privacy';

/**
 * Builds the drafting input from what the extension stores: the notice record, the saved
 * letterhead, the catalog and the captured evidence. Unticked statements are passed as
 * `false`, so the checklist blocks sending until the user confirms them.
 */
export function caseFromNotice(
  notice: Notice,
  ctx: {
    letterhead: Letterhead | null;
    works: Work[];
    evidence: EvidenceMeta[];
    priorNotices?: PriorNotice[];
    icp?: readonly string[];
    /** The rights holder's documents chosen for this notice (issue 15); they fill the letter's 附件 elements. */
    documents?: readonly RightsDocumentMeta[];
  },
): NoticeCaseInput | null {
  if (!notice.recipient) return null;
  const byId = new Map(ctx.works.map((w) => [w.id, w]));
  const lh = ctx.letterhead;
  return {
    regime: notice.regime,
    lang: notice.lang,
    letterhead: lh
      ? {
          company: lh.company,
          address: lh.address,
          email: lh.email,
          phone: lh.phone,
          signatory: lh.signatory,
          signatoryTitle: lh.signatoryTitle,
          creditCode: lh.creditCode ?? '',
          legalRep: lh.legalRep ?? '',
          logo: lh.logo,
        }
      : {},
    works: notice.workIds.flatMap((id) => {
      const w = byId.get(id);
      return w
        ? [{ id: w.id, title: w.title, owner: w.owner, registration: w.registration, originalUrl: w.originalUrl }]
        : [];
    }),
    infringingUrls: notice.urls,
    explanation: notice.explanation,
    recipient: notice.recipient,
    // The one rule (lib/db/evidence-rule.ts): the page capture's artefacts, never a reply.
    evidence: noticeEvidence(notice, ctx.evidence).map((e) => ({
      kind: e.kind,
      sha256: e.sha256,
      capturedAt: e.capturedAt,
      url: e.url,
      filename: evidenceFilename(e),
      note: e.note,
    })),
    fairUse: { considered: notice.fairUseConsidered, note: notice.fairUseNote },
    idDocument: withDocuments(notice.idDocument, ctx.documents, 'id_document'),
    ownershipProof: withDocuments(notice.ownershipProof, ctx.documents, 'ownership'),
    powerOfAttorney: withDocuments('', ctx.documents, 'power_of_attorney'),
    confirmations: { goodFaith: notice.confirmations.goodFaith, accuracy: notice.confirmations.accuracy },
    measureNote: notice.measure,
    priorNotices: ctx.priorNotices ?? [],
    // The ICP numbers the captured page shows, as shown; none is ever filled in otherwise.
    hosting: ctx.icp && ctx.icp.length > 0 ? { icp: ctx.icp.slice(0, 3).join('、').slice(0, 100) } : {},
    withholdSenderDetails: withholdSenderDetails(notice.recipient, notice.withholdSenderDetails),
  };
}

/** A chosen document as the letter lists it: its title, the attached file and the start of its hash. */
export const documentLine = (d: Pick<RightsDocumentMeta, 'title' | 'filename' | 'sha256'>) =>
  `${d.title} (${d.filename}, SHA-256 ${d.sha256.slice(0, 16)}…)`;

/**
 * The element's text: what the user wrote, then each attached document of that kind, so an attached licence or
 * certificate satisfies the checklist element it is for and is numbered in the 附件 / Attachments list.
 */
function withDocuments(
  text: string,
  documents: readonly RightsDocumentMeta[] | undefined,
  kind: RightsDocumentKind,
): string {
  const lines = (documents ?? []).filter((d) => d.kind === kind).map(documentLine);
  return [text.trim(), ...lines].filter(Boolean).join('; ');
}
