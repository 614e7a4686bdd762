import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DraftPanel, type DraftFields } from '../../components/report/DraftPanel';
import { EvidencePanel, type EvidenceView } from '../../components/report/EvidencePanel';
import { RecipientsPanel } from '../../components/report/RecipientsPanel';
import { SendPanel } from '../../components/report/SendPanel';
import { SendNow } from '../../components/report/SendNow';
import { useMailStatus } from '../../components/use-mail-status';
import { failingAmong } from '../../lib/mail/failing-addresses';
import { UnreportableTarget } from '../../components/report/UnreportableTarget';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useT, type MessageKey } from '../../components/i18n';
import type { LookupResult } from '../../lib/contract';
import { sendDeps, services, useDocuments, useSetting, useWorks } from '../../lib/db/services';
import { canSend } from '../../lib/model/team';
import { DocumentsPicker } from '../../components/report/DocumentsPicker';
import type { RightsDocumentMeta } from '../../lib/model/rights-document';
import type { EvidenceMeta } from '../../lib/model/evidence';
import type { Letterhead } from '../../lib/model/letterhead';
import type { Notice, SendChannel } from '../../lib/model/notice';
import type { PriorNotice } from '../../lib/notices/case';
import type { NoticeDraft } from '../../lib/notices/draft';
import { sameRecipient, type Recipient } from '../../lib/model/recipient';
import { regimeHint } from '../../components/report/regime-hint';
import { draftOf, sendNotice } from '../../lib/report/send-notice';
import { reportPageQuery, type ReportTarget } from '../../lib/report/target';
import {
  evidenceOf,
  openSession,
  repo,
  saveShared,
  selectRecipient,
  sessionNotices,
  unselectRecipient,
  type Session,
} from './session';
import { mailtoFits, printLetter, sendByEmail } from './send';
import { useLookup } from './use-lookup';
import { useAllowOrigin } from './use-allow-origin';
import { LookupSource } from '../../components/report/LookupSource';
import { useBusyAction } from '../../components/use-busy-action';
import { checklistLangFor } from '../../lib/i18n';
import { Art17LockBanner } from '../../components/notice/Art17LockBanner';
import { PrivacyPanel } from '../../components/notice/PrivacyPanel';
import { serviceKindOf } from '../../lib/model/recipient';
import { privacyAdvice, withholdSenderDetails } from '../../lib/providers/privacy';
import type { Art17Lock } from '../../lib/tracking/art17-lock';
import type { Work } from '../../lib/model/work';

// Stable empty lists while a live query loads, so hooks that depend on them do not rerun on every render.
const NO_EVIDENCE: Awaited<ReturnType<typeof evidenceOf>> = [];
const NO_DOCUMENTS: RightsDocumentMeta[] = [];
const NO_WORKS: Work[] = [];
const NO_LOCKS: Art17Lock[] = [];

export function App({ target }: { target: ReportTarget }) {
  const t = useT();
  return (
    <main className="page steps">
      <h1>{t('reportTitle')}</h1>
      {target.ok ? <ReportSession target={target} /> : <UnreportableTarget target={target} />}
    </main>
  );
}

const fieldsOf = (n: Notice): DraftFields => ({
  workIds: n.workIds,
  regime: n.regime,
  lang: n.lang,
  explanation: n.explanation,
  measure: n.measure,
  fairUseConsidered: n.fairUseConsidered,
  fairUseNote: n.fairUseNote,
  idDocument: n.idDocument,
  ownershipProof: n.ownershipProof,
  confirmations: n.confirmations,
});

/** A draft as shown: the stored record with the edits not yet saved. */
const viewOf = (n: Notice | null, f: DraftFields | null) => (n && f && n.status === 'draft' ? { ...n, ...f } : n);

