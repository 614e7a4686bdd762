/**
 * The one public entry of the lookup core, for lib/server, lib/report, lib/db, lib/bulk and the pages (eslint.config.js
 * refuses deep imports elsewhere). The browser's adapters (browser-deps.ts, browser-batch.ts) live inside lib/lookup
 * and are exported here too; the backend's adapters (lib/server: node:dns resolver, port-43 WHOIS socket, SQLite cache,
 * range-coalescing fetch) implement the interfaces exported here.
 */
export { lookup, lookupTarget, type LookupOptions } from './lookup';
export { normalizeTarget, type NormalizedTarget, type NormalizeResult } from './normalize';
export { batchStats, groupByHost, type BatchItem, type HostGroup } from './group-hosts';
export { browserBatch, blockOf, type BrowserBatchOptions } from './browser-batch';
export { createBrowserLookupDeps, type BrowserLookup } from './browser-deps';
export { MemoryLookupCache } from './memory-cache';
export { Semaphore } from './semaphore';
export { DEFAULT_BUDGETS, type Budget } from './request-budget';
export { defaultAllowUrl, DEFAULT_BOOTSTRAP_BASE } from './runtime';
export { rdapClientFor, parseRdap, parseRdapText, MAX_BODY_BYTES } from './rdap-client';
export { canonicalAddress, rangeContainsIp, rangeOf, type IpRange } from './ip-range';
export { detectCdn, type CdnMatch, type CdnSignals } from './cdn';
export { cymruOriginName, parseCymruTxt } from './asn';
export { extractContacts } from './abuse';
export { parseNetwork } from './rdap-network';
export type { StepEvent, StepStatus } from '../contract';
export * from './types';
