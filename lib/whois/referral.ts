/**
 * Which WHOIS server a reply sends us to next: IANA's "refer:" (TLD or address block → registry) and a
 * thin registry's "Registrar WHOIS Server:" (→ registrar), plus ARIN's "ReferralServer: whois://…".
 * Returns host or host:port, or null. Callers decide whether the host may be contacted.
 */
const REFERRAL_KEYS = ['refer', 'whois', 'registrar whois server', 'whois server', 'referralserver'];
const HOST = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)*(?::\d{1,5})?$/i;

export function whoisReferral(text: string): string | null {
  if (typeof text !== 'string') return null;
  for (const rawLine of text.slice(0, 512 * 1024).split(/\r?\n|\r/)) {
    const line = rawLine.trim();
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    if (!REFERRAL_KEYS.includes(key)) continue;
    let value = line.slice(colon + 1).trim();
    if (/^rwhois:/i.test(value)) continue;
    value = value.replace(/^(?:whois|https?):\/\//i, '').replace(/\/.*$/, '');
    if (value && HOST.test(value) && value.includes('.')) return value.toLowerCase();
  }
  return null;
}
