import { useEffect, useState } from 'react';
import { BackendForm } from '../../components/options/BackendForm';
import { DefaultsForm } from '../../components/options/DefaultsForm';
import { LetterheadForm } from '../../components/options/LetterheadForm';
import { LookupModeForm } from '../../components/options/LookupModeForm';
import { WorksCatalog } from '../../components/options/WorksCatalog';
import { DataPanel } from '../../components/options/DataPanel';
import { DetectionToggle } from '../../components/detection/DetectionToggle';
import { useT, type MessageKey } from '../../components/i18n';
import { checkBackend, pairWithBackend } from '../../lib/backend/client';
import { SetupGuide } from '../../components/options/SetupGuide';
import { services, useDocuments, useSetting as useStoredSetting, useWorks } from '../../lib/db/services';
import { DocumentsPanel } from '../../components/options/DocumentsPanel';
import type { SettingKey, SettingValue } from '../../lib/db/services';
import { clearAllData, exportData, importData } from './data';
import { toggleDetection } from './detection';
import { MailStatusSection } from './MailStatusSection';
import { recheckTeam, TeamSection } from './TeamSection';

const TABS = ['letterhead', 'works', 'documents', 'lookup', 'backend', 'defaults', 'detection', 'data'] as const;
type Tab = (typeof TABS)[number];

/** Reads a setting live; `invalid` says a stored value failed validation and was kept untouched. */
function useSetting<K extends SettingKey>(key: K) {
  const read = useStoredSetting(key);
  return { value: read?.value ?? null, invalid: Boolean(read?.error), loaded: read !== undefined };
}

export function App() {
  const t = useT();
  const fromHash = (): Tab =>
    (TABS as readonly string[]).includes(location.hash.slice(1)) ? (location.hash.slice(1) as Tab) : 'letterhead';
  const [tab, setTab] = useState<Tab>(fromHash);
  useEffect(() => history.replaceState(null, '', `#${tab}`), [tab]);
  useEffect(() => {
    const onHash = () => setTab(fromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const letterhead = useSetting('letterhead');
  const backend = useSetting('backend');
  const lookup = useSetting('lookup');
  const defaults = useSetting('defaults');
  const detection = useSetting('detection');
  const loadedWorks = useWorks();
  const works = loadedWorks ?? [];
  const documents = useDocuments() ?? [];
  const save = async <K extends SettingKey>(key: K, value: SettingValue<K>) =>
    void (await services().settings.write(key, value));
  // Until a letterhead and a work exist, the page opens on the first-run guide, not a blank form.
  const firstRun = letterhead.loaded && loadedWorks !== undefined && (!letterhead.value || works.length === 0);

  return (
    <main className="page">
      <h1>{t('optionsTitle')}</h1>
      {firstRun && (
        <SetupGuide
          hasLetterhead={Boolean(letterhead.value)}
          hasWork={works.length > 0}
          onGo={setTab}
          onCheckBackend={async () =>
            void (await checkBackend(
              (await services().settings.read('backend')).value ?? backend.value!,
              fetch.bind(globalThis),
            ))
          }
        />
      )}
      <nav className="tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} role="tab" type="button" aria-selected={tab === id} onClick={() => setTab(id)}>
            {t(`tab_${id}` as MessageKey)}
          </button>
        ))}
      </nav>
      {tab === 'letterhead' && (
        <section>
          <h2>{t('letterheadTitle')}</h2>
          {letterhead.invalid && <p className="banner banner--warn">{t('settingInvalid')}</p>}
          {letterhead.loaded && <LetterheadForm saved={letterhead.value} onSave={(v) => save('letterhead', v)} />}
        </section>
      )}
      {tab === 'works' && (
        <section>
          <h2>{t('tab_works')}</h2>
          <WorksCatalog
            works={works}
            newId={() => crypto.randomUUID()}
            onSave={async (w) => void (await services().works.put(w))}
            onDelete={(id) => services().works.remove(id)}
          />
        </section>
      )}
      {tab === 'documents' && (
        <section>
          <h2>{t('tab_documents')}</h2>
          <DocumentsPanel
            documents={documents}
            works={works}
            onAdd={async (d) => void (await services().documents.add(d.file, d))}
            onRemove={(id) => services().documents.remove(id)}
          />
        </section>
      )}
      {tab === 'lookup' && lookup.value && (
        <section>
          <h2>{t('tab_lookup')}</h2>
          <LookupModeForm saved={lookup.value} onSave={(v) => save('lookup', v)} />
        </section>
      )}
      {tab === 'backend' && backend.value && (
        <section>
          <h2>{t('tab_backend')}</h2>
          <BackendForm
            saved={backend.value}
            onSave={async (v) => {
              await save('backend', v);
              await recheckTeam(v);
            }}
            onTest={async (v) => void (await checkBackend(v, fetch.bind(globalThis)))}
            onPair={async (v) => (await pairWithBackend(v, fetch.bind(globalThis))).token}
          />
          <TeamSection />
          <MailStatusSection />
        </section>
      )}
      {tab === 'defaults' && defaults.value && (
        <section>
          <h2>{t('tab_defaults')}</h2>
          <DefaultsForm saved={defaults.value} onSave={(v) => save('defaults', v)} />
        </section>
      )}
      {tab === 'detection' && detection.value && (
        <section>
          <h2>{t('tab_detection')}</h2>
          <DetectionToggle enabled={detection.value.enabled} onToggle={toggleDetection} />
        </section>
      )}
      {tab === 'data' && (
        <section>
          <h2>{t('tab_data')}</h2>
          <DataPanel onExport={exportData} onImport={importData} onClear={clearAllData} />
        </section>
      )}
    </main>
  );
}
