/**
 * Turns whatever the user right-clicked or pasted into one lookup target, or says why not.
 * Private, loopback and local-only names are refused here so no later step ever queries them.
 */
import { getDomain } from 'tldts';
import { MAX_INPUT_LENGTH, type LookupError } from '../contract';
import { formatIp, nonPublicReason, parseIp } from '../net/ip';

export interface NormalizedTarget {
  /** http(s) URL without credentials or port. */
  url: string;
  /** Punycode, lower case, no trailing dot, no brackets for IPv6. */
  hostname: string;
  /** tldts ICANN registrable domain; null for IP literals. */
  registrableDomain: string | null;
  /** Canonical IP text when the host is an IP literal. */
  ip?: string;
}

export type NormalizeResult = ({ ok: true } & NormalizedTarget) | { ok: false; error: LookupError };

/** RFC 1035 §2.3.4. */
const MAX_HOSTNAME = 253;
const MAX_LABEL = 63;
/** Names that only resolve on a local network (RFC 6761, RFC 6762, RFC 8375, ICANN .internal). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'lan', 'intranet', 'corp', 'localdomain'];
/** RFC 2606 / RFC 6761 special-use TLDs that never reach a public host; .onion needs Tor (RFC 7686). */
const UNREACHABLE_TLDS = ['test', 'invalid', 'example', 'onion', 'arpa'];

const fail = (kind: 'invalid_input' | 'private_target', message: string): NormalizeResult => ({
  ok: false,
  error: { step: 'input', kind, message },
});

export function normalizeTarget(input: string): NormalizeResult {
  if (typeof input !== 'string') return fail('invalid_input', 'Input must be a string.');
  if (input.length > MAX_INPUT_LENGTH)
    return fail('invalid_input', `Input is longer than ${MAX_INPUT_LENGTH} characters.`);
  const trimmed = input.trim();
  if (trimmed === '') return fail('invalid_input', 'Input is empty.');
  if (/\p{Cc}/u.test(trimmed)) return fail('invalid_input', 'Input contains control characters.');

  let candidate: string;
  const bareIp = parseIp(trimmed);
  if (bareIp) {
    candidate = bareIp.version === 6 ? `http://[${formatIp(bareIp)}]/` : `http://${formatIp(bareIp)}/`;
  } else if (trimmed.startsWith('//')) {
    candidate = `http:${trimmed}`;
  } else {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(trimmed);
    if (scheme && !/^\d+(?:[/?#]|$)/.test(scheme[2] ?? '')) {
      const name = (scheme[1] ?? '').toLowerCase();
      if (name !== 'http' && name !== 'https')
        return fail('invalid_input', `Only http and https addresses can be reported, not "${name}:".`);
      candidate = trimmed;
    } else {
      // A bare host ("example.com/path", "example.com:8080"): assume http.
      candidate = `http://${trimmed}`;
    }
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return fail('invalid_input', 'Not a valid web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail('invalid_input', `Only http and https addresses can be reported, not "${url.protocol}".`);

  let hostname = url.hostname.toLowerCase();
  if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
  while (hostname.endsWith('.')) hostname = hostname.slice(0, -1);
  if (hostname === '') return fail('invalid_input', 'The address has no host name.');
  if (hostname.length > MAX_HOSTNAME)
    return fail('invalid_input', `Host name is longer than ${MAX_HOSTNAME} characters.`);

  url.username = '';
  url.password = '';
  url.port = '';

  const ip = parseIp(hostname);
  if (ip) {
    const reason = nonPublicReason(ip);
    if (reason) return fail('private_target', `The address ${formatIp(ip)} is ${reason}, not a public host.`);
    const text = formatIp(ip);
    url.hostname = ip.version === 6 ? `[${text}]` : text;
    return { ok: true, url: url.href, hostname: text, registrableDomain: null, ip: text };
  }

  const labels = hostname.split('.');
  if (labels.some((l) => l === '')) return fail('invalid_input', 'Host name has an empty label.');
  if (labels.some((l) => l.length > MAX_LABEL))
    return fail('invalid_input', `A host name label is longer than ${MAX_LABEL} characters.`);
  if (labels.length < 2)
    return fail('private_target', `"${hostname}" is a single-label name that only resolves on a local network.`);
  if (LOCAL_SUFFIXES.some((s) => hostname === s || hostname.endsWith(`.${s}`)))
    return fail('private_target', `"${hostname}" is a local-network name, not a public host.`);
  const tld = labels[labels.length - 1] ?? '';
  if (UNREACHABLE_TLDS.includes(tld))
    return fail('invalid_input', `".${tld}" is a special-use name that has no public host.`);
  // A numeric last label that is not a valid IPv4 (e.g. "1.2.3.999") is neither a host name nor an address.
  if (/^\d+$/.test(tld)) return fail('invalid_input', `"${hostname}" is not a valid host name or IP address.`);

  url.hostname = hostname;
  return { ok: true, url: url.href, hostname, registrableDomain: getDomain(hostname) ?? null };
}
