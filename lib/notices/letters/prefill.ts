import type { IcpReading } from '../../evidence/icp';
import { evidenceFilename, type EvidenceMeta } from '../../model/evidence';
import type { Letterhead } from '../../model/letterhead';
import type { Notice, NoticeEvent } from '../../model/notice';
import type { Recipient } from '../../model/recipient';
import type { MiitOffer } from '../../tracking/miit-route';
import { MIIT_RECIPIENT } from '../../tracking/miit-route';
import { repeatLaw, type RepeatGroup } from '../../tracking/repeat-infringers';
import type { LetterInput, LetterKind, LetterRecipient } from './schema';

/** What a letter is pre-filled from: the followed notice, its log and what the practice already stored. */
export interface PrefillContext {
  notice: Notice;
  events: readonly NoticeEvent[];
  letterhead: Letterhead | null;
  repeat?: RepeatGroup | null;
  miit?: MiitOffer | null;
  icp?: IcpReading | null;
  evidence?: readonly EvidenceMeta[];
}

const toLetterRecipient = (r: Recipient): LetterRecipient => ({
  name: r.name,
  emails: r.emails,
  formUrl: r.formUrl,
  providerId: r.providerId,
  country: r.country,
});

/** The counter-notice this letter answers: the latest one recorded. */
export function lastCounterNotice(events: readonly NoticeEvent[]): NoticeEvent | null {
  return [...events].reverse().find((e) => e.kind === 'counter_notice_received') ?? null;
}

/**
 * A first draft of a letter: every fact the product knows is filled in, everything only the
 * user knows (the court, the case number, the complaint) is left empty for the checklist to ask,
 * and no statement is ticked for the user.
 */
export function prefillLetter(kind: LetterKind, ctx: PrefillContext): LetterInput {
  const n = ctx.notice;
  const lh = ctx.letterhead;
  const letterhead = lh
    ? {
        company: lh.company,
        address: lh.address,
        email: lh.email,
        phone: lh.phone,
        signatory: lh.signatory,
        signatoryTitle: lh.signatoryTitle,
      }
    : {};
  const to = n.sent?.recipient ?? n.recipient;
  const base = {
    lang: n.lang === 'en' ? ('en' as const) : ('zh' as const),
    letterhead,
    recipient: to ? toLetterRecipient(to) : { name: '' },
    works: n.workTitles,
  };
  const original = {
    id: n.id,
    sentAt: n.sentAt ?? n.sent?.at ?? n.createdAt,
    recipient: n.recipientName,
    urls: n.urls,
    status: n.status,
  };
  const counter = lastCounterNotice(ctx.events);
  switch (kind) {
    case 'us_action_filed':
      return { kind, ...base, original, counterNoticeReceivedAt: counter?.at.slice(0, 10) };
    case 'cn_action_filed':
      return {
        kind,
        ...base,
        original,
        counterStatementReceivedAt: counter?.at,
        ecommercePlatform: counter?.details.ecommercePlatform === true,
      };
    case 'repeat_infringer': {
      const g = ctx.repeat;
      return {
        kind,
        ...base,
        recipient: g ? toLetterRecipient(g.provider) : base.recipient,
        law: repeatLaw(n.regime, g?.provider ?? n.sent?.recipient ?? n.recipient),
        subject: g?.subject ?? { kind: 'site', value: n.host },
        priorNotices: (g?.notices ?? [n]).map((p) => ({
          id: p.id,
          sentAt: p.sentAt ?? p.sent!.at,
          recipient: p.recipientName,
          urls: p.urls,
          status: p.status,
        })),
        works: [...new Set((g?.notices ?? [n]).flatMap((p) => p.workTitles))],
      };
    }
    case 'miit_unfiled': {
      const host = ctx.miit?.host;
      return {
        kind,
        ...base,
        lang: 'zh',
        recipient: {
          name: MIIT_RECIPIENT.name,
          emails: [],
          formUrl: MIIT_RECIPIENT.formUrl,
          country: MIIT_RECIPIENT.country,
        },
        domain: n.host,
        ip: host?.network?.ip ?? '',
        hostProvider: host?.name ?? '',
        icpShown: ctx.icp?.numbers ?? [],
        pageArchived: ctx.icp?.archived ?? false,
        evidence: (ctx.evidence ?? [])
          .filter((e) => e.kind !== 'reply' && e.kind !== 'recheck')
          .map((e) => ({ kind: e.kind, sha256: e.sha256, capturedAt: e.capturedAt, filename: evidenceFilename(e) })),
        infringingUrls: n.urls,
      };
    }
  }
}
