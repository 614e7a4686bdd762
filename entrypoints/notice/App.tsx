import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { CaseActions } from '../../components/notice/CaseActions';
import { LetterCard } from '../../components/notice/LetterCard';
import { PracticeLetters } from '../../components/notice/PracticeLetters';
import { HistoryCheck } from '../../components/notice/HistoryCheck';
import { NoticeSummary } from '../../components/notice/NoticeSummary';
import { RelatedNotices } from '../../components/notice/RelatedNotices';
import { ReplyForm } from '../../components/notice/ReplyForm';
import { ReplySuggestions } from '../../components/notice/ReplySuggestions';
import { confirmSuggestion, dismissSuggestion, pendingSuggestions } from '../../lib/mail/reply-suggestion';
import { Timeline } from '../../components/notice/Timeline';
import { useT } from '../../components/i18n';
import type { HistoryVerdict } from '../../lib/db/notices-repo';
import type { Notice } from '../../lib/model/notice';
import { reportPageQuery } from '../../lib/report/target';
import { counterWindowFromLog, followUpBasis } from '../../lib/tracking/clocks-from-log';
import { ESCALATABLE } from '../../lib/tracking/status';
import { disclosedHostOf } from '../../lib/report/disclosed-host';
import { ErrorMessage } from '../../components/ErrorMessage';
import { recheckNotice, recordReply, relatedNotices, repo } from './actions';
import { checklistLangFor } from '../../lib/i18n';
import { letterMailto, letters, letterTimelines, practiceOffersFor, startLetter } from './letters';
import { TimestampPanel } from '../../components/notice/TimestampPanel';
import { PackageButton } from '../../components/notice/PackageButton';
import {
  buildPackage,
  copyTeamEvidence,
  downloadTeamEvidence,
  downloadZip,
  retryStamp,
  stampsOf,
  verifyStamp,
} from './evidence';
import { TeamStatus } from '../../components/notice/TeamStatus';
import { services, useSetting } from '../../lib/db/services';

const pageUrl = (n: Notice) =>
  n.status === 'draft'
    ? browser.runtime.getURL('/report.html') + reportPageQuery({ url: n.urls[0] ?? '', kind: 'page', draftId: n.id })
    : `${browser.runtime.getURL('/notice.html')}?id=${encodeURIComponent(n.id)}`;

