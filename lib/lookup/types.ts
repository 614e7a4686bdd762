/**
 * Contracts between the isomorphic lookup core (lib/lookup) and its hosts: the backend
 * (lib/server: node:dns resolver, port-43 WHOIS, SQLite cache) and tests (fakes).
 * All I/O is injected so the core runs in the extension, in Node and in tests alike.
 */
import type { LookupError, LookupErrorKind, LookupStep } from '../contract';
import type { Note } from '../model/note';

export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'TXT';

export type CacheNamespace = 'bootstrap' | 'domain' | 'registrar' | 'asn' | 'whois' | 'dns';

export interface LookupDeps {
  fetch: typeof globalThis.fetch;
  /** Resolves one record type; returns [] for NXDOMAIN/NODATA; throws for timeouts/server failure. CNAME returns the next name only. */
  resolve: (name: string, type: DnsType) => Promise<string[]>;
  now: () => Date;
  /** Optional WHOIS (backend only): query the right server (picked via IANA referral) and return parsed facts, or null. */
  whois?: (query: string, kind: 'domain' | 'ip') => Promise<WhoisRecord | null>;
  /** Default: an in-memory cache per deps object (lib/lookup/memory-cache.ts). */
  cache?: LookupCache;
  /** Default 'https://data.iana.org/rdap/'; files dns.json, ipv4.json, ipv6.json, asn.json. Must end with '/'. */
  bootstrapBase?: string;
  /** Per request, default 8000. */
  timeoutMs?: number;
  /** Which RDAP URLs may be fetched. Default: https only, and never an IP-literal host that is non-public. Tests allow http://127.0.0.1. */
  allowUrl?: (url: URL) => boolean;
  /** Per-RDAP-server (origin) concurrency, default 4. */
  maxPerServer?: number;
  /** Retries after the first attempt on rate limits / 503, default 2. Backoff honours Retry-After, capped by maxRetryWaitMs. */
  retries?: number;
  /** Cap on a single backoff wait, default 10 000 ms. */
  maxRetryWaitMs?: number;
  /** Injected so tests don't wait. Default: setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Whole lookup, default 3 × timeoutMs: past it the lookup answers with what it has and a timeout error. */
  deadlineMs?: number;
  /** Requests per minute per RDAP host (token buckets); merged over DEFAULT_BUDGETS (request-budget.ts). */
  requestBudgets?: Record<string, { perMinute: number; burst?: number }>;
  /** Failures in a row before a registry is skipped, and for how long (circuit-breaker.ts). Default 3, 30 s. */
  breaker?: { threshold?: number; cooldownMs?: number };
}

/** Parsed port-43 WHOIS facts (part B parses; the core only consumes). */
export interface WhoisRecord {
  server: string;
  /** Display name: a registry's suffix such as "(R22-LRCC)" is stripped, see registrarRaw. */
  registrar: string | null;
  /** The registrar as printed, when it differs from the display name (kept as an identifier). */
  registrarRaw?: string | null;
  /** Registry-assigned registrar id or handle ("R22-LRCC", "NICREG-1"), when printed. */
  registrarId?: string | null;
  /** ICANN-accredited registrar id ("Registrar IANA ID: 292"), for the provider directory's iana-id match. */
  registrarIanaId?: string | null;
  registrarUrl: string | null;
  /** Addresses the answer labels as abuse contacts only. */
  abuseEmails: string[];
  abusePhone?: string | null;
  /**
   * The registrar's own addresses that the answer does NOT label as abuse (.fr, .pl, .nz…): its general contact,
   * offered with lower confidence and never as an abuse desk.
   */
  registrarEmails?: string[];
  registrantOrg: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string | null;
  /** For IP queries: the network range if the server printed one (inetnum/NetRange/CIDR). */
  range?: string | null;
  networkName?: string | null;
  raw?: string;
}

export interface LookupCache {
  get<T>(namespace: CacheNamespace, key: string): Promise<T | undefined>;
  set<T>(namespace: CacheNamespace, key: string, value: T, ttlMs: number): Promise<void>;
  /** Network records are keyed by range, not single IP: a second IP in a cached range costs no RDAP query. */
  getNetwork(ip: string): Promise<NetworkRecord | undefined>;
  setNetwork(record: NetworkRecord, ttlMs: number): Promise<void>;
}

/** Where a contact sits, so the UI can say whom it is writing to (docs/rdap-quirks.md §4 "scope"). */
export type ContactScope = 'network' | 'org' | 'registrar' | 'registry-desk' | 'domain';

export interface AbuseContact {
  /** Entity handle; null for handle-less registrar abuse entities (icann/icann-rdap#127). */
  handle: string | null;
  name: string | null;
  roles: string[];
  emails: string[];
  phones: string[];
  /** contact-uri or a registrar web form. */
  formUrl: string | null;
  scope: ContactScope;
  /** True when the entity carries role "abuse"; false for fallbacks (org, technical, noc). */
  isAbuseRole: boolean;
  /** Entity nesting depth where it was found (0 = top level). */
  depth: number;
  notes: Note[];
}

export interface NetworkRecord {
  /** Canonical text (formatIp): no zero padding, compressed lower-case IPv6, no /32 suffix. */
  startAddress: string;
  endAddress: string;
  cidr: string | null;
  /** Every cidr0 block when a network spans several (ARIN MSFT: /11, /13, /14). */
  cidrs?: string[];
  handle: string | null;
  name: string | null;
  country: string | null;
  /** 'arin' | 'ripe' | 'apnic' | 'lacnic' | 'afrinic' | 'registro.br' | ... derived from the server origin. */
  rir: string | null;
  originAsn: number | null;
  /** Organisation name from the registrant entity or APNIC "description" remark. */
  orgName?: string | null;
  /** Ranked: best first; registry desks last and scoped 'registry-desk'. */
  contacts: AbuseContact[];
  /** Coded notes (redactions, truncation, withheld placeholders). */
  notes?: Note[];
  /** The RDAP URL it came from, kept as evidence of the hop. */
  source?: string;
  /** 'rdap' | 'whois' */
  via?: 'rdap' | 'whois';
}

/** An error carried in a thrown value inside the core; lookup() converts it to LookupError. */
export class LookupFailure extends Error {
  constructor(
    readonly step: LookupStep,
    readonly kind: LookupErrorKind,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LookupFailure';
  }
  toLookupError(): LookupError {
    return { step: this.step, kind: this.kind, message: this.message };
  }
}
