import { useState } from 'react';
import { BackendSettingsSchema, type BackendSettings } from '../../lib/model/settings';
import { ErrorMessage } from '../ErrorMessage';
import { Field } from '../ui/Field';
import { useT } from '../i18n';

interface Props {
  saved: BackendSettings;
  onSave: (value: BackendSettings) => Promise<void>;
  onTest: (value: BackendSettings) => Promise<void>;
  /** Asks a loopback backend for its per-install token (one click); the form saves it as the token. */
  onPair?: (value: BackendSettings) => Promise<string>;
}

export function BackendForm({ saved, onSave, onTest, onPair }: Props) {
  const t = useT();
  const [url, setUrl] = useState(saved.url);
  const [token, setToken] = useState(saved.token);
  const [urlError, setUrlError] = useState<string>();
  const [state, setState] = useState<
    { kind: 'idle' | 'testing' | 'ok' | 'saved' | 'pairing' | 'paired' } | { kind: 'failed'; error: unknown }
  >({ kind: 'idle' });
  // A newly stored setting replaces what the form shows (React's "adjust state when a prop changes").
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setUrl(saved.url);
    setToken(saved.token);
  }

  const value = () => {
    const parsed = BackendSettingsSchema.safeParse({ url: url.trim(), token: token.trim() });
    setUrlError(parsed.success ? undefined : t('backendUrlInvalid'));
    return parsed.success ? parsed.data : null;
  };

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const v = value();
        if (v) await onSave(v).then(() => setState({ kind: 'saved' }));
      }}
      noValidate
    >
      <p className="muted">{t('backendIntro')}</p>
      <Field label={t('backendUrl')} error={urlError}>
        {(a) => <input {...a} name="backendUrl" value={url} onChange={(e) => setUrl(e.target.value)} />}
      </Field>
      <Field label={t('backendToken')} hint={t('backendTokenHint')}>
        {(a) => (
          <input {...a} name="backendToken" type="password" value={token} onChange={(e) => setToken(e.target.value)} />
        )}
      </Field>
      <div className="row">
        <button className="primary" type="submit">
          {t('save')}
        </button>
        <button
          type="button"
          disabled={state.kind === 'testing'}
          onClick={async () => {
            const v = value();
            if (!v) return;
            setState({ kind: 'testing' });
            try {
              await onTest(v);
              setState({ kind: 'ok' });
            } catch (error) {
              setState({ kind: 'failed', error });
            }
          }}
        >
          {state.kind === 'testing' ? t('testing') : t('testConnection')}
        </button>
        {onPair && (
          <button
            type="button"
            disabled={state.kind === 'pairing'}
            onClick={async () => {
              const v = value();
              if (!v) return;
              setState({ kind: 'pairing' });
              try {
                const paired = await onPair(v);
                setToken(paired);
                await onSave({ ...v, token: paired });
                setState({ kind: 'paired' });
              } catch (error) {
                setState({ kind: 'failed', error });
              }
            }}
          >
            {state.kind === 'pairing' ? t('backendPairing') : t('backendPair')}
          </button>
        )}
        {state.kind === 'paired' && (
          <span className="banner banner--ok" role="status">
            {t('backendPaired')}
          </span>
        )}
        {state.kind === 'ok' && (
          <span className="banner banner--ok" role="status">
            {t('backendReachable')}
          </span>
        )}
        {state.kind === 'saved' && (
          <span className="banner banner--ok" role="status">
            {t('saved')}
          </span>
        )}
      </div>
      {state.kind === 'failed' && <ErrorMessage error={state.error} />}
    </form>
  );
}