/** The letter previewed for a draft, or why it cannot be written yet. */
function letterOf(
  view: Notice | null,
  ctx: {
    letterhead: Letterhead | null;
    works: Work[];
    evidenceRows: EvidenceMeta[];
    priorNotices: PriorNotice[] | undefined;
    icp: readonly string[] | undefined;
    locks: readonly Art17Lock[];
    documents: readonly RightsDocumentMeta[];
  },
): { draft: NoticeDraft | null; draftError: unknown } {
  // An escalation's letter must cite the earlier notices: no preview until they are read.
  if (!view || (view.escalatedFrom && ctx.priorNotices === undefined)) return { draft: null, draftError: null };
  try {
    const checklistLang = checklistLangFor(document.documentElement.lang);
    const evidence = ctx.evidenceRows;
    const opts = {
      letterhead: ctx.letterhead,
      works: ctx.works,
      evidence,
      priorNotices: ctx.priorNotices ?? [],
      checklistLang,
      icp: ctx.icp,
      locks: ctx.locks,
      // The documents chosen for this notice, in the order chosen (issue 15), as sendNotice will read them.
      documents: view.documentIds.flatMap((id) => ctx.documents.filter((d) => d.id === id)),
    };
    return { draft: draftOf(view, { ...opts, now: () => new Date() }), draftError: null };
  } catch (err) {
    return { draft: null, draftError: err };
  }
}

let opening: Promise<Session> | null = null;

