/**
 * One WhoisRecord from a thin registry's answer and the registrar's answer it refers to (one registrar hop). The
 * registrar's own answer wins where both speak, except for the network fields only a registry prints; every field of
 * the record is carried, so identifiers (IANA id, registry id) and the registrar's general addresses survive the hop.
 */
import type { WhoisRecord } from '../lookup';

const MAX_EMAILS = 20;
const union = (a: string[] = [], b: string[] = []) => [...new Set([...a, ...b])].slice(0, MAX_EMAILS);

export function mergeWhoisRecords(registry: WhoisRecord, registrar: WhoisRecord): WhoisRecord {
  const abuseEmails = union(registrar.abuseEmails, registry.abuseEmails);
  const general = union(registrar.registrarEmails, registry.registrarEmails).filter((e) => !abuseEmails.includes(e));
  const out: WhoisRecord = {
    server: registrar.server,
    registrar: registrar.registrar ?? registry.registrar,
    registrarUrl: registrar.registrarUrl ?? registry.registrarUrl,
    abuseEmails,
    abusePhone: registrar.abusePhone ?? registry.abusePhone ?? null,
    registrantOrg: registrar.registrantOrg ?? registry.registrantOrg,
    country: registrar.country ?? registry.country,
    range: registry.range ?? null,
    networkName: registry.networkName ?? null,
    raw: `${registry.raw ?? ''}\n\n${registrar.raw ?? ''}`,
  };
  // The name as printed goes with the name chosen, so both come from the same answer.
  const named = registrar.registrar ? registrar : registry;
  if (named.registrarRaw) out.registrarRaw = named.registrarRaw;
  const id = registrar.registrarId ?? registry.registrarId;
  if (id) out.registrarId = id;
  // The registry's IANA id is authoritative: it is the sponsoring registrar of record.
  const iana = registry.registrarIanaId ?? registrar.registrarIanaId;
  if (iana) out.registrarIanaId = iana;
  if (general.length) out.registrarEmails = general;
  return out;
}
