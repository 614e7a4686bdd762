import { useId, useState } from 'react';
import { ErrorMessage } from '../ErrorMessage';
import { useT, type Translate } from '../i18n';

interface Props {
  enabled: boolean;
  /**
   * Called with the wanted state. The options page requests the optional host permission
   * (in this click, as browsers require) before turning detection on, and resolves false
   * when the user declines it.
   */
  onToggle: (enabled: boolean) => Promise<boolean | void>;
  /** Defaults to the TranslateProvider's. */
  t?: Translate;
}

/** The options-page switch for detection, with why it needs the host permission and what stays private. */
export function DetectionToggle({ enabled, onToggle, t: tProp }: Props) {
  const tContext = useT();
  const t = tProp ?? tContext;
  const id = useId();
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'denied' } | { kind: 'failed'; error: unknown }>({
    kind: 'idle',
  });
  return (
    <section data-testid="detection-toggle">
      <p className="muted">{t('detectExplain')}</p>
      <p className="muted">{t('detectPermission')}</p>
      <div className="check">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={enabled}
          aria-checked={enabled}
          disabled={state.kind === 'busy'}
          onChange={async () => {
            setState({ kind: 'busy' });
            try {
              const ok = await onToggle(!enabled);
              setState({ kind: ok === false ? 'denied' : 'idle' });
            } catch (error) {
              setState({ kind: 'failed', error });
            }
          }}
        />
        <label htmlFor={id}>{t('detectToggle')}</label>
      </div>
      {state.kind === 'denied' && (
        <div className="banner banner--warn" role="alert">
          {t('detectPermissionDenied')}
        </div>
      )}
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
    </section>
  );
}
