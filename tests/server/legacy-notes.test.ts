import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../lib/contract';
import { formatLookupTable } from '../../lib/server/commands/lookup';
import { createLookupService, type ResultStore } from '../../lib/server/lookup-service';
import type { LookupDeps } from '../../lib/lookup';

const now = new Date('2026-03-02T09:00:00Z');
const deps: LookupDeps = {
  fetch: () => Promise.reject(new Error('no network in this test')),
  resolve: () => Promise.reject(new Error('no DNS in this test')),
  now: () => now,
};

/** A whole result as an older backend stored it in its result cache: notes as English strings. */
const oldResult = {
  input: 'https://pirate.to/a',
  hostname: 'pirate.to',
  registrableDomain: 'pirate.to',
  addresses: [],
  cdn: {
    name: 'Cloudflare',
    evidence: ['ns:cloudflare'],
    note: "Cloudflare is a CDN / reverse proxy: the site's origin host is hidden behind it.",
  },
  recipients: [
    {
      role: 'registrar',
      name: 'NameCheap',
      emails: ['abuse@namecheap.com'],
      formUrl: null,
      country: null,
      source: 'rdap',
      confidence: 0.7,
      notes: ['Registrar of pirate.to.', 'Registrars usually act on the domain, not on hosted content.'],
    },
  ],
  errors: [],
};

function storeWith(key: string, value: unknown): ResultStore {
  const rows = new Map<string, unknown>([[`result|${key}`, value]]);
  return {
    getSync: <T>(ns: string, k: string) => rows.get(`${ns}|${k}`) as T | undefined,
    setSync: (ns, k, v) => void rows.set(`${ns}|${k}`, v),
  };
}

describe('a backend result cached before notes had codes', () => {
  it('is served with legacy notes, and the CLI table prints their words unchanged', async () => {
    let ran = 0;
    const service = createLookupService({
      deps,
      lookup: async () => {
        ran++;
        throw new Error('the cached answer should have been used');
      },
      store: storeWith('pirate.to|', { result: oldResult, expires: now.getTime() + 60_000 }),
    });
    const r = await service.lookup('https://pirate.to/a');
    expect(ran).toBe(0);
    expect(r.cdn?.note).toEqual({
      code: 'legacy',
      params: { text: "Cloudflare is a CDN / reverse proxy: the site's origin host is hidden behind it." },
    });
    expect(r.recipients[0]!.notes).toEqual([
      { code: 'legacy', params: { text: 'Registrar of pirate.to.' } },
      { code: 'legacy', params: { text: 'Registrars usually act on the domain, not on hosted content.' } },
    ]);
    const table = formatLookupTable(r);
    expect(table).toContain('       note: Registrar of pirate.to.\n');
    expect(table).toContain('       note: Registrars usually act on the domain, not on hosted content.\n');
  });

  it('the CLI table says a coded note in English', () => {
    const r: LookupResult = {
      ...oldResult,
      cdn: null,
      recipients: [
        {
          ...oldResult.recipients[0]!,
          role: 'registrar',
          notes: [
            { code: 'registrar_of', params: { domain: 'pirate.to' } },
            { code: 'from_whois', params: { server: 'whois.nic.fr' } },
          ],
        },
      ],
    };
    const table = formatLookupTable(r);
    expect(table).toContain('       note: Registrar of pirate.to.\n');
    expect(table).toContain('       note: From port-43 WHOIS (whois.nic.fr).\n');
  });
});
