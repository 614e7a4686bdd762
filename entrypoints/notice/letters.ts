import type { PracticeOffers } from '../../components/notice/PracticeLetters';
import { letterServices } from '../../lib/db/letter-services';
import { services } from '../../lib/db/services';
import type { Letter } from '../../lib/model/letter';
import type { Notice, NoticeEvent } from '../../lib/model/notice';
import { mailtoFor } from '../../lib/notices/mailto';
import { prefillLetter } from '../../lib/notices/letters/prefill';
import type { LetterKind } from '../../lib/notices/letters/schema';
import { ladderExtras } from '../../lib/tracking/miit-route';
import type { MiitOffer } from '../../lib/tracking/miit-route';
import { DEFAULT_REPEAT_THRESHOLD, type RepeatGroup } from '../../lib/tracking/repeat-infringers';

export const letters = letterServices();

interface Offered {
  offers: PracticeOffers;
  repeat: RepeatGroup | null;
  miit: MiitOffer | null;
}

/** Which follow-up letters this notice's history calls for (issue 12). */
export async function practiceOffersFor(notice: Notice, events: readonly NoticeEvent[]): Promise<Offered> {
  const hasCounter = events.some((e) => e.kind === 'counter_notice_received');
  const counter =
    hasCounter && notice.regime === 'us-dmca'
      ? 'us_action_filed'
      : hasCounter && notice.regime === 'cn'
        ? 'cn_action_filed'
        : null;
  const { practice, settings } = services();
  const threshold = (await settings.read('defaults')).value?.repeatThreshold ?? DEFAULT_REPEAT_THRESHOLD;
  const repeat = notice.sent ? await practice.repeatOfferFor(notice, threshold) : null;
  const miit = notice.sent ? ladderExtras(notice, await practice.icpOf(notice)).miit : null;
  return {
    offers: {
      counter,
      repeat: repeat
        ? { count: repeat.notices.length, subject: repeat.subject.value, provider: repeat.provider.name }
        : null,
      miit: miit ? { host: miit.host.name } : null,
    },
    repeat,
    miit,
  };
}

/** Drafts a letter of `kind` from the notice and what the practice stored, and opens it as a tracked record. */
export async function startLetter(
  kind: LetterKind,
  notice: Notice,
  events: readonly NoticeEvent[],
  offered: Offered,
): Promise<Letter> {
  const { evidence: evidenceRepo, practice, settings } = services();
  const letterhead = (await settings.read('letterhead')).value;
  // The one rule for what a notice cites: its own capture, never another notice's replies.
  const evidence = await evidenceRepo.forNotice(notice);
  const icp = kind === 'miit_unfiled' ? await practice.icpOf(notice) : null;
  const facts = prefillLetter(kind, {
    notice,
    events,
    letterhead,
    repeat: offered.repeat,
    miit: offered.miit,
    icp,
    evidence,
  });
  const related = kind === 'repeat_infringer' && offered.repeat ? offered.repeat.notices.map((n) => n.id) : [];
  return letters.createDraft({ followsUp: notice.id, relatedNoticeIds: related, facts });
}

/** The letters linked to a notice, each with its log. */
export async function letterTimelines(noticeId: string): Promise<{ letter: Letter; events: NoticeEvent[] }[]> {
  const list = await letters.lettersFor(noticeId);
  const out = await Promise.all(list.map((l) => letters.getTimeline(l.id)));
  return out.filter((t): t is { letter: Letter; events: NoticeEvent[] } => t !== null);
}

export function letterMailto(subject: string, text: string, emails: string[]): string | null {
  if (emails.length === 0) return null;
  const r = mailtoFor({ subject, text }, emails);
  return 'url' in r ? r.url : null;
}
