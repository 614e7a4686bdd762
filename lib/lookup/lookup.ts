/**
 * The lookup's orchestration: a normalised target → who to send a notice to. Independent queries run in parallel so
 * the wall time tracks the longest dependent chain (DNS → IP RDAP in address-branch.ts; domain RDAP → registrar RDAP
 * in domain-branch.ts), and every failing source becomes an entry in errors[] instead of an exception.
 */
import { LookupResultSchema, type LookupError, type LookupResult, type StepEvent, type StepStatus } from '../contract';
import { isPublicIp, nonPublicReason, parseIp } from '../net/ip';
import { addressBranch, hasOperatorEmail } from './address-branch';
import { lookupAutnum, type AutnumInfo } from './asn';
import { note } from '../model/note';
import { cdnRangeFor, detectCdn, type CdnMatch } from './cdn';
import { CDN_RANGES } from './cdn-data/ranges';
import { CDN_SIGNATURES } from './cdn-data/signatures';
import { resolveHost } from './dns';
import { domainBranch } from './domain-branch';
import { ErrorLog } from './error-log';
import { normalizeTarget, type NormalizedTarget } from './normalize';
import { buildRecipients, type AddressFacts, type DomainFacts } from './recipients';
import { runtimeFor } from './runtime';
import type { LookupDeps } from './types';

export interface LookupOptions {
  /** Response headers seen for the page (CDN evidence). */
  headers?: Record<string, string>;
  /** Told as each stage starts and ends, so a caller can show real progress. */
  onStep?: (e: StepEvent) => void;
}

const MAX_ADDRESSES = 8;

/**
 * What the user gave, checked once: a refused input is an answer (errors[0] says why), not an exception. Callers that
 * must refuse before anything else happens (the backend's routes) call normalizeTarget themselves and then
 * lookupTarget, so no request normalises twice.
 */
export async function lookup(input: string, deps: LookupDeps, opts: LookupOptions = {}): Promise<LookupResult> {
  const target = normalizeTarget(input);
  if (!target.ok)
    return {
      input: String(input).slice(0, 2048),
      hostname: '',
      registrableDomain: null,
      addresses: [],
      cdn: null,
      recipients: [],
      errors: [target.error],
    };
  return lookupTarget(target, deps, opts, input);
}

