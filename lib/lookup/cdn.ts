/**
 * CDN / reverse-proxy detection (docs/cdn-signals.md §1). A CDN cannot remove content from the origin, so the
 * lookup must say "this is a CDN" and keep the CDN from standing in for the host.
 */
import { cidrContains, formatIp, parseCidr, parseIp, type Cidr } from '../net/ip';
import { CDN_RANGES, type CdnRangeSet } from './cdn-data/ranges';
import { CDN_SIGNATURES, type CdnSignature } from './cdn-data/signatures';

export type CdnConfidence = 'definitive' | 'strong' | 'weak';

export interface CdnMatch {
  name: string;
  providerId: string;
  confidence: CdnConfidence;
  evidence: string[];
}

export interface CdnSignals {
  ips?: string[];
  /** Every name in the CNAME chain after the queried host. */
  cnames?: string[];
  nameservers?: string[];
  /** Origin ASNs of the addresses. */
  asns?: number[];
  /** Response headers (any case). */
  headers?: Record<string, string>;
}

let compiled: Array<{ set: CdnRangeSet; cidrs: Cidr[] }> | null = null;
function compiledRanges() {
  if (!compiled) {
    compiled = (Object.keys(CDN_RANGES) as CdnRangeSet[]).map((set) => ({
      set,
      cidrs: CDN_RANGES[set].ranges
        .split(/\s+/)
        .map((s) => parseCidr(s))
        .filter((c): c is Cidr => c !== null),
    }));
  }
  return compiled;
}

/** Which published range set (if any) contains the IP; bare addresses in a list count as /32 or /128. */
export function cdnRangeFor(ip: string): { set: CdnRangeSet; cidr: string } | null {
  const p = parseIp(ip);
  if (!p) return null;
  for (const { set, cidrs } of compiledRanges()) {
    const hit = cidrs.find((c) => cidrContains(c, p));
    if (hit) return { set, cidr: `${formatIp({ version: hit.version, bytes: hit.bytes })}/${hit.prefix}` };
  }
  return null;
}

const suffixMatch = (name: string, suffix: string) => name === suffix || name.endsWith(`.${suffix}`);
const clean = (n: string) => n.toLowerCase().replace(/\.$/, '');

const RANK: Record<CdnConfidence, number> = { definitive: 3, strong: 2, weak: 1 };

export function detectCdn(signals: CdnSignals): CdnMatch | null {
  const found = new Map<string, CdnMatch>();
  const bump = (sig: Pick<CdnSignature, 'name' | 'providerId'>, confidence: CdnConfidence, evidence: string) => {
    const m = found.get(sig.providerId) ?? { name: sig.name, providerId: sig.providerId, confidence, evidence: [] };
    if (RANK[confidence] > RANK[m.confidence]) m.confidence = confidence;
    if (!m.evidence.includes(evidence)) m.evidence.push(evidence);
    found.set(sig.providerId, m);
  };
  const byProvider = new Map(CDN_SIGNATURES.map((s) => [s.providerId, s]));

  for (const ip of signals.ips ?? []) {
    const hit = cdnRangeFor(ip);
    if (!hit) continue;
    const data = CDN_RANGES[hit.set];
    const sig = byProvider.get(data.providerId)!;
    bump(
      sig,
      data.official ? 'definitive' : 'strong',
      `ip-in:${hit.set} ${hit.cidr} (${ip})${data.official ? '' : ' [non-official list]'}`,
    );
  }

  const cnames = (signals.cnames ?? []).map(clean);
  const nss = (signals.nameservers ?? []).map(clean);
  const headers = Object.fromEntries(
    Object.entries(signals.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );

  for (const sig of CDN_SIGNATURES) {
    for (const c of cnames) {
      const suffix = sig.cnameSuffixes?.find((s) => suffixMatch(c, s));
      if (suffix) bump(sig, 'strong', `cname:${c} (*.${suffix})`);
      else if (sig.cnamePatterns?.some((re) => re.test(c))) bump(sig, 'strong', `cname:${c}`);
    }
    for (const asn of signals.asns ?? []) if (sig.asns?.includes(asn)) bump(sig, 'strong', `asn:AS${asn}`);
    for (const [name, test] of sig.headers ?? []) {
      const v = headers[name];
      if (v === undefined) continue;
      if (test === '' || test.test(v)) bump(sig, 'weak', `header:${name}${test === '' ? '' : `: ${v.slice(0, 80)}`}`);
    }
  }

  // Nameservers alone do not prove the proxy is on (docs/cdn-signals.md §1): supporting evidence for an existing match only.
  for (const sig of CDN_SIGNATURES) {
    const m = found.get(sig.providerId);
    if (!m) continue;
    for (const ns of nss) if (sig.nameserverSuffixes?.some((s) => suffixMatch(ns, s))) m.evidence.push(`ns:${ns}`);
  }
  // Several header hits from one provider are as good as one strong signal.
  for (const m of found.values())
    if (m.confidence === 'weak' && m.evidence.filter((e) => e.startsWith('header:')).length >= 2)
      m.confidence = 'strong';

  const all = [...found.values()].sort(
    (a, b) => RANK[b.confidence] - RANK[a.confidence] || b.evidence.length - a.evidence.length,
  );
  return all[0] ?? null;
}
