import { useBusyAction } from '../use-busy-action';
import { useMemo, useState } from 'react';
import type { ChainVerdict } from '../../lib/tracking/hash-chain';
import type { Letter } from '../../lib/model/letter';
import type { NoticeEvent, SendChannel } from '../../lib/model/notice';
import { draftLetter } from '../../lib/notices/letters/draft-letter';
import type { LetterFacts } from '../../lib/notices/letters/schema';
import { ErrorMessage } from '../ErrorMessage';
import { useT, type MessageKey } from '../i18n';
import { HistoryCheck } from './HistoryCheck';
import { LetterChecklist } from './LetterChecklist';
import { LetterForm } from './LetterForm';
import { Timeline } from './Timeline';

export interface LetterCardProps {
  letter: Letter;
  events: readonly NoticeEvent[];
  /** The page's language: the checklist speaks it, whatever the letter's. */
  checklistLang: 'en' | 'zh';
  now: () => Date;
  onSave: (facts: LetterFacts) => Promise<void>;
  onMarkSent: (channel: SendChannel, text: string) => Promise<void>;
  onRecord: (kind: 'acknowledged' | 'withdrawn') => Promise<void>;
  onCopy: (text: string) => Promise<void>;
  onVerify: () => Promise<ChainVerdict | null>;
  /** A mailto: URL for the letter, or null when it is too long or has no address. */
  mailto: (subject: string, text: string) => string | null;
}

const CHANNELS: SendChannel[] = ['email', 'form', 'copy', 'pdf'];

/**
 * One follow-up letter: its facts (while a draft), the checklist that blocks it, the letter as it
 * will go out, the send controls and its own log. A sent letter shows the frozen text only.
 */
export function LetterCard(p: LetterCardProps) {
  const t = useT();
  const { letter } = p;
  const [facts, setFacts] = useState<LetterFacts>(letter.facts);
  const [dirty, setDirty] = useState(false);
  const { busy, error, act } = useBusyAction();
  const [channel, setChannel] = useState<SendChannel | ''>('');
  const [verdict, setVerdict] = useState<{ v: ChainVerdict; n: number } | null>(null);
  const draft = useMemo(() => {
    try {
      return {
        d: draftLetter(dirty ? facts : letter.facts, { now: p.now, checklistLang: p.checklistLang }),
        err: null,
      };
    } catch (err) {
      return { d: null, err };
    }
  }, [facts, dirty, letter.facts, p.now, p.checklistLang]);
  const isDraft = letter.status === 'draft';
  const text = letter.sent?.text ?? draft.d?.text ?? '';
  const mailto = isDraft && draft.d?.sendable ? p.mailto(draft.d.subject, draft.d.text) : null;

  return (
    <article className="card letter" data-testid="letter" data-kind={letter.kind} data-status={letter.status}>
      <h3>
        {t(`letterKind_${letter.kind}` as MessageKey)} ·{' '}
        <span data-testid="letter-status">{t(`status_${letter.status}` as MessageKey)}</span>
      </h3>
      <p className="muted">
        {t('letterTo', letter.recipientName)}
        {draft.d && draft.d.law.length > 0 && <> · {t('letterLaw', draft.d.law.join('; '))}</>}
      </p>
      {isDraft && (
        <>
          <LetterForm
            facts={dirty ? facts : letter.facts}
            disabled={busy}
            onChange={(f) => {
              setFacts(f);
              setDirty(true);
            }}
          />
          <div className="row">
            <button
              type="button"
              disabled={!dirty || busy}
              data-testid="letter-save"
              onClick={() =>
                void act(async () => {
                  await p.onSave(facts);
                  setDirty(false);
                })
              }
            >
              {t('letterSave')}
            </button>
          </div>
        </>
      )}
      {draft.err ? <ErrorMessage error={draft.err} /> : null}
      {isDraft && draft.d && <LetterChecklist checklist={draft.d.checklist} />}
      <pre className="preview" data-testid={isDraft ? 'letter-preview' : 'letter-sent-text'}>
        {text}
      </pre>
      {isDraft && (
        <div className="row">
          {dirty && <p className="muted">{t('letterUnsaved')}</p>}
          <button
            type="button"
            disabled={!draft.d?.sendable || dirty || busy}
            onClick={() => void act(() => p.onCopy(text))}
            data-testid="letter-copy"
          >
            {t('copyNotice')}
          </button>
          {mailto && !dirty && (
            <a className="button" href={mailto} data-testid="letter-mailto">
              {t('letterEmail')}
            </a>
          )}
          <select
            value={channel}
            onChange={(e) => setChannel(e.target.value as SendChannel)}
            aria-label={t('letterChannel')}
            data-testid="letter-channel"
          >
            <option value="">{t('letterChannel')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel_${c}` as MessageKey)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            data-testid="letter-mark-sent"
            disabled={!draft.d?.sendable || dirty || !channel || busy}
            onClick={() => channel && void act(() => p.onMarkSent(channel, draft.d!.text))}
          >
            {t('markSent')}
          </button>
        </div>
      )}
      <div className="row">
        {letter.status === 'sent' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => p.onRecord('acknowledged'))}
            data-testid="letter-acknowledged"
          >
            {t('letterAcknowledged')}
          </button>
        )}
        {letter.status !== 'withdrawn' && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => p.onRecord('withdrawn'))}
            data-testid="letter-withdraw"
          >
            {t('letterWithdraw')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          data-testid="letter-verify"
          onClick={() =>
            void act(async () => {
              const v = await p.onVerify();
              if (v) setVerdict({ v, n: p.events.length });
            })
          }
        >
          {t('verifyHistory')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {verdict && verdict.n === p.events.length && <HistoryCheck verdict={verdict.v} events={verdict.n} />}
      <Timeline events={p.events} />
    </article>
  );
}
