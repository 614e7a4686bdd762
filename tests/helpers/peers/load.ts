/**
 * Loads the peer corpora in ../shared/fixtures/peers (read-only) into one shape: a raw WHOIS or RDAP answer plus
 * the values the peer's authors expect, restricted to the fields each folder's NOTICE.md says are scored.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from '../fixtures';

export const PEERS_DIR = path.join(SHARED_DIR, 'fixtures/peers');

export type PeerField =
  | 'registrar'
  | 'registrantOrg'
  | 'abuseEmail'
  | 'abusePhone'
  | 'registrarEmail'
  | 'registrarUrl'
  | 'ianaId'
  | 'rdapName'
  | 'rdapOrg'
  | 'rdapEmail'
  | 'rdapAbuse';

export interface PeerExpectation {
  field: PeerField;
  /** Any of these is the peer's answer (weppos states a registrar name and organisation, either counts). */
  expected: string[];
  /**
   * How to compare: `equal` (normalised text), `part` (equal to the whole or to a comma part), `member` (ours is in
   * the list).
   */
  mode: 'equal' | 'part' | 'member';
  /** php-whois `owner` is the registrant organisation, else the registrant's name. */
  orName?: boolean;
}

export interface PeerSample {
  corpus: string;
  /** Path inside the corpus folder, stable across runs: the judged-wrong list refers to it. */
  id: string;
  kind: 'whois' | 'rdap';
  rdapKind?: 'autnum' | 'network' | 'domain';
  raw: string;
  /** The WHOIS server that answered, when the corpus says. */
  server: string;
  /** The queried domain, when the corpus says (file name or the peer's own `#domain` expectation). */
  query: string | null;
  expectations: PeerExpectation[];
}

const read = (p: string) => readFileSync(p, 'utf8');
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const files = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

