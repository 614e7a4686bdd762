// @vitest-environment happy-dom
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLookup } from '../../../entrypoints/report/use-lookup';
import type { LookupResult } from '../../../lib/contract';
import { db } from '../../../lib/db/schema';
import { services } from '../../../lib/db/services';
import { RecipientSchema } from '../../../lib/model/recipient';
import type { LookupDeps } from '../../../lib/lookup';
import type { LookupState } from '../../../lib/report/lookup-progress';
import { createApp } from '../../../lib/server/app';
import { createLookupService, type LookupFn } from '../../../lib/server/lookup-service';
import en from '../../../public/_locales/en/messages.json';
import { mount, translator } from '../../helpers/dom';

const BACKEND = 'http://127.0.0.1:8787';
/** The first lookup loads the core on demand (a dynamic import), which takes a while on a busy machine. */
const WAIT = { timeout: 15_000 };
const now = () => new Date('2026-12-02T09:00:00Z');

const resultFor = (input: string): LookupResult => ({
  input,
  hostname: new URL(input).hostname,
  registrableDomain: new URL(input).hostname,
  addresses: [{ ip: '130.59.31.80', asn: 559, network: null }],
  cdn: null,
  recipients: [RecipientSchema.parse({ role: 'host', name: 'SWITCH', emails: ['abuse@switch.ch'] })],
  // The registry that failed while streaming is in the answer too, as the core reports it.
  errors: [{ step: 'rdap-ip', kind: 'unavailable', message: 'ARIN answered 503' }],
});

/**
 * The real backend app behind the page's fetch (no socket): its lookup reports the DNS step, then the network
 * step failing, then answers; `gate` holds a URL's answer back until the test releases it.
 */
function backend(gate: Map<string, Promise<void>> = new Map()) {
  const lookup: LookupFn = async (target, _deps, opts) => {
    opts?.onStep?.({ step: 'dns', status: 'done' });
    opts?.onStep?.({ step: 'rdap-ip', status: 'error' });
    await gate.get(target.url);
    return resultFor(target.url);
  };
  const app = createApp({
    now,
    lookup: createLookupService({ lookup, deps: { now } as unknown as LookupDeps }),
  });
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => app.request(new Request(input, init)));
}

/** Renders the hook as the report page uses it and records every state it goes through. */
function Harness({
  urls,
  seen,
  onResult,
}: {
  urls: string[];
  seen: LookupState[];
  onResult: (r: LookupResult) => void;
}) {
  const { state, run, source } = useLookup(onResult);
  useEffect(() => void seen.push(state), [state, seen]);
  return (
    <div data-phase={state.phase} data-answered={source?.answeredBy ?? ''}>
      {urls.map((u) => (
        <button key={u} type="button" onClick={() => void run(u)}>
          {u}
        </button>
      ))}
    </div>
  );
}

let mounted: Awaited<ReturnType<typeof mount>> | null = null;
const actEnv = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
beforeEach(async () => {
  // The lookup's updates arrive from the network, outside any act(): the test waits for what the page shows instead.
  actEnv.IS_REACT_ACT_ENVIRONMENT = false;
  await Promise.all(db().tables.map((t) => t.clear()));
  await services().settings.write('lookup', { mode: 'backend' } as never);
  await services().settings.write('backend', { url: BACKEND, token: '' });
});
afterEach(async () => {
  actEnv.IS_REACT_ACT_ENVIRONMENT = true;
  await mounted?.unmount();
  mounted = null;
  vi.unstubAllGlobals();
});

describe('report page: useLookup', () => {
  it('folds the streamed steps into the stages, then shows the result and which mode answered', async () => {
    vi.stubGlobal('fetch', backend());
    const seen: LookupState[] = [];
    const onResult = vi.fn();
    const url = 'https://ripe-host.to/game';
    mounted = await mount(<Harness urls={[url]} seen={seen} onResult={onResult} />, translator(en));
    await mounted.click(mounted.button(url));
    await vi.waitFor(() => expect(mounted!.find('[data-phase]').getAttribute('data-phase')).toBe('done'), WAIT);

    expect(onResult).toHaveBeenCalledWith(resultFor(url));
    expect(mounted.find('[data-phase]').getAttribute('data-answered')).toBe('backend');
    // Each streamed step is a new running state; how many React renders between them depends on timing.
    const phases = seen.map((s) => s.phase).filter((p, i, all) => p !== all[i - 1]);
    expect(phases).toEqual(['idle', 'running', 'done']);
    // The streamed steps landed on their stages; a source failed but someone was found: partial, the failed stage kept.
    expect(seen.at(-1)).toMatchObject({ phase: 'done', verdict: 'partial', groups: { dns: 'done', network: 'error' } });
  });

  it('a newer lookup replaces a slower earlier one: only the newer result reaches the page', async () => {
    let release!: () => void;
    const first = 'https://slow-host.to/a';
    const second = 'https://ripe-host.to/b';
    vi.stubGlobal('fetch', backend(new Map([[first, new Promise<void>((r) => (release = r))]])));
    const onResult = vi.fn();
    mounted = await mount(<Harness urls={[first, second]} seen={[]} onResult={onResult} />, translator(en));
    await mounted.click(mounted.button(first));
    await mounted.click(mounted.button(second));
    await vi.waitFor(() => expect(onResult).toHaveBeenCalledTimes(1), WAIT);
    release();
    await new Promise((r) => setTimeout(r, 50));
    expect(onResult).toHaveBeenCalledTimes(1);
    expect(onResult).toHaveBeenCalledWith(resultFor(second));
  });

  it('a backend that does not answer ends as backend_down, which the page explains', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const seen: LookupState[] = [];
    const url = 'https://ripe-host.to/c';
    mounted = await mount(<Harness urls={[url]} seen={seen} onResult={vi.fn()} />, translator(en));
    await mounted.click(mounted.button(url));
    await vi.waitFor(() => expect(mounted!.find('[data-phase]').getAttribute('data-phase')).toBe('failed'), WAIT);
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', verdict: 'backend_down', error: { kind: 'unavailable' } });
  });
});
