import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { GroupList, type GroupRow } from '../../components/bulk/GroupList';
import { GroupUrls } from '../../components/bulk/GroupUrls';
import { LookupProgress } from '../../components/bulk/LookupProgress';
import { UnresolvedHosts } from '../../components/bulk/UnresolvedHosts';
import { ValidationSummary } from '../../components/bulk/ValidationSummary';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT } from '../../components/i18n';
import { DraftPanel, type DraftFields } from '../../components/report/DraftPanel';
import { SendPanel } from '../../components/report/SendPanel';
import { SendNow } from '../../components/report/SendNow';
import { useMailStatus } from '../../components/use-mail-status';
import { failingAmong } from '../../lib/mail/failing-addresses';
import { groupBulk, type BulkGroup, type GroupRole } from '../../lib/bulk/group';
import { previewNotice, type GroupNoticeInput } from '../../lib/bulk/group-notice';
import { progressOf } from '../../lib/bulk/plan';
import { compileWorks, suggestWorks, urlWords } from '../../lib/bulk/works';
import type { BulkState, GroupChoice, SharedFields } from '../../lib/bulk/state';
import { bulkSummaryCsv } from '../../lib/bulk/summary-csv';
import type { BulkBatch } from '../../lib/db/bulk-batches';
import { services, useSetting, useWorks } from '../../lib/db/services';
import type { Letterhead } from '../../lib/model/letterhead';
import type { Notice, SendChannel } from '../../lib/model/notice';
import type { Work } from '../../lib/model/work';
import type { Recipient } from '../../lib/model/recipient';
import { draftNotice, type NoticeDraft } from '../../lib/notices/draft';
import { regimeHint } from '../../components/report/regime-hint';
import { caseFromNotice } from '../../lib/report/case';
import { reportPageQuery } from '../../lib/report/target';
import { mailtoFits, printLetter, sendByEmail } from '../report/send';
import { sendGroup } from './send-group';
import { bulkStore, repo } from './services';
import { useBulkLookup } from './use-bulk-lookup';
import { useBusyAction } from '../../components/use-busy-action';
import { checklistLangFor } from '../../lib/i18n';

const EMPTY_WORKS: Work[] = [];
type Loaded = { batch: BulkBatch } | { error: unknown };
type DraftEntry = { draft: NoticeDraft | null; notice: Notice | null; error: unknown };