function walk(dir: string, out: string[] = []): string[] {
  for (const name of files(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/** The raw line holding `value`, so a value is only scored as abuse when the answer itself labels it so. */
function lineHolding(raw: string, value: string): string | null {
  const v = value.toLowerCase();
  return raw.split(/\r?\n/).find((l) => l.toLowerCase().includes(v)) ?? null;
}
/** Some line holding `value` labels it so before the value ("Registrar Abuse Contact Email: …"). */
const labelled = (raw: string, value: string, label: RegExp) => {
  const v = value.toLowerCase();
  return raw.split(/\r?\n/).some((l) => {
    const at = l.toLowerCase().indexOf(v);
    return at >= 0 && label.test(l.slice(0, at));
  });
};

function likexian(): PeerSample[] {
  const dir = path.join(PEERS_DIR, 'likexian-whois-parser/noterror');
  const out: PeerSample[] = [];
  for (const name of files(dir)) {
    if (name.endsWith('.json') || !existsSync(path.join(dir, `${name}.json`))) continue;
    const raw = read(path.join(dir, name));
    const exp = JSON.parse(read(path.join(dir, `${name}.json`)));
    const r = exp.registrar ?? {};
    const e: PeerExpectation[] = [];
    if (nonEmpty(r.name)) e.push({ field: 'registrar', expected: [r.name], mode: 'equal' });
    if (nonEmpty(r.email) && labelled(raw, r.email, /abuse/i))
      e.push({ field: 'abuseEmail', expected: [r.email], mode: 'equal' });
    // Not labelled abuse: the registrar's general address (issue 20), scored apart from the abuse desk.
    else if (nonEmpty(r.email) && r.email.includes('@') && lineHolding(raw, r.email) !== null) {
      e.push({ field: 'registrarEmail', expected: r.email.split(/,\s*/), mode: 'member' });
    }
    if (nonEmpty(r.phone) && labelled(raw, r.phone, /abuse/i))
      e.push({ field: 'abusePhone', expected: [r.phone], mode: 'equal' });
    if (nonEmpty(r.id) && labelled(raw, r.id, /iana/i)) e.push({ field: 'ianaId', expected: [r.id], mode: 'equal' });
    if (nonEmpty(r.referral_url)) e.push({ field: 'registrarUrl', expected: [r.referral_url], mode: 'equal' });
    if (nonEmpty(exp.registrant?.organization))
      e.push({ field: 'registrantOrg', expected: [exp.registrant.organization], mode: 'equal' });
    const query = name.includes('_') ? name.slice(name.indexOf('_') + 1) : null;
    out.push({
      corpus: 'likexian-whois-parser',
      id: `noterror/${name}`,
      kind: 'whois',
      raw,
      server: '',
      query,
      expectations: e,
    });
  }
  return out;
}

/**
 * weppos's expectation DSL: `#registrar` then `%s.name == "…"`; `#registrant_contacts` then
 * `%s[0].organization == "…"`.
 */
function weppos(): PeerSample[] {
  const root = path.join(PEERS_DIR, 'weppos-whois-parser');
  const out: PeerSample[] = [];
  for (const p of walk(root)) {
    if (!p.endsWith('.expected')) continue;
    const txt = p.replace(/\.expected$/, '.txt');
    if (!existsSync(txt)) continue;
    const rel = path.relative(root, txt);
    const spec = read(p);
    const section = (name: string) => {
      const m = new RegExp(`^#${name}\\s*$([\\s\\S]*?)(?=^#|(?![\\s\\S]))`, 'm').exec(spec);
      return m?.[1] ?? '';
    };
    const value = (body: string, key: string) => {
      const m = new RegExp(`^\\s*%s${key.replace(/[[\]]/g, '\\$&')}\\s*==\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(body);
      return m ? m[1]!.replace(/\\"/g, '"') : null;
    };
    const reg = section('registrar');
    const names = [value(reg, '.name'), value(reg, '.organization')].filter(nonEmpty);
    const e: PeerExpectation[] = [];
    if (names.length) e.push({ field: 'registrar', expected: names, mode: 'equal' });
    const org = value(section('registrant_contacts'), '[0].organization');
    if (nonEmpty(org)) e.push({ field: 'registrantOrg', expected: [org], mode: 'equal' });
    const domain = value(section('domain'), '');
    out.push({
      corpus: 'weppos-whois-parser',
      id: rel,
      kind: 'whois',
      raw: read(txt),
      server: rel.split(path.sep)[0]!,
      query: domain,
      expectations: e,
    });
  }
  return out;
}

function phpWhois(): PeerSample[] {
  const root = path.join(PEERS_DIR, 'php-whois');
  const out: PeerSample[] = [];
  for (const p of walk(root)) {
    if (!p.endsWith('.txt')) continue;
    const json = p.replace(/\.txt$/, '.json');
    if (!existsSync(json)) continue;
    const exp = JSON.parse(read(json));
    const e: PeerExpectation[] = [];
    if (nonEmpty(exp.registrar)) e.push({ field: 'registrar', expected: [exp.registrar], mode: 'equal' });
    if (nonEmpty(exp.owner)) e.push({ field: 'registrantOrg', expected: [exp.owner], mode: 'equal', orName: true });
    const rel = path.relative(root, p);
    out.push({
      corpus: 'php-whois',
      id: rel,
      kind: 'whois',
      raw: read(p),
      server: '',
      query: nonEmpty(exp.domainName) ? exp.domainName : path.basename(p, '.txt'),
      expectations: e,
    });
  }
  return out;
}

function pythonWhois(): PeerSample[] {
  const root = path.join(PEERS_DIR, 'python-whois');
  const out: PeerSample[] = [];
  for (const name of files(path.join(root, 'whois'))) {
    const expPath = path.join(root, 'expected', name);
    if (!existsSync(expPath)) continue;
    const exp = JSON.parse(read(expPath));
    const e: PeerExpectation[] = [];
    const reg = Array.isArray(exp.registrar) ? exp.registrar[0] : exp.registrar;
    if (nonEmpty(reg)) e.push({ field: 'registrar', expected: [reg], mode: 'equal' });
    const url = Array.isArray(exp.registrar_url) ? exp.registrar_url[0] : exp.registrar_url;
    if (nonEmpty(url)) e.push({ field: 'registrarUrl', expected: [url], mode: 'equal' });
    const abuse = [exp.abuse_email, exp.registrar_email].find(nonEmpty);
    if (abuse) e.push({ field: 'abuseEmail', expected: [abuse], mode: 'equal' });
    const phone = [exp.abuse_phone, exp.registrar_phone].find(nonEmpty);
    if (phone) e.push({ field: 'abusePhone', expected: [phone], mode: 'equal' });
    out.push({
      corpus: 'python-whois',
      id: `whois/${name}`,
      kind: 'whois',
      raw: read(path.join(root, 'whois', name)),
      server: '',
      query: name,
      expectations: e,
    });
  }
  return out;
}

function asyncwhois(): PeerSample[] {
  const root = path.join(PEERS_DIR, 'asyncwhois');
  const expected: Record<string, Record<string, string | null>> = JSON.parse(read(path.join(root, 'expected.json')));
  const out: PeerSample[] = [];
  for (const [name, exp] of Object.entries(expected)) {
    const p = path.join(root, 'samples', name);
    if (!existsSync(p)) continue;
    const e: PeerExpectation[] = [];
    if (nonEmpty(exp.registrar)) e.push({ field: 'registrar', expected: [exp.registrar], mode: 'equal' });
    if (nonEmpty(exp.registrant_organization))
      e.push({ field: 'registrantOrg', expected: [exp.registrant_organization], mode: 'equal' });
    if (nonEmpty(exp.registrar_abuse_email))
      e.push({ field: 'abuseEmail', expected: [exp.registrar_abuse_email], mode: 'equal' });
    out.push({
      corpus: 'asyncwhois',
      id: `samples/${name}`,
      kind: 'whois',
      raw: read(p),
      server: '',
      query: null,
      expectations: e,
    });
  }
  return out;
}

function abuseWhois(): PeerSample[] {
  const p = path.join(PEERS_DIR, 'abuse_whois/godaddy.com.json');
  if (!existsSync(p)) return [];
  const d = JSON.parse(read(p));
  const e: PeerExpectation[] = [];
  if (nonEmpty(d.registrar)) e.push({ field: 'registrar', expected: [d.registrar], mode: 'equal' });
  if (nonEmpty(d.abuse?.email)) e.push({ field: 'abuseEmail', expected: [d.abuse.email], mode: 'equal' });
  if (nonEmpty(d.abuse?.telephone)) e.push({ field: 'abusePhone', expected: [d.abuse.telephone], mode: 'equal' });
  if (nonEmpty(d.registrant?.organization))
    e.push({ field: 'registrantOrg', expected: [d.registrant.organization], mode: 'equal' });
  return [
    {
      corpus: 'abuse_whois',
      id: 'godaddy.com.json',
      kind: 'whois',
      raw: d.rawText,
      server: '',
      query: d.domain ?? null,
      expectations: e,
    },
  ];
}

/**
 * 20c/rdap: `rdap/autnum/<n>.expected` (name, e-mails, org name) and `normalize/<kind>/<x>.expected` (normalised
 * contacts) whose input is `rdap/<kind>/<x>.input`.
 */
function rdap20c(): PeerSample[] {
  const root = path.join(PEERS_DIR, '20c-rdap');
  const out: PeerSample[] = [];
  const kindOf = (k: string) =>
    (k === 'ip' ? 'network' : k === 'autnum' ? 'autnum' : 'domain') as PeerSample['rdapKind'];
  for (const name of files(path.join(root, 'rdap/autnum'))) {
    if (!name.endsWith('.expected')) continue;
    const input = path.join(root, 'rdap/autnum', name.replace(/\.expected$/, '.input'));
    if (!existsSync(input)) continue;
    const exp = JSON.parse(read(path.join(root, 'rdap/autnum', name)));
    const e: PeerExpectation[] = [];
    if (nonEmpty(exp.name)) e.push({ field: 'rdapName', expected: [exp.name], mode: 'equal' });
    if (nonEmpty(exp.org_name)) e.push({ field: 'rdapOrg', expected: [exp.org_name], mode: 'part' });
    if (Array.isArray(exp.emails) && exp.emails.length)
      e.push({ field: 'rdapEmail', expected: exp.emails, mode: 'member' });
    out.push({
      corpus: '20c-rdap',
      id: `rdap/autnum/${name}`,
      kind: 'rdap',
      rdapKind: 'autnum',
      raw: read(input),
      server: '',
      query: null,
      expectations: e,
    });
  }
  for (const kind of files(path.join(root, 'normalize'))) {
    for (const name of files(path.join(root, 'normalize', kind))) {
      const input = path.join(root, 'rdap', kind, name.replace(/\.expected$/, '.input'));
      if (!name.endsWith('.expected') || !existsSync(input)) continue;
      const exp = JSON.parse(read(path.join(root, 'normalize', kind, name)));
      const e: PeerExpectation[] = [];
      if (nonEmpty(exp.name)) e.push({ field: 'rdapName', expected: [exp.name], mode: 'equal' });
      if (nonEmpty(exp.organization?.name))
        e.push({ field: 'rdapOrg', expected: [exp.organization.name], mode: 'part' });
      const emails = (exp.contacts ?? []).map((c: { email?: string }) => c.email).filter(nonEmpty);
      // An empty list is the peer saying "no abuse address": scored as such.
      e.push({ field: 'rdapAbuse', expected: emails, mode: 'member' });
      out.push({
        corpus: '20c-rdap',
        id: `normalize/${kind}/${name}`,
        kind: 'rdap',
        rdapKind: kindOf(kind),
        raw: read(input),
        server: '',
        query: null,
        expectations: e,
      });
    }
  }
  return out;
}

export const CORPORA = [
  'likexian-whois-parser',
  'weppos-whois-parser',
  'php-whois',
  'python-whois',
  'asyncwhois',
  'abuse_whois',
  '20c-rdap',
] as const;

export function loadPeerSamples(): PeerSample[] {
  return [...likexian(), ...weppos(), ...phpWhois(), ...pythonWhois(), ...asyncwhois(), ...abuseWhois(), ...rdap20c()];
}