function ReportSession({ target }: { target: Extract<ReportTarget, { ok: true }> }) {
  const t = useT();
  const [session, setSession] = useState<Session | null>(null);
  const [fatal, setFatal] = useState<unknown>(null);

  useEffect(() => {
    opening ??= openSession(target);
    opening.then((s) => {
      setSession(s);
      // The draft id goes into the address, so a reload or a restored tab reopens the same draft.
      history.replaceState(
        null,
        '',
        reportPageQuery({
          url: target.url || 'about:blank',
          kind: target.kind,
          draftId: s.primaryId,
          captureId: target.captureId ?? undefined,
        }),
      );
    }, setFatal);
  }, [target]);

  const notices = useLiveQuery(
    () => (session ? sessionNotices(session.batchId) : Promise.resolve([] as Notice[])),
    [session],
  );
  const primary = notices?.find((n) => n.id === session?.primaryId) ?? notices?.[0];
  const captureId = primary?.captureId ?? target.captureId;
  const evidenceRows = useLiveQuery(() => evidenceOf(captureId), [captureId]) ?? NO_EVIDENCE;
  const letterhead = useSetting('letterhead')?.value ?? null;
  // Issue 18: "Send now" when the backend has a mail server; addresses that bounced are flagged.
  const mail = useMailStatus();
  const failing = useSetting('failingAddresses')?.value;
  // Issue 19: a team viewer reads but never sends; say so before the user works through the letter.
  const viewer = !canSend(useSetting('team')?.value ?? null);
  const works = useWorks() ?? NO_WORKS;
  const documents = useDocuments() ?? NO_DOCUMENTS;

  const evidence = useEvidenceView(captureId, evidenceRows);
  // The ICP numbers the captured page shows go into the hosting facts the Chinese notice cites.
  const icp = useLiveQuery(() => services().practice.icpOf({ captureId }), [captureId]);

  // Every recipient offered in this session, including ones added after another was sent.
  const candidates = useMemo(
    () => (notices ?? []).reduce((all, n) => mergeCandidates(all, n.candidates), primary?.candidates ?? []),
    [notices, primary],
  );
  const onResult = useCallback(
    (r: LookupResult) => {
      if (session)
        void saveShared(session.batchId, {
          candidates: mergeCandidates(
            r.recipients,
            candidates.filter((c) => c.source === 'manual'),
          ),
        });
    },
    [session, candidates],
  );
  const { state: lookup, run, source: lookupSource } = useLookup(onResult);
  const url = primary?.urls[0] ?? target.url;
  const allowOrigin = useAllowOrigin(() => void headersOf(captureId).then((h) => run(url, h)));
  const started = useRef(false);
  useEffect(() => {
    if (!primary || started.current || candidates.length > 0 || primary.status !== 'draft') return;
    started.current = true;
    void headersOf(captureId).then((headers) => run(url, headers));
  }, [primary, candidates.length, run, url, captureId]);

  const withRecipient = useMemo(() => (notices ?? []).filter((n) => n.recipient), [notices]);
  const [activeId, setActiveId] = useState<string | null>(null);
  // A correction or an escalation shares its predecessor's session; the one named in the address is shown first.
  const shownId = activeId ?? session?.primaryId;
  const active = useMemo(
    () => withRecipient.find((n) => n.id === shownId) ?? withRecipient[0] ?? null,
    [withRecipient, shownId],
  );
  const priorNotices = useLiveQuery(
    async () =>
      active?.escalatedFrom
        ? (await repo.escalationHistory(active.id))
            .filter((n) => n.sentAt)
            .map((n) => ({ date: n.sentAt!, recipient: n.recipientName, id: n.id }))
        : [],
    [active?.id, active?.escalatedFrom],
  );
  // A tick shows at once; the drafts behind it are written a moment later.
  const [pendingPick, setPendingPick] = useState<Record<number, boolean>>({});
  const stored = new Set(
    candidates.flatMap((c, i) => (withRecipient.some((n) => sameRecipient(n.recipient, c)) ? [i] : [])),
  );
  const selected = new Set(candidates.flatMap((_, i) => ((pendingPick[i] ?? stored.has(i)) ? [i] : [])));

  const toggle = async (i: number) => {
    if (!session) return;
    const r = candidates[i];
    if (!r) return;
    const pick = !selected.has(i);
    setPendingPick((p) => ({ ...p, [i]: pick }));
    try {
      if (pick) setActiveId((await selectRecipient(session.batchId, r, candidates)).id);
      else await unselectRecipient(session.batchId, r);
    } catch (err) {
      setPendingPick(({ [i]: _failed, ...rest }) => rest);
      throw err;
    }
  };
  // The optimistic tick gives way once the stored drafts say the same (adjusted while rendering, when they change).
  const storedKey = [...stored].join();
  const [seenStored, setSeenStored] = useState(storedKey);
  if (seenStored !== storedKey) {
    setSeenStored(storedKey);
    const settled = Object.keys(pendingPick).filter((k) => pendingPick[Number(k)] === stored.has(Number(k)));
    if (settled.length > 0) {
      const next = { ...pendingPick };
      for (const k of settled) delete next[Number(k)];
      setPendingPick(next);
    }
  }

  // Local copy of the active draft's fields, saved shortly after each change and before any send.
  const [fields, setFields] = useState<DraftFields | null>(null);
  const pending = useRef<{ id: string; fields: DraftFields; regimeChosen: boolean } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The draft with edits not yet saved: its stored copy must not overwrite what is being typed.
  const [dirtyId, setDirtyId] = useState<string | null>(null);
  const activeKey = active ? `${active.id}@${active.updatedAt}` : '';
  const [seenActive, setSeenActive] = useState('');
  if (seenActive !== activeKey) {
    setSeenActive(activeKey);
    if (active && dirtyId !== active.id) setFields(fieldsOf(active));
  }

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const p = pending.current;
    if (!p || !session) return;
    pending.current = null;
    setDirtyId(null);
    const titles = works.filter((w) => p.fields.workIds.includes(w.id)).map((w) => w.title);
    const { regime, lang, ...shared } = p.fields;
    // One transaction for every draft of the report; unchanged drafts are skipped (repo.autosave).
    await saveShared(
      session.batchId,
      { ...shared, workTitles: titles },
      { id: p.id, patch: p.regimeChosen ? { regime, lang, regimeChosen: true } : { regime, lang } },
    );
  }, [session, works]);
  useEffect(() => {
    const onHide = () => void flush();
    addEventListener('pagehide', onHide);
    return () => removeEventListener('pagehide', onHide);
  }, [flush]);

  const change = (patch: Partial<DraftFields>) => {
    if (!active || !fields) return;
    const next = { ...fields, ...patch };
    setFields(next);
    setDirtyId(active.id);
    const chose = 'regime' in patch || 'lang' in patch;
    pending.current = {
      id: active.id,
      fields: next,
      regimeChosen: chose || (pending.current?.id === active.id && pending.current.regimeChosen),
    };
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), 300);
  };

  // Regulations art. 17: an item a counter-statement answered cannot be notified to that provider again.
  const locks =
    useLiveQuery(
      () =>
        active && active.status === 'draft'
          ? services().practice.locksFor({ urls: active.urls, recipient: active.recipient, excludeId: active.id })
          : Promise.resolve(NO_LOCKS),
      [active?.id, active?.status, active?.recipient?.name, active?.urls.join('\n')],
    ) ?? NO_LOCKS;
  const pageLang = checklistLangFor(document.documentElement.lang);
  const { draft, draftError } = letterOf(viewOf(active, fields), {
    letterhead,
    works,
    evidenceRows,
    priorNotices,
    icp: icp?.numbers,
    locks,
    documents,
  });

  const { busy, error: sendError, act } = useBusyAction(flush);

  if (fatal) return <ErrorMessage error={fatal} />;
  if (!session || !notices || !primary) return <p className="muted">{t('loading')}</p>;
  // A sent recipient stays ticked and locked; the others stay available (issue 13).
  const locked = new Set(
    candidates.flatMap((c, i) =>
      notices.some((n) => n.status !== 'draft' && sameRecipient(n.recipient, c)) ? [i] : [],
    ),
  );

  return (
    <>
      <section className="card">
        <div className="muted">{t(target.kind === 'link' ? 'reportingLink' : 'reportingPage')}</div>
        <div className="mono" data-testid="report-url">
          {url}
        </div>
        {primary.pageTitle && <div>{primary.pageTitle}</div>}
      </section>

      <section className="step card">
        <h2>{t('stepEvidence')}</h2>
        <EvidencePanel evidence={evidence} />
      </section>

      <section className="step card">
        <h2>{t('stepRecipients')}</h2>
        <RecipientsPanel
          state={lookup}
          recipients={candidates}
          selected={selected}
          locked={locked}
          failing={failing}
          onToggle={(i) => void toggle(i)}
          onRetry={() => void headersOf(captureId).then((h) => run(url, h))}
          onAddManual={async (r) => {
            const all = [...candidates, r];
            await saveShared(session.batchId, { candidates: all });
            setActiveId((await selectRecipient(session.batchId, r, all)).id);
          }}
        />
        {lookupSource && (
          <LookupSource
            source={lookupSource}
            onAllowOrigin={(o) => void allowOrigin.allow(o)}
            denied={allowOrigin.denied}
          />
        )}
      </section>

      <section className="step card">
        <h2>{t('stepDraft')}</h2>
        {withRecipient.length === 0 ? (
          <p className="muted">{t('pickRecipientFirst')}</p>
        ) : (
          <>
            {withRecipient.length > 1 && (
              <nav className="tabs" role="tablist">
                {withRecipient.map((n) => (
                  <button
                    key={n.id}
                    role="tab"
                    type="button"
                    aria-selected={n.id === active?.id}
                    onClick={() => void flush().then(() => setActiveId(n.id))}
                  >
                    {n.recipientName} · {t(`status_${n.status}` as MessageKey)}
                  </button>
                ))}
              </nav>
            )}
            {active && active.status === 'draft' && <Art17LockBanner locks={locks} lang={pageLang} />}
            {active && fields && (
              <DraftPanel
                fields={active.status === 'draft' ? fields : fieldsOf(active)}
                onChange={change}
                works={works}
                onAddWork={async (w) => void (await services().works.put(w))}
                newId={() => crypto.randomUUID()}
                suggestion={active.recipient ? regimeHint(active.recipient, t) : ''}
                draft={active.status === 'draft' ? draft : null}
                draftError={draftError}
                readOnly={active.status !== 'draft'}
              />
            )}
            {active && active.status !== 'draft' && active.sent && (
              <pre className="preview" data-testid="sent-text">
                {active.sent.text}
              </pre>
            )}
          </>
        )}
      </section>

      <section className="step card">
        <h2>{t('stepSend')}</h2>
        {viewer && (
          <p className="banner banner--warn" data-testid="team-viewer">
            {t('teamViewerNote')}
          </p>
        )}
        {sendError ? <ErrorMessage error={sendError} /> : null}
        {active?.recipient && (
          <PrivacyPanel
            advice={privacyAdvice(active.recipient)}
            lang={pageLang}
            isCdn={serviceKindOf(active.recipient) === 'cdn'}
            withhold={withholdSenderDetails(active.recipient, active.withholdSenderDetails)}
            readOnly={active.status !== 'draft'}
            onWithhold={(v) => void act(() => repo.saveDraft(active.id, { withholdSenderDetails: v }))}
          />
        )}
        {active && active.status === 'draft' && (
          <DocumentsPicker
            documents={documents}
            chosen={active.documentIds}
            disabled={busy}
            onChange={(ids) => void act(() => repo.saveDraft(active.id, { documentIds: ids }))}
          />
        )}
        {active && active.recipient && (draft || active.sent) ? (
          <SendPanel
            key={active.id}
            draft={draft ?? ({ sendable: false, text: active.sent?.text ?? '', formFields: {} } as never)}
            recipient={active.recipient}
            mailtoFits={draft ? mailtoFits(active, draft) : false}
            sent={active.sent}
            busy={busy}
            onEmail={() => void act(() => sendByEmail(active, draft!, letterhead))}
            onForm={() => void act(() => browser.tabs.create({ url: active.recipient!.formUrl! }))}
            onCopy={(text) => navigator.clipboard.writeText(text)}
            onPdf={() => draft && printLetter(draft)}
            onMarkSent={(channel: SendChannel) =>
              void act(() =>
                sendNotice(sendDeps(), {
                  noticeId: active.id,
                  channel,
                  letterhead,
                  works,
                  checklistLang: checklistLangFor(document.documentElement.lang),
                }),
              )
            }
            sendNow={
              mail.status?.smtp.configured ? (
                <SendNow
                  to={active.recipient.emails}
                  failing={failingAmong(failing, active.recipient.emails)}
                  disabled={!draft?.sendable || busy}
                  onSend={() =>
                    void act(() =>
                      sendNotice(sendDeps(), {
                        noticeId: active.id,
                        channel: 'smtp',
                        letterhead,
                        works,
                        checklistLang: checklistLangFor(document.documentElement.lang),
                      }),
                    )
                  }
                />
              ) : null
            }
            onCorrection={() =>
              void act(async () => {
                const c = await repo.createCorrection(active.id);
                location.search = reportPageQuery({ url: c.urls[0] ?? '', kind: 'page', draftId: c.id });
              })
            }
          />
        ) : (
          <p className="muted">{t('pickRecipientFirst')}</p>
        )}
      </section>
    </>
  );
}

