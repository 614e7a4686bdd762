/**
 * The domain branch of a lookup: registry RDAP, then the registrar's RDAP record once (thin registries link to it),
 * else port-43 WHOIS on the backend for registries without RDAP.
 */
import type { LookupError } from '../contract';
import type { Note } from '../model/note';
import { noteKey } from '../model/note';
import { extractContacts, type RegistrarInfo } from './abuse';
import { rdapBaseForDomain } from './bootstrap';
import { ErrorLog } from './error-log';
import { rdapClientFor } from './rdap-client';
import type { DomainFacts } from './recipients';
import { runtimeFor } from './runtime';
import { LookupFailure, type AbuseContact, type LookupDeps } from './types';
import { parseWhoisRecord, whoisDomainContacts } from '../whois/record';

const DAY = 24 * 60 * 60 * 1000;
const HOP_ERROR_TTL = 10 * 60 * 1000;

interface DomainCacheEntry {
  registrar: RegistrarInfo | null;
  contacts: AbuseContact[];
  notes: Note[];
  /** The registrar hop's failure, kept with the result so a cached lookup says what the first one said. */
  errors?: LookupError[];
}

export async function domainBranch(deps: LookupDeps, domain: string, errors: ErrorLog): Promise<DomainFacts | null> {
  const rt = runtimeFor(deps);
  const cached = await rt.cache.get<DomainCacheEntry>('domain', domain);
  if (cached) {
    const { errors: hopErrors, ...facts } = cached;
    hopErrors?.forEach((e) => errors.add(e));
    return { domain, ...facts, source: 'rdap' };
  }
  let base: string | null;
  try {
    base = await rdapBaseForDomain(deps, domain);
  } catch (e) {
    errors.fromUnknown(e, 'bootstrap');
    base = null;
  }
  if (!base) {
    // Fewer than a quarter of ccTLDs run RDAP (.cn does not): WHOIS is the backend's fallback.
    const w = await domainWhois(deps, domain, errors);
    if (!w && !deps.whois)
      errors.add({
        step: 'rdap-domain',
        kind: 'not_found',
        message: `The .${domain.split('.').pop()} registry has no RDAP service; WHOIS lookup needs the backend.`,
      });
    return w;
  }
  let registry;
  try {
    registry = await rdapClientFor(deps).getRdap(`${base}domain/${domain}`, 'rdap-domain');
  } catch (e) {
    errors.fromUnknown(e, 'rdap-domain');
    if (e instanceof LookupFailure && e.kind === 'not_found') return null;
    return domainWhois(deps, domain, errors);
  }
  const first = extractContacts(registry.data, 'domain');
  let contacts = first.contacts;
  let registrar = first.registrar;
  const notes = [...first.notes];
  const hopErrors: LookupError[] = [];
  // Thin registries (Verisign) point at the registrar's RDAP record: follow it once (docs/rdap-quirks.md §1).
  const related = (registry.data.links ?? []).find(
    (l) =>
      l.rel?.toLowerCase() === 'related' && /application\/rdap\+json/i.test(l.type ?? '') && /\/domain\//i.test(l.href),
  );
  if (related) {
    try {
      const hop = await rdapClientFor(deps).getRdap(new URL(related.href, registry.url).href, 'rdap-registrar');
      const second = extractContacts(hop.data, 'domain');
      contacts = mergeContacts(contacts, second.contacts);
      registrar = { ...second.registrar, ...stripNulls(registrar) } as RegistrarInfo;
      const seen = new Set(notes.map(noteKey));
      notes.push(...second.notes.filter((n) => !seen.has(noteKey(n))));
    } catch (e) {
      const hop = new ErrorLog();
      hop.fromUnknown(e, 'rdap-registrar');
      hopErrors.push(...hop.list);
      hop.list.forEach((x) => errors.add(x));
    }
  }
  const entry: DomainCacheEntry = { registrar, contacts, notes, ...(hopErrors.length ? { errors: hopErrors } : {}) };
  // A failed hop is worth asking again sooner than a complete answer.
  await rt.cache.set('domain', domain, entry, hopErrors.length ? HOP_ERROR_TTL : DAY);
  return { domain, registrar, contacts, notes, source: 'rdap' };
}

function stripNulls<T extends object>(o: T | null): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v != null)) as Partial<T>;
}

function mergeContacts(a: AbuseContact[], b: AbuseContact[]): AbuseContact[] {
  const out = [...a];
  for (const c of b) {
    const dup = out.find(
      (x) => c.emails.length > 0 && c.emails.every((e) => x.emails.some((y) => y.toLowerCase() === e.toLowerCase())),
    );
    if (!dup) out.push(c);
  }
  return out;
}

async function domainWhois(deps: LookupDeps, domain: string, errors: ErrorLog): Promise<DomainFacts | null> {
  if (!deps.whois) return null;
  try {
    const raw = await deps.whois(domain, 'domain');
    if (raw == null) return null;
    const v = parseWhoisRecord(raw);
    if (!v.ok) {
      errors.add({ step: 'whois', kind: 'invalid_response', message: v.message });
      return null;
    }
    const w = v.record;
    const contacts = whoisDomainContacts(w);
    const registrar = {
      name: w.registrar,
      handle: w.registrarId ?? null,
      ianaId: w.registrarIanaId ?? null,
      url: w.registrarUrl,
    };
    return { domain, registrar, contacts, notes: [], source: 'whois', whois: w };
  } catch (e) {
    errors.add({
      step: 'whois',
      kind: 'unavailable',
      message: `WHOIS for ${domain} failed: ${e instanceof Error ? e.message : String(e)}`,
    });
    return null;
  }
}
