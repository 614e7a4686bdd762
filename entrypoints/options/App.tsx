import { useEffect, useState } from 'react';
import { LetterheadForm } from '../../components/options/LetterheadForm';
import { useT } from '../../components/i18n';
import { db } from '../../lib/db/schema';
import { readSetting, writeSetting } from '../../lib/db/settings';
import type { Letterhead } from '../../lib/model/letterhead';

export function App() {
  const t = useT();
  const [letterhead, setLetterhead] = useState<Letterhead | null>(null);
  const [loadError, setLoadError] = useState(false);

  useEffect(() => {
    readSetting(db(), 'letterhead').then((r) => {
      setLetterhead(r.value);
      setLoadError(Boolean(r.error));
    });
  }, []);

  return (
    <main className="page">
      <h1>{t('optionsTitle')}</h1>
      <section>
        <h2>{t('letterheadTitle')}</h2>
        {loadError && <p className="banner banner--warn">{t('settingInvalid')}</p>}
        <LetterheadForm
          saved={letterhead}
          onSave={async (value) => {
            setLetterhead(await writeSetting(db(), 'letterhead', value));
          }}
        />
      </section>
    </main>
  );
}