/** Lookup recipients first, then the ones the user typed, without repeating one. */
function mergeCandidates(found: Recipient[], manual: Recipient[]): Recipient[] {
  return [...found, ...manual.filter((m) => !found.some((f) => sameRecipient(f, m)))];
}

/** The response headers captured with the page, as supporting CDN evidence; a damaged blob is skipped. */
async function headersOf(captureId: string | null): Promise<Record<string, string> | undefined> {
  const read = await services().evidence.headers(captureId);
  return read?.ok ? read.value : undefined;
}

function useEvidenceView(captureId: string | null, rows: Awaited<ReturnType<typeof evidenceOf>>): EvidenceView | null {
  // The view is tagged with the rows it was built from, so a stale one is never shown.
  const [built, setBuilt] = useState<{ key: string; view: EvidenceView } | null>(null);
  const key = `${captureId}|${rows.map((r) => r.id).join()}`;
  useEffect(() => {
    if (!captureId || rows.length === 0) return;
    let url: string | null = null;
    let cancelled = false;
    void (async () => {
      const { evidence } = services();
      const shot = rows.find((r) => r.kind === 'screenshot');
      const shotBlob = shot ? await evidence.blob(shot.id) : null;
      const manifest = await evidence.manifest(captureId);
      if (cancelled) return;
      url = shotBlob ? URL.createObjectURL(shotBlob) : null;
      setBuilt({
        key,
        view: {
          capturedAt: rows[0]?.capturedAt ?? null,
          artefacts: rows,
          screenshotUrl: url,
          failures: manifest?.ok ? manifest.value.failures : {},
          problems: manifest && !manifest.ok ? [manifest.problem.name] : [],
        },
      });
    })();
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [captureId, key, rows]);
  return captureId && rows.length > 0 && built?.key === key ? built.view : null;
}
