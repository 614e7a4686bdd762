import { useState } from 'react';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';

interface Props {
  hasLetterhead: boolean;
  hasWork: boolean;
  onGo: (tab: 'letterhead' | 'works' | 'backend') => void;
  onCheckBackend: () => Promise<void>;
}

/**
 * First run (issue 13): the three things a notice needs before the first right-click, in order —
 * who you are (letterhead), what you protect (a work), and whether the lookup service answers.
 */
export function SetupGuide({ hasLetterhead, hasWork, onGo, onCheckBackend }: Props) {
  const t = useT();
  const [backend, setBackend] = useState<'unknown' | 'checking' | 'ok' | { error: unknown }>('unknown');
  const check = async () => {
    setBackend('checking');
    try {
      await onCheckBackend();
      setBackend('ok');
    } catch (error) {
      setBackend({ error });
    }
  };
  const steps = [
    { id: 'letterhead' as const, done: hasLetterhead, title: t('setupLetterhead'), hint: t('setupLetterheadHint') },
    { id: 'works' as const, done: hasWork, title: t('setupWork'), hint: t('setupWorkHint') },
    { id: 'backend' as const, done: backend === 'ok', title: t('setupBackend'), hint: t('setupBackendHint') },
  ];
  const next = steps.find((s) => !s.done);
  return (
    <section className="card setup" data-testid="setup-guide">
      <h2>{t('setupTitle')}</h2>
      <p className="muted">{t('setupIntro')}</p>
      <ol>
        {steps.map((s) => (
          <li key={s.id} data-done={s.done} data-testid={`setup-${s.id}`}>
            <strong>{s.title}</strong> <span className="muted">{s.hint}</span>
            <div className="row">
              {s.id === 'backend' ? (
                <button
                  type="button"
                  className={next?.id === s.id ? 'primary' : ''}
                  onClick={() => void check()}
                  disabled={backend === 'checking'}
                  data-testid="setup-check-backend"
                >
                  {backend === 'ok' ? t('setupBackendOk') : t('setupBackendCheck')}
                </button>
              ) : (
                !s.done && (
                  <button type="button" className={next?.id === s.id ? 'primary' : ''} onClick={() => onGo(s.id)}>
                    {t('setupGo')}
                  </button>
                )
              )}
            </div>
            {s.id === 'backend' && typeof backend === 'object' && <ErrorMessage error={backend.error} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