export function App({ id }: { id: string }) {
  const t = useT();
  // null: no such notice (deleted, or a stale link from a notification).
  const timeline = useLiveQuery(() => (id ? repo.getTimeline(id) : Promise.resolve(null)), [id]);
  const related =
    useLiveQuery(
      () => (timeline ? relatedNotices(timeline.notice) : Promise.resolve([])),
      [timeline?.notice.updatedAt, id],
    ) ?? [];
  const [verdict, setVerdict] = useState<{ v: HistoryVerdict; events: number } | null>(null);
  // Follow-up letters (issue 12): what the history calls for, and the letters already begun.
  const offered = useLiveQuery(
    () => (timeline ? practiceOffersFor(timeline.notice, timeline.events) : Promise.resolve(null)),
    [timeline?.notice.updatedAt, id],
  );
  const letterList = useLiveQuery(() => (id ? letterTimelines(id) : Promise.resolve([])), [id]) ?? [];
  const [notifyError, setNotifyError] = useState<unknown>(null);
  // Issue 19: where the notice stands on the team server, re-read as its log grows or a sync records it.
  const teamSetting = useSetting('team')?.value;
  const joined = Boolean(teamSetting?.enabled);
  const teamUser = teamSetting?.user ?? null;
  const teamRow = useLiveQuery(() => (id ? services().team.get(id) : Promise.resolve(null)), [id]) ?? null;
  const teamMissing =
    useLiveQuery(() => (id ? services().team.missingEvidence(id) : Promise.resolve([])), [id, teamRow?.syncedAt]) ?? [];
  // Issue 15: re-read when the log grows (a seal or a retry appends an event) or evidence is added.
  const stamps =
    useLiveQuery(
      () => (timeline ? stampsOf(timeline.notice) : Promise.resolve([])),
      [timeline?.notice.updatedAt, timeline?.events.length, id],
    ) ?? [];

  if (timeline === undefined)
    return (
      <main className="page">
        <p className="muted">{t('loading')}</p>
      </main>
    );
  if (timeline === null) {
    return (
      <main className="page">
        <h1>{t('noticeTitle')}</h1>
        <p className="empty" data-testid="notice-gone">
          {t('noticeGone')}
        </p>
      </main>
    );
  }
  const { notice, events } = timeline;
  const editable = notice.status === 'draft';
  const fromCdn = (notice.sent?.recipient.role ?? notice.recipient?.role) === 'cdn';
  const disclosed = fromCdn && notice.sent ? disclosedHostOf(events) : null;

  return (
    <main className="page">
      <h1>
        {t('noticeTitle')}: {notice.host}
      </h1>
      {editable && (
        <p>
          <a className="button" href={pageUrl(notice)}>
            {t('openInReport')}
          </a>
        </p>
      )}
      <NoticeSummary
        notice={notice}
        basis={followUpBasis(notice, events)}
        counterWindow={counterWindowFromLog(events)}
      />
      {disclosed && (
        <section className="card card--action" data-testid="disclosed-host">
          <h2>{t('disclosedTitle', disclosed.name)}</h2>
          <p>{t('disclosedExplain')}</p>
          {disclosed.emails.length > 0 && <p className="mono">{disclosed.emails.join(', ')}</p>}
          {notifyError ? <ErrorMessage error={notifyError} /> : null}
          <button
            type="button"
            className="primary"
            data-testid="notify-disclosed"
            onClick={() =>
              void repo.notifyDisclosedHost(notice.id, disclosed).then(
                (draft) => location.assign(pageUrl(draft)),
                (err: unknown) => setNotifyError(err),
              )
            }
          >
            {t('notifyDisclosed')}
          </button>
        </section>
      )}
      {(joined || teamRow) && (
        <TeamStatus
          row={teamRow}
          head={events.at(-1)?.hash ?? null}
          sent={notice.sent !== null}
          onDownload={downloadTeamEvidence}
          missing={teamMissing.length}
          onCopy={(progress) => copyTeamEvidence(notice.id, progress)}
        />
      )}
      <TimestampPanel
        stamps={stamps}
        canSeal={notice.sent !== null}
        onVerify={(s) => verifyStamp(notice, s)}
        onRetry={(covers) => retryStamp(notice, covers)}
      />
      {notice.sent && <PackageButton onBuild={() => buildPackage(notice)} onDownload={downloadZip} />}
      <RelatedNotices related={related} onOpen={(n) => location.assign(pageUrl(n))} />
      {offered && (
        <PracticeLetters
          offers={offered.offers}
          count={letterList.length}
          begun={letterList.filter((l) => l.letter.status !== 'withdrawn').map((l) => l.letter.kind)}
          onStart={async (kind) => void (await startLetter(kind, notice, events, offered))}
        >
          {letterList.map(({ letter, events: log }) => (
            <LetterCard
              key={letter.id}
              letter={letter}
              events={log}
              checklistLang={checklistLangFor(document.documentElement.lang)}
              now={() => new Date()}
              onSave={async (facts) => void (await letters.saveDraft(letter.id, facts))}
              onMarkSent={async (channel, text) =>
                void (await letters.markSent(letter.id, { at: new Date().toISOString(), channel, text }))
              }
              onRecord={async (kind) => void (await letters.recordEvent(letter.id, kind))}
              onCopy={(text) => navigator.clipboard.writeText(text)}
              onVerify={() => letters.verifyHistory(letter.id)}
              mailto={(subject, text) => letterMailto(subject, text, letter.facts.recipient.emails)}
            />
          ))}
        </PracticeLetters>
      )}
      <ReplySuggestions
        suggestions={pendingSuggestions(notice, events)}
        formUrl={(notice.sent?.recipient ?? notice.recipient)?.formUrl ?? null}
        canEscalate={ESCALATABLE.includes(notice.status)}
        onConfirm={async (eventId) => void (await confirmSuggestion(repo, notice.id, eventId))}
        onDismiss={async (eventId) => void (await dismissSuggestion(repo, notice.id, eventId))}
        onEscalate={async () => location.assign(pageUrl((await repo.escalate(notice.id)).draft))}
      />
      <section className="card">
        <h2>{t('recordReply')}</h2>
        <ReplyForm
          status={notice.status}
          regime={notice.regime}
          fromCdn={fromCdn}
          onSubmit={(r) => recordReply(notice, r)}
        />
      </section>
      <section className="card">
        <h2>{t('timeline')}</h2>
        <CaseActions
          canEscalate={ESCALATABLE.includes(notice.status)}
          canRecheck={notice.sent !== null}
          onVerify={async () => {
            const v = await repo.verifyHistory(notice.id);
            if (v) setVerdict({ v, events: events.length });
          }}
          onRecheck={() => recheckNotice(notice)}
          onEscalate={async () => {
            const { draft } = await repo.escalate(notice.id);
            location.assign(pageUrl(draft));
          }}
        />
        {verdict && verdict.events === events.length && <HistoryCheck verdict={verdict.v} events={verdict.events} />}
        <Timeline events={events} by={teamRow?.eventsBy} me={teamUser?.name ?? null} />
      </section>
    </main>
  );
}
