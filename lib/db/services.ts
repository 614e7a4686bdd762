/**
 * The repositories every extension page shares, and the live hooks over them. Pages import from
 * here and never call Dexie; components still take props. One instance per page, created lazily,
 * so a unit test that never touches IndexedDB pays nothing.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createBulkStore } from './bulk-batches';
import { createEvidenceRepo } from './evidence-repo';
import { createDocumentsRepo } from './documents-repo';
import { createNoticesRepo } from './notices-repo';
import { db } from './schema';
import { readSetting, writeSetting, type SettingKey, type SettingRead, type SettingValue } from './settings';
import { createWorksRepo } from './works-repo';
import type { TeamRepo } from './team-repo';
import { canSend } from '../model/team';
import type { Work } from '../model/work';
import type { RightsDocumentMeta } from '../model/rights-document';
import type { lookupInMode, PageLookupEnv } from '../report/lookup-runner';
import type { Notice } from '../model/notice';
import { BackendSettingsSchema } from '../model/settings';
import type { SendDeps } from '../report/send-notice';
import type { art17LocksFor } from './practice';
import { backendTimestamper } from '../backend/timestamp';

/** What a page passes in for a lookup; the database is the services' own. */
export type PageEnv = Omit<PageLookupEnv, 'db'>;

function build() {
  const d = db();
  const now = () => new Date();
  let team: Promise<TeamRepo> | undefined;
  const teamRepo = () => (team ??= import('./team-repo').then((m) => m.createTeamRepo({ db: d, now })));
  const notices = createNoticesRepo({ db: d, now });
  return {
    notices,
    evidence: createEvidenceRepo({ db: d, now }),
    documents: createDocumentsRepo({ db: d, now }),
    /** Issue 19's team rows (analyst names, sync state); the sync machinery loads on first use, outside the popup. */
    team: {
      rows: async (ids: readonly string[]) => (await teamRepo()).rows(ids),
      get: async (id: string) => (await teamRepo()).get(id),
      refusedRows: async () => (await teamRepo()).refusedRows(),
      missingEvidence: async (id: string) => (await teamRepo()).missingEvidence(id),
      teamOriginIds: async () => (await teamRepo()).teamOriginIds(),
      copyEvidence: async (...a: Parameters<TeamRepo['copyEvidence']>) => (await teamRepo()).copyEvidence(...a),
    },
    works: createWorksRepo({ db: d }),
    bulk: createBulkStore({ db: d, now }),
    // Export/import and the practice checks load on first use: only the options, report and notice pages need them,
    // and the popup, which shares this module, stays small (bench popupJsGzipKB).
    transfer: {
      exportJson: async () => (await import('./transfer')).exportAll(d, now),
      importJson: async (text: string) => (await import('./transfer')).importAll(d, text),
      notices: async () => (await import('./transfer')).allNotices(d),
      clearAll: async () => (await import('./transfer')).clearAll(d),
    },
    /** Lookups in the mode chosen in the options (backend, or this page with DoH, RDAP and the IndexedDB cache). */
    lookup: {
      // Loaded on first use: the lookup core and DoH stay out of the popup's bundle.
      url: async (env: PageEnv, input: Parameters<typeof lookupInMode>[1], opts?: Parameters<typeof lookupInMode>[2]) =>
        (await import('../report/lookup-runner')).lookupInMode({ ...env, db: d }, input, opts),
      batch: async (env: PageEnv) => (await import('../report/lookup-runner')).batchInMode({ ...env, db: d }),
    },
    /** Issue 12's follow-up facts: ICP numbers of a capture, and the Regulations art. 17 locks on an item. */
    practice: {
      icpOf: async (notice: Pick<Notice, 'captureId'>) => (await import('./practice')).icpOfNotice(d, notice),
      locksFor: async (candidate: Parameters<typeof art17LocksFor>[1]) =>
        (await import('./practice')).art17LocksFor(d, candidate),
      repeatOfferFor: async (notice: Notice, threshold: number) =>
        (await import('./practice')).repeatOfferFor(d, notice, threshold),
    },
    settings: {
      read: <K extends SettingKey>(key: K): Promise<SettingRead<K>> => readSetting(d, key),
      write: <K extends SettingKey>(key: K, value: SettingValue<K>): Promise<SettingValue<K>> =>
        writeSetting(d, key, value),
    },
  };
}

export type Services = ReturnType<typeof build>;

/** What the one send function needs, the same for the report and the bulk page. */
export function sendDeps(): SendDeps {
  const s = services();
  return {
    notices: s.notices,
    evidence: s.evidence,
    now: () => new Date(),
    // Channel smtp: the backend's mail server, reached with the backend settings of the moment.
    mail: {
      send: async (eml) => {
        const backend = (await s.settings.read('backend')).value ?? BackendSettingsSchema.parse({});
        return (await import('../backend/mail')).sendViaBackend(backend, (...a) => globalThis.fetch(...a), eml);
      },
    },
    practice: {
      icpOf: async (n) => (await s.practice.icpOf(n)).numbers,
      locksOf: (n) => s.practice.locksFor({ urls: n.urls, recipient: n.recipient, excludeId: n.id }),
    },
    documents: s.documents,
    timestamper: backendTimestamper(() => s.settings.read('backend'), fetch.bind(globalThis)),
    maySend: async () => canSend((await s.settings.read('team')).value),
  };
}
let shared: Services | undefined;

/** The running page's repositories. */
export function services(): Services {
  shared ??= build();
  return shared;
}

/** The catalog, by title, live. Undefined while loading. */
export function useWorks(): Work[] | undefined {
  return useLiveQuery(() => services().works.list(), []);
}

/** The rights holder's documents (issue 15), live. */
export function useDocuments(): RightsDocumentMeta[] | undefined {
  return useLiveQuery(() => services().documents.list(), []);
}

/**
 * A setting, live and validated: `undefined` while loading, then `{ value, error? }` where a
 * stored value that no longer validates comes back as null with its error (never dropped).
 */
export function useSetting<K extends SettingKey>(key: K): SettingRead<K> | undefined {
  return useLiveQuery(() => services().settings.read(key), [key]);
}
export type { SettingKey, SettingValue } from './settings';
