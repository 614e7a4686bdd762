import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** ../shared beside the checkout; read-only reference data and real RDAP fixtures. */
export const SHARED_DIR = path.resolve(REPO_ROOT, '../shared');
export const RDAP_FIXTURES = path.join(SHARED_DIR, 'fixtures/rdap');
export const CDN_FIXTURES = path.join(SHARED_DIR, 'fixtures/cdn');

export function readRdapFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(RDAP_FIXTURES, name), 'utf8'));
}
export function readBootstrap(kind: 'asn' | 'dns' | 'ipv4' | 'ipv6'): unknown {
  const files = {
    asn: 'iana-asn-2024-04-10.json',
    dns: 'iana-dns-2024-07-25.json',
    ipv4: 'iana-ipv4-2019-06-07.json',
    ipv6: 'iana-ipv6-2019-11-06.json',
  };
  return readRdapFixture(`bootstrap/${files[kind]}`);
}
