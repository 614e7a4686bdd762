import { useState } from 'react';
import { useT } from '../../components/i18n';
import { BulkSession } from './BulkSession';
import { NewBulk } from './NewBulk';

/** Bulk report (issue 7): paste or import → check → look up → one notice per recipient → send. */
export function App({ initialId }: { initialId: string | null }) {
  const t = useT();
  const [opened, setOpened] = useState<{ id: string; autoStart: boolean } | null>(
    initialId ? { id: initialId, autoStart: false } : null,
  );
  const open = (id: string, autoStart: boolean) => {
    // The batch id goes into the address, so a reload or a restored tab resumes the same report.
    history.replaceState(null, '', `?batch=${encodeURIComponent(id)}`);
    setOpened({ id, autoStart });
  };
  return (
    <main className="page steps bulk">
      <h1>{t('bulkTitle')}</h1>
      {opened ? (
        <BulkSession key={opened.id} id={opened.id} autoStart={opened.autoStart} />
      ) : (
        <NewBulk onCreated={open} />
      )}
    </main>
  );
}