function downloadText(text: string, type: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function BulkSession({ id, autoStart }: { id: string; autoStart: boolean }) {
  const t = useT();
  const loaded = useLiveQuery(
    (): Promise<Loaded> =>
      bulkStore.get(id).then(
        (b) => (b ? { batch: b } : { error: new Error('not found') }),
        (error: unknown) => ({ error }),
      ),
    [id],
  );
  const works = useWorks() ?? EMPTY_WORKS;
  const letterhead = useSetting('letterhead')?.value ?? null;
  const defaults = useSetting('defaults')?.value;
  const lookup = useBulkLookup(id);
  const state = loaded && 'batch' in loaded ? loaded.batch.state : null;

  const started = useRef(false);
  useEffect(() => {
    if (!autoStart || started.current || !state || state.lookup !== 'not_started') return;
    started.current = true;
    void lookup.start();
  }, [autoStart, state, lookup]);

  if (!loaded) return <p className="muted">{t('loading')}</p>;
  if ('error' in loaded || !state) return <ErrorMessage error={'error' in loaded ? loaded.error : null} />;
  return (
    <Session
      id={id}
      state={state}
      works={works}
      letterhead={letterhead}
      defaults={defaults && defaults.regime !== 'auto' ? { regime: defaults.regime, lang: defaults.lang } : undefined}
      lookup={lookup}
    />
  );
}

interface SessionProps {
  id: string;
  state: BulkState;
  works: Work[];
  letterhead: Letterhead | null;
  defaults: GroupNoticeInput['defaults'];
  lookup: ReturnType<typeof useBulkLookup>;
}

function Session({ id, state, works, letterhead, defaults, lookup }: SessionProps) {
  // Issue 18: "Send now" when the backend has a mail server; addresses that bounced are flagged.
  const mail = useMailStatus();
  const failing = useSetting('failingAddresses')?.value;
  const t = useT();
  const hosts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const u of state.urls) counts.set(u.host, (counts.get(u.host) ?? 0) + 1);
    return [...counts].map(([host, count]) => ({ host, count })).sort((a, b) => b.count - a.count);
  }, [state.urls]);
  const progress = progressOf(state.urls, state.outcomes);
  const grouping = useMemo(
    () => groupBulk(state.urls, state.outcomes, state.role, state.manual),
    [state.urls, state.outcomes, state.role, state.manual],
  );

  // Shared fields are edited locally and saved shortly after each change, and before any send.
  const [shared, setShared] = useState<SharedFields>(state.shared);
  const pending = useRef<SharedFields | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const p = pending.current;
    if (!p) return;
    pending.current = null;
    await bulkStore.update(id, (s) => ({ ...s, shared: p }));
  }, [id]);
  useEffect(() => {
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, [flush]);
  const changeShared = (patch: Partial<SharedFields>) => {
    const next = { ...shared, ...patch };
    setShared(next);
    pending.current = next;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 300);
  };
  const updateChoice = (key: string, change: (c: GroupChoice) => GroupChoice) =>
    bulkStore.update(id, (s) => ({ ...s, groups: { ...s.groups, [key]: change(s.groups[key] ?? { excluded: [] }) } }));

  const noticeIds = Object.values(state.groups).flatMap((c) => (c.noticeId ? [c.noticeId] : []));
  const notices = useLiveQuery(() => repo.bulkGetNotices(noticeIds), [noticeIds.join()]) ?? new Map<string, Notice>();
  const sentNotice = (g: BulkGroup) => {
    const n = notices.get(state.groups[g.key]?.noticeId ?? '');
    return n && n.status !== 'draft' ? n : null;
  };

  const urlWorks = useMemo(() => new Map(state.urls.map((u) => [u.url, u.workIds])), [state.urls]);
  // The detection scorer's catalog matcher, run on each URL's words, suggests its work.
  const suggested = useMemo(() => {
    const compiled = compileWorks(works);
    return new Map(state.urls.map((u) => [u.url, suggestWorks(compiled, works, urlWords(u.url))]));
  }, [state.urls, works]);
  const assignWorks = (urls: readonly string[], workIds: string[]) => {
    const set = new Set(urls);
    return bulkStore.update(id, (s) => ({ ...s, urls: s.urls.map((u) => (set.has(u.url) ? { ...u, workIds } : u)) }));
  };
  const inputFor = useCallback(
    (g: BulkGroup, fields = shared): GroupNoticeInput => ({
      batchId: id,
      group: g,
      shared: fields,
      choice: state.groups[g.key],
      works,
      defaults,
      urlWorks,
    }),
    [id, shared, state.groups, works, defaults, urlWorks],
  );
  const draftOf = useCallback(
    (g: BulkGroup, fields: SharedFields): DraftEntry => {
      try {
        const notice = previewNotice(inputFor(g, fields), new Date());
        const input = notice ? caseFromNotice(notice, { letterhead, works, evidence: [] }) : null;
        return {
          notice,
          draft: input
            ? draftNotice(input, {
                now: () => new Date(),
                checklistLang: checklistLangFor(document.documentElement.lang),
              })
            : null,
          error: null,
        };
      } catch (error) {
        return { notice: null, draft: null, error };
      }
    },
    [inputFor, letterhead, works],
  );
  // Every group's checklist is redrawn from a deferred copy, so typing stays quick with hundreds of groups.
  const deferredShared = useDeferredValue(shared);
  const drafts = useMemo(
    () => new Map(grouping.groups.map((g) => [g.key, draftOf(g, deferredShared)])),
    [grouping, draftOf, deferredShared],
  );

  const [activeKey, setActiveKey] = useState<string | null>(null);
  const active = grouping.groups.find((g) => g.key === activeKey) ?? grouping.groups[0] ?? null;
  const rows: GroupRow[] = grouping.groups.map((g) => ({
    key: g.key,
    name: g.recipient.name,
    role: g.recipient.role,
    urlCount: g.urls.length,
    hostCount: g.hosts.length,
    state: sentNotice(g) ? 'sent' : drafts.get(g.key)?.draft?.sendable ? 'ready' : 'incomplete',
  }));
  const roleLocked = noticeIds.length > 0;

  const { busy, error: sendError, act } = useBusyAction(flush);

  const summary = () =>
    downloadText(
      bulkSummaryCsv({
        grouping,
        role: state.role,
        rejected: state.rejected,
        outcome: (g) => {
          const sent = sentNotice(g);
          return {
            notice: sent?.id ?? '',
            status: sent ? 'sent' : drafts.get(g.key)?.draft?.sendable ? 'draft' : 'incomplete',
          };
        },
        excluded: (g) => new Set(state.groups[g.key]?.excluded ?? []),
      }),
      'text/csv;charset=utf-8',
      `bulk-report-${id.slice(5, 13)}.csv`,
    );

  return (
    <>
      <section className="step card">
        <h2>{t('bulkStepInput')}</h2>
        <ValidationSummary validCount={state.urls.length} blank={state.blank} rejected={state.rejected} hosts={hosts} />
      </section>

      <section className="step card">
        <h2>{t('bulkStepLookup')}</h2>
        <LookupProgress
          progress={progress}
          status={state.lookup}
          running={lookup.running}
          error={
            lookup.error ?? (state.lookup === 'interrupted' && state.lastError ? new Error(state.lastError) : null)
          }
          onStart={() => void lookup.start()}
          onCancel={lookup.cancel}
          onRetryFailed={() => void lookup.start({ retryFailed: true })}
        />
        {lookup.answeredBy && (
          <p className="muted" data-testid="lookup-source" data-answered-by={lookup.answeredBy}>
            {t(lookup.answeredBy === 'backend' ? 'answeredBy_backend' : 'answeredBy_browser')}
          </p>
        )}
      </section>

      <section className="step card">
        <h2>{t('bulkStepGroups')}</h2>
        <UnresolvedHosts
          hosts={grouping.unresolved.filter((u) => u.reason !== 'pending' || !lookup.running)}
          onAssign={(host, r: Recipient) =>
            void bulkStore.update(id, (s) => ({ ...s, manual: { ...s.manual, [host]: r } }))
          }
        />
        <GroupList
          role={state.role}
          roleLocked={roleLocked}
          onRole={(role: GroupRole) => void bulkStore.update(id, (s) => ({ ...s, role }))}
          groups={rows}
          activeKey={active?.key ?? null}
          onSelect={(k) => void flush().then(() => setActiveKey(k))}
        />
        <div className="row">
          <button type="button" data-testid="bulk-summary" onClick={summary}>
            {t('bulkDownloadSummary')}
          </button>
        </div>
        {active && groupPanel(active)}
      </section>
    </>
  );

  // A plain render function, not a component defined in a component: that would remount on every render.
  function groupPanel(group: BulkGroup) {
    const entry = draftOf(group, shared);
    const choice = state.groups[group.key];
    const sent = sentNotice(group);
    const notice = entry?.notice ?? null;
    // A sent group shows what was sent, not the report's current shared fields.
    const fields: DraftFields = sent
      ? {
          workIds: sent.workIds,
          regime: sent.regime,
          lang: sent.lang,
          explanation: sent.explanation,
          measure: sent.measure,
          fairUseConsidered: sent.fairUseConsidered,
          fairUseNote: sent.fairUseNote,
          idDocument: sent.idDocument,
          ownershipProof: sent.ownershipProof,
          confirmations: sent.confirmations,
        }
      : { ...shared, regime: notice?.regime ?? 'generic', lang: notice?.lang ?? 'en' };
    const draft = entry?.draft ?? null;
    const onChange = (patch: Partial<DraftFields>) => {
      const { regime, lang, ...rest } = patch;
      if (regime || lang)
        void updateChoice(group.key, (c) => ({ ...c, ...(regime ? { regime } : {}), ...(lang ? { lang } : {}) }));
      if (Object.keys(rest).length > 0) changeShared(rest);
    };
    return (
      <div key={group.key} className="bulk-group-panel" data-testid="group-panel" data-recipient={group.recipient.name}>
        <h3>
          {group.recipient.name}{' '}
          <span className="mono muted">
            {[...group.recipient.emails, group.recipient.formUrl].filter(Boolean).join(', ')}
          </span>
        </h3>
        <p className="muted">{t('bulkSharedHint')}</p>
        <GroupUrls
          urls={group.urls}
          excluded={new Set(choice?.excluded ?? [])}
          standIns={group.standIns}
          readOnly={Boolean(sent)}
          works={works}
          urlWorks={urlWorks}
          suggested={suggested}
          onAssign={(urls, workIds) => void assignWorks(urls, workIds)}
          onToggle={(url) =>
            void updateChoice(group.key, (c) => ({
              ...c,
              excluded: c.excluded.includes(url) ? c.excluded.filter((u) => u !== url) : [...c.excluded, url],
            }))
          }
        />
        <DraftPanel
          fields={fields}
          onChange={onChange}
          works={works}
          onAddWork={async (w) => void (await services().works.put(w))}
          newId={() => crypto.randomUUID()}
          suggestion={regimeHint(group.recipient, t)}
          draft={sent ? null : draft}
          draftError={entry?.error ?? null}
          readOnly={Boolean(sent)}
        />
        {sent?.sent && (
          <pre className="preview" data-testid="sent-text">
            {sent.sent.text}
          </pre>
        )}
        {sendError ? <ErrorMessage error={sendError} /> : null}
        {(draft || sent) && notice ? (
          <SendPanel
            draft={draft ?? ({ sendable: false, text: sent?.sent?.text ?? '', formFields: {} } as never)}
            recipient={group.recipient}
            mailtoFits={draft ? mailtoFits(notice, draft) : false}
            hasAttachments={false}
            sent={sent?.sent ?? null}
            busy={busy}
            onEmail={() => void act(() => sendByEmail(notice, draft!, letterhead))}
            onForm={() => void act(() => browser.tabs.create({ url: group.recipient.formUrl! }))}
            onCopy={(text) => navigator.clipboard.writeText(text)}
            onPdf={() => draft && printLetter(draft)}
            onMarkSent={(channel: SendChannel) =>
              void act(() =>
                sendGroup({
                  input: inputFor(group),
                  group,
                  letterhead,
                  works,
                  channel,
                  checklistLang: checklistLangFor(document.documentElement.lang),
                }),
              )
            }
            sendNow={
              mail.status?.smtp.configured ? (
                <SendNow
                  to={group.recipient.emails}
                  failing={failingAmong(failing, group.recipient.emails)}
                  disabled={!draft?.sendable || busy}
                  onSend={() =>
                    void act(() =>
                      sendGroup({
                        input: inputFor(group),
                        group,
                        letterhead,
                        works,
                        channel: 'smtp',
                        checklistLang: checklistLangFor(document.documentElement.lang),
                      }),
                    )
                  }
                />
              ) : null
            }
            onCorrection={() =>
              void act(async () => {
                if (!sent) return;
                const c = await repo.createCorrection(sent.id);
                await browser.tabs.create({
                  url: browser.runtime.getURL(
                    `/report.html${reportPageQuery({ url: c.urls[0] ?? '', kind: 'page', draftId: c.id })}` as '/report.html',
                  ),
                });
              })
            }
          />
        ) : (
          <p className="error">{t('bulkAllExcluded')}</p>
        )}
      </div>
    );
  }
}
