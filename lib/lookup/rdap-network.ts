/** An RDAP ip network object → NetworkRecord (canonical range, cidr0 blocks, origin AS, ranked contacts). */
import { extractContacts } from './abuse';
import { canonicalAddress, exactCidr, rangeOf } from './ip-range';
import type { RdapObject } from './rdap-schema';
import type { NetworkRecord } from './types';

const RIR_HOSTS: Array<[RegExp, string]> = [
  [/(^|\.)arin\.net$/i, 'arin'],
  [/(^|\.)ripe\.net$/i, 'ripe'],
  [/(^|\.)apnic\.net$/i, 'apnic'],
  [/(^|\.)lacnic\.net$/i, 'lacnic'],
  [/(^|\.)afrinic\.net$/i, 'afrinic'],
  [/(^|\.)registro\.br$/i, 'registro.br'],
];
const HANDLE_SUFFIX: Array<[RegExp, string]> = [
  [/-ARIN$/i, 'arin'],
  [/-RIPE$/i, 'ripe'],
  [/-AP$/i, 'apnic'],
  [/-LACNIC$/i, 'lacnic'],
  [/-AFRINIC$/i, 'afrinic'],
];

export function rirOf(sourceUrl: string | null, data: RdapObject): string | null {
  if (sourceUrl) {
    try {
      const host = new URL(sourceUrl).hostname;
      for (const [re, rir] of RIR_HOSTS) if (re.test(host)) return rir;
    } catch {
      /* fall through to handles */
    }
  }
  const p43 = data.port43 ?? '';
  for (const [re, rir] of RIR_HOSTS) if (re.test(p43)) return rir;
  const handles = [data.handle ?? '', ...(data.entities ?? []).map((e) => e.handle ?? '')];
  for (const [re, rir] of HANDLE_SUFFIX) if (handles.some((h) => re.test(h))) return rir;
  return null;
}

/**
 * Origin AS from the number-registry extensions (docs/rdap-quirks.md §1): ARIN `arin_originas0_originautnums`
 * (may be [] = unknown), LACNIC `lacnic_originAutnum` ("AS6057" strings), registro.br `nicbr_autnum`.
 */
export function originAsnFromRdap(data: RdapObject): number | null {
  const arin = data.arin_originas0_originautnums;
  if (arin?.[0] !== undefined) return arin[0];
  for (const s of data.lacnic_originAutnum ?? []) {
    const m = /^(?:AS)?(\d{1,10})$/i.exec(s.trim());
    if (m) return Number(m[1]);
  }
  const br = data.nicbr_autnum;
  if (typeof br === 'number') return br;
  if (typeof br === 'string' && /^(?:AS)?\d{1,10}$/i.test(br.trim())) return Number(br.trim().replace(/^AS/i, ''));
  return null;
}

function cidr0(data: RdapObject): string[] {
  const out: string[] = [];
  for (const c of data.cidr0_cidrs ?? []) {
    const prefix = canonicalAddress(c.v4prefix ?? c.v6prefix ?? null);
    const len = typeof c.length === 'string' ? Number(c.length) : c.length;
    if (prefix && Number.isInteger(len)) out.push(`${prefix}/${len}`);
  }
  return out;
}

/** Null when the object has no usable start/end range. */
export function parseNetwork(data: RdapObject, sourceUrl: string | null): NetworkRecord | null {
  const start = canonicalAddress(data.startAddress);
  const end = canonicalAddress(data.endAddress);
  if (!start || !end) return null;
  const range = rangeOf(start, end);
  if (!range) return null;
  const blocks = cidr0(data);
  const { contacts, notes, orgName } = extractContacts(data, 'network');
  const country =
    typeof data.country === 'string' && /^[A-Za-z]{2}$/.test(data.country) ? data.country.toUpperCase() : null;
  return {
    startAddress: start,
    endAddress: end,
    cidr: blocks[0] ?? exactCidr(range),
    cidrs: blocks.length > 1 ? blocks : undefined,
    handle: data.handle ?? null,
    name: data.name ?? null,
    country,
    rir: rirOf(sourceUrl, data),
    originAsn: originAsnFromRdap(data),
    orgName,
    contacts,
    notes,
    source: sourceUrl ?? undefined,
    via: 'rdap',
  };
}
