import { useState } from 'react';
import { ErrorMessage } from '../ErrorMessage';
import { useT } from '../i18n';

/**
 * Downloads the notice's evidence package (issue 15): one ZIP a third party checks with sha256sum and openssl
 * alone. Building it re-hashes every file; a changed file stops it with the file named.
 */
export function PackageButton({
  onBuild,
  onDownload,
}: {
  onBuild: () => Promise<{ zip: Uint8Array; filename: string; entries: readonly unknown[] }>;
  onDownload: (zip: Uint8Array, filename: string) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [built, setBuilt] = useState<{ filename: string; files: number } | null>(null);
  return (
    <section className="card" data-testid="evidence-package">
      <h2>{t('packageTitle')}</h2>
      <p className="muted">{t('packageExplain')}</p>
      <button
        type="button"
        data-testid="package-download"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          onBuild()
            .then((pkg) => {
              onDownload(pkg.zip, pkg.filename);
              setBuilt({ filename: pkg.filename, files: pkg.entries.length });
            })
            .catch((err: unknown) => setError(err))
            .finally(() => setBusy(false));
        }}
      >
        {t('packageDownload')}
      </button>
      {built && (
        <p className="muted" data-testid="package-built">
          {t('packageBuilt', [built.filename, String(built.files)])}
        </p>
      )}
      {error ? <ErrorMessage error={error} /> : null}
    </section>
  );
}