/** The core: takes a target normalizeTarget already accepted; `input` is echoed as given (default: the target URL). */
export async function lookupTarget(
  target: NormalizedTarget,
  deps: LookupDeps,
  opts: LookupOptions = {},
  input: string = target.url,
): Promise<LookupResult> {
  const errors = new ErrorLog();
  const empty: LookupResult = {
    input,
    hostname: target.hostname,
    registrableDomain: target.registrableDomain,
    addresses: [],
    cdn: null,
    recipients: [],
    errors: [],
  };
  const running = run(target.hostname, target.registrableDomain, target.ip ?? null, deps, opts, errors, empty).catch(
    (e) => {
      // Defensive: a bug must not turn into an unhandled rejection in the extension or a 500 on the server.
      errors.fromUnknown(e, 'input');
      return { ...empty, errors: errors.list };
    },
  );
  // One overall deadline: whatever a registry does, the caller gets an answer (and frees its slot) in time.
  const deadlineMs = runtimeFor(deps).deadlineMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<LookupResult>((resolve) => {
    timer = setTimeout(() => {
      const late: LookupError = {
        step: 'input',
        kind: 'timeout',
        message: `The lookup did not finish within ${Math.round(deadlineMs / 1000)} s; try again later.`,
      };
      resolve({ ...empty, errors: [...errors.list, late] });
    }, deadlineMs);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function run(
  hostname: string,
  domain: string | null,
  literalIp: string | null,
  deps: LookupDeps,
  opts: LookupOptions,
  errors: ErrorLog,
  base: LookupResult,
): Promise<LookupResult> {
  const tell = (step: LookupError['step'], status: StepStatus) => {
    try {
      opts.onStep?.({ step, status });
    } catch {
      // A listener's failure must not break the lookup.
    }
  };
  const finish = (step: LookupError['step'], related: readonly LookupError['step'][] = [step]) =>
    tell(step, errors.has(related) ? 'error' : 'done');
  // Domain RDAP waits until DNS shows a public address (or DNS is done), so a name that resolves only
  // to private space causes no RDAP query at all; it then runs in parallel with the IP branch.
  let releaseDomain!: () => void;
  const domainGate = new Promise<void>((r) => (releaseDomain = r));
  const onAddresses = (ips: string[]) => {
    if (ips.some(isPublicIp)) releaseDomain();
  };
  let privateOnly = false;
  const domainP: Promise<DomainFacts | null> = domain
    ? domainGate.then(async () => {
        if (privateOnly) return null;
        tell('rdap-domain', 'start');
        const facts = await domainBranch(deps, domain, errors);
        finish('rdap-domain', ['rdap-domain', 'rdap-registrar', 'whois']);
        return facts;
      })
    : Promise.resolve(null);

  let addresses: string[];
  let cnames: string[] = [];
  let nameservers: string[] = [];
  if (literalIp) {
    addresses = [literalIp];
  } else {
    tell('dns', 'start');
    const dns = await resolveHost(deps, hostname, domain, onAddresses);
    dns.errors.forEach((e) => errors.add(e));
    addresses = dns.addresses;
    cnames = dns.cnames;
    nameservers = dns.nameservers;
    if (addresses.length === 0 && !dns.errors.some((e) => e.kind !== 'invalid_response'))
      errors.add({ step: 'dns', kind: 'not_found', message: `${hostname} has no A or AAAA records.` });
    finish('dns');
  }

  const publicIps = addresses.filter(isPublicIp);
  if (addresses.length > 0 && publicIps.length === 0) {
    privateOnly = true;
    releaseDomain();
    const reasons = [...new Set(addresses.map((a) => nonPublicReason(parseIp(a)!)))].join(', ');
    errors.add({
      step: 'dns',
      kind: 'private_target',
      message: `${hostname} resolves only to non-public addresses (${reasons}); nothing to look up.`,
    });
    await domainP;
    // The refused addresses are not echoed: the answer must not map the network the backend runs in.
    return LookupResultSchema.parse({ ...base, addresses: [], errors: errors.list });
  }
  releaseDomain();

  // Round-robin pools can list dozens of addresses in a few networks: the first few identify them.
  const targets = publicIps.slice(0, MAX_ADDRESSES);

  tell('rdap-ip', 'start');
  const addressesP = Promise.all(targets.map((ip) => addressBranch(deps, ip, errors))).then((facts) => {
    finish('rdap-ip', ['rdap-ip', 'asn']);
    return facts;
  });
  const [addressFacts, domainFacts] = await Promise.all([addressesP, domainP]);

  const asns = addressFacts.map((a) => a.asn).filter((n): n is number => n != null);
  const cdn = safe(
    () => detectCdn({ ips: targets, cnames, nameservers, asns, headers: opts.headers }),
    null,
    errors,
    'cdn',
  );
  finish('cdn');
  for (const a of addressFacts) a.cdnEdge = cdn !== null && isCdnEdge(a, cdn);

  // Upstream AS details only when the host record gave no usable operator address (escalation path).
  const upstream = new Map<number, AutnumInfo>();
  await Promise.all(
    addressFacts
      .filter((a) => !a.cdnEdge && a.asn != null && !hasOperatorEmail(a.network?.contacts ?? []))
      .map(async (a) => {
        if (upstream.has(a.asn!)) return;
        try {
          upstream.set(a.asn!, await lookupAutnum(deps, a.asn!));
        } catch (e) {
          errors.fromUnknown(e, 'rdap-asn');
        }
      }),
  );

  const recipients = safe(
    () => buildRecipients({ addresses: addressFacts, cdn, domain: domainFacts, upstream }),
    [],
    errors,
    'directory',
  );
  finish('directory');
  const result: LookupResult = {
    ...base,
    addresses: publicIps.map((ip) => {
      const f = addressFacts.find((a) => a.ip === ip);
      const n = f?.network;
      return {
        ip,
        asn: f?.asn ?? null,
        network: n ? { handle: n.handle, name: n.name, cidr: n.cidr, country: n.country, rir: n.rir } : null,
      };
    }),
    cdn: cdn ? { name: cdn.name, evidence: cdn.evidence, note: note('cdn_origin_hidden', { cdn: cdn.name }) } : null,
    recipients,
    errors: errors.list,
  };
  const checked = LookupResultSchema.safeParse(result);
  if (checked.success) return checked.data;
  errors.add({
    step: 'directory',
    kind: 'invalid_response',
    message: `Result failed validation: ${checked.error.issues[0]?.message}`,
  });
  return { ...base, addresses: result.addresses, cdn: result.cdn, recipients: [], errors: errors.list };
}

function safe<T>(f: () => T, fallback: T, errors: ErrorLog, step: LookupError['step']): T {
  try {
    return f();
  } catch (e) {
    errors.fromUnknown(e, step);
    return fallback;
  }
}

function isCdnEdge(a: AddressFacts, cdn: CdnMatch): boolean {
  const hit = cdnRangeFor(a.ip);
  if (hit) return CDN_RANGES[hit.set].providerId === cdn.providerId;
  if (a.asn != null && CDN_SIGNATURES.find((s) => s.providerId === cdn.providerId)?.asns?.includes(a.asn)) return true;
  // The name CNAMEs into the CDN (CloudFront on mixed AS16509): its addresses are the CDN's edge.
  return cdn.evidence.some((e) => e.startsWith('cname:'));
}
