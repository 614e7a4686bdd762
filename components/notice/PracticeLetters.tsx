import { useState } from 'react';
import type { LetterKind } from '../../lib/notices/letters/schema';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';

/** The letters this notice's history calls for; each null when it does not apply. */
export interface PracticeOffers {
  /** A counter-notice is on record: answer it under the notice's law. */
  counter: 'us_action_filed' | 'cn_action_filed' | null;
  /** The repeat threshold is crossed for this customer at this provider. */
  repeat: { count: number; subject: string; provider: string } | null;
  /** On the escalation ladder: the site is on a mainland host and its page shows no ICP number. */
  miit: { host: string } | null;
}

/**
 * Offers the follow-up letters that apply to this notice, then lists the letters already begun
 * (rendered by the page, each a LetterCard). Nothing is shown when nothing applies.
 */
export function PracticeLetters({
  offers: all,
  count,
  begun = [],
  onStart,
  children,
}: {
  offers: PracticeOffers;
  /** Letters already linked to this notice. */
  count: number;
  /** Kinds already begun and not withdrawn: their offer is not repeated. */
  begun?: readonly LetterKind[];
  onStart: (kind: LetterKind) => Promise<void>;
  children?: React.ReactNode;
}) {
  const t = useT();
  const offers: PracticeOffers = {
    counter: all.counter && !begun.includes(all.counter) ? all.counter : null,
    repeat: begun.includes('repeat_infringer') ? null : all.repeat,
    miit: begun.includes('miit_unfiled') ? null : all.miit,
  };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = (kind: LetterKind) => async () => {
    setBusy(true);
    setError(null);
    try {
      await onStart(kind);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!offers.counter && !offers.repeat && !offers.miit && count === 0) return null;
  return (
    <section className="card" data-testid="practice-letters">
      <h2>{t('practiceLetters')}</h2>
      <div className="row">
        {offers.counter && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void start(offers.counter!)()}
            data-testid={`offer-${offers.counter}`}
          >
            {t(
              offers.counter === 'us_action_filed' ? 'practiceOffer_us_action_filed' : 'practiceOffer_cn_action_filed',
            )}
          </button>
        )}
        {offers.repeat && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void start('repeat_infringer')()}
            data-testid="offer-repeat_infringer"
          >
            {t('practiceOffer_repeat_infringer', [
              String(offers.repeat.count),
              offers.repeat.subject,
              offers.repeat.provider,
            ])}
          </button>
        )}
        {offers.miit && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void start('miit_unfiled')()}
            data-testid="offer-miit_unfiled"
          >
            {t('practiceOffer_miit_unfiled', offers.miit.host)}
          </button>
        )}
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {children}
    </section>
  );
}
