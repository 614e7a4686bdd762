/** Public surface of the lookup core, for lib/server and the extension. */
export { lookup, type LookupOptions, type StepEvent } from './lookup';
export { normalizeTarget, type NormalizedTarget, type NormalizeResult } from './normalize';
export { MemoryLookupCache } from './memory-cache';
export { defaultAllowUrl, DEFAULT_BOOTSTRAP_BASE } from './runtime';
export { rdapClientFor, parseRdap, parseRdapText } from './rdap-client';
export { detectCdn, type CdnMatch, type CdnSignals } from './cdn';
export { cymruOriginName, parseCymruTxt } from './asn';
export { extractContacts } from './abuse';
export { parseNetwork } from './rdap-network';
export * from './types';
