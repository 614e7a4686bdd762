/**
 * One lookup (report page) or one batch (bulk page) in the mode chosen in the options: reads the settings,
 * builds the browser lookup (DoH, RDAP over fetch, IndexedDB cache) or calls the backend, and says which answered
 * and what is missing. The page passes its I/O in (database, fetch, its origin, whether this is the test build).
 */
import { checkBackend, lookupBatch, lookupUrl } from '../backend/client';
import type { BatchResponse, LookupResult, StepEvent } from '../contract';
import { DexieLookupCache } from '../db/lookup-cache';
import type { TakedownDb } from '../db/schema';
import { readSetting } from '../db/settings';
import { browserBatch, createBrowserLookupDeps, lookup, type BrowserLookup } from '../lookup';
import { LookupSettingsSchema, resolverOf, type LookupSettings } from '../model/lookup-settings';
import { BackendSettingsSchema, type BackendSettings } from '../model/settings';
import {
  backendOnlyGaps,
  chooseSource,
  probeWithin,
  runInMode,
  type AnsweredBy,
  type BackendOnlyGap,
} from './lookup-mode';

export interface PageLookupEnv {
  db: TakedownDb;
  fetch: typeof globalThis.fetch;
  /** The extension page's origin (chrome-extension://…). */
  pageOrigin: string;
  /** The end-to-end test build only: lets the options point DoH and RDAP at http://127.0.0.1. */
  testBuild: boolean;
}

export interface LookupSource {
  answeredBy: AnsweredBy;
  fellBack: boolean;
  /** Registry origins without CORS, which the user may allow as optional permissions. */
  corsGaps: string[];
  needsBackend: BackendOnlyGap[];
}

export async function lookupSettings(db: TakedownDb): Promise<{ lookup: LookupSettings; backend: BackendSettings }> {
  const [l, b] = await Promise.all([readSetting(db, 'lookup'), readSetting(db, 'backend')]);
  return { lookup: l.value ?? LookupSettingsSchema.parse({}), backend: b.value ?? BackendSettingsSchema.parse({}) };
}

export function browserLookupFor(env: PageLookupEnv, settings: LookupSettings): BrowserLookup {
  return createBrowserLookupDeps({
    resolver: resolverOf(settings),
    fetch: env.fetch,
    cache: new DexieLookupCache(env.db),
    bootstrapBase: settings.rdapBootstrap,
    grantedOrigins: settings.grantedOrigins,
    pageOrigin: env.pageOrigin,
    allowLoopbackHttp: env.testBuild,
  });
}

const probe = (env: PageLookupEnv, backend: BackendSettings) => () =>
  probeWithin((signal) => checkBackend(backend, (u, i) => env.fetch(u, { ...i, signal })));

export async function lookupInMode(
  env: PageLookupEnv,
  input: { url: string; headers?: Record<string, string> },
  opts: { onStep?: (e: StepEvent) => void; signal?: AbortSignal } = {},
): Promise<{ result: LookupResult; source: LookupSource }> {
  const settings = await lookupSettings(env.db);
  // Filled only when the browser answers: the registries it found without CORS.
  const gaps: string[] = [];
  const out = await runInMode(settings.lookup.mode, {
    probe: probe(env, settings.backend),
    backend: () => lookupUrl(settings.backend, env.fetch, input, opts),
    browser: async () => {
      const inBrowser = browserLookupFor(env, settings.lookup);
      const result = await lookup(input.url, inBrowser.deps, { headers: input.headers, onStep: opts.onStep });
      gaps.push(...inBrowser.corsGaps);
      return result;
    },
  });
  return {
    result: out.value,
    source: {
      answeredBy: out.answeredBy,
      fellBack: out.fellBack,
      corsGaps: [...gaps],
      needsBackend: backendOnlyGaps(out.value, out.answeredBy),
    },
  };
}

/**
 * The bulk page's batch function in the chosen mode. The mode is settled once per run, and the browser lookup is
 * built once, so its caches and per-registry limits span every chunk.
 */
export async function batchInMode(
  env: PageLookupEnv,
): Promise<{ answeredBy: AnsweredBy; batch: (urls: string[], signal?: AbortSignal) => Promise<BatchResponse> }> {
  const settings = await lookupSettings(env.db);
  if ((await chooseSource(settings.lookup.mode, probe(env, settings.backend))) === 'backend')
    return { answeredBy: 'backend', batch: (urls, signal) => lookupBatch(settings.backend, env.fetch, urls, signal) };
  const inBrowser = browserLookupFor(env, settings.lookup);
  return { answeredBy: 'browser', batch: (urls, signal) => browserBatch(urls, inBrowser.deps, { signal }) };
}
