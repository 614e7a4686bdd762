import { AppError } from '../errors';
import type { Notice } from '../model/notice';
import type { Recipient } from '../model/recipient';
import { readIcp, type IcpReading } from '../evidence/icp';
import { art17Locks, itemKey, type Art17Lock } from '../tracking/art17-lock';
import { sameParty } from '../tracking/escalation';
import { repeatOffer, type RepeatGroup } from '../tracking/repeat-infringers';
import type { TakedownDb } from './schema';

/**
 * The stored facts the practice letters are offered from: locks after counter-statements,
 * repeat groups, and the ICP numbers of a notice's capture. Pages call these, never Dexie.
 */

/** Art. 17 locks on a prospective notice: earlier notices listing any of its URLs, with their logs. */
export async function art17LocksFor(
  db: TakedownDb,
  candidate: { urls: readonly string[]; recipient: Recipient | null; excludeId?: string },
): Promise<Art17Lock[]> {
  if (!candidate.recipient || candidate.urls.length === 0) return [];
  const keys = [...new Set(candidate.urls.flatMap((u) => [u, itemKey(u)]))];
  const rows = await db.urls.where('url').anyOf(keys).toArray();
  const ids = [...new Set(rows.map((r) => r.noticeId))].filter((id) => id !== candidate.excludeId);
  if (ids.length === 0) return [];
  const earlier = (await db.notices.bulkGet(ids)).filter(
    (n): n is Notice => n !== undefined && n.regime === 'cn' && n.sent !== null,
  );
  const history = await Promise.all(
    earlier.map(async (notice) => ({
      notice,
      events: await db.events.where('noticeId').equals(notice.id).sortBy('seq'),
    })),
  );
  return art17Locks(candidate, history);
}

/** The repeat-infringer group this notice belongs to, once it has reached the threshold. */
export async function repeatOfferFor(db: TakedownDb, notice: Notice, threshold: number): Promise<RepeatGroup | null> {
  const to = notice.sent?.recipient;
  if (!to) return null;
  const sent = await db.notices
    .where('sentAt')
    .above('')
    .filter((n) => n.sent !== null && sameParty(n.sent.recipient, to))
    .toArray();
  return repeatOffer(notice, sent, threshold);
}

/** The ICP numbers the notice's captured page shows; archived is false when no HTML was captured. */
export async function icpOfNotice(db: TakedownDb, notice: Pick<Notice, 'captureId'>): Promise<IcpReading> {
  if (!notice.captureId) return { archived: false, numbers: [] };
  const rows = await db.evidence.where('captureId').equals(notice.captureId).toArray();
  return readIcp(
    rows.map((r) => ({ id: r.id, kind: r.kind })),
    async (id) => {
      const row = rows.find((r) => r.id === id);
      return row ? await row.blob.text() : null;
    },
  );
}

/**
 * Refuses to go on with a notice whose items are locked by art. 17, naming each reason; for the
 * paths that send without the report page's preview (bulk groups) and as a last check before
 * "Mark as sent".
 */
export async function assertNotLocked(
  db: TakedownDb,
  notice: Pick<Notice, 'id' | 'urls' | 'recipient'>,
  lang: 'en' | 'zh' = 'en',
): Promise<void> {
  const locks = await art17LocksFor(db, { urls: notice.urls, recipient: notice.recipient, excludeId: notice.id });
  if (locks.length === 0) return;
  throw new AppError('incomplete_notice', locks.map((l) => l.reason[lang]).join(' '), {
    locks: locks.map((l) => ({ url: l.url, noticeId: l.noticeId })),
  });
}
