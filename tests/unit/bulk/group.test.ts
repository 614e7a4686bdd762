import { describe, expect, test } from 'vitest';
import { groupBulk, pickRecipient, recipientKey } from '../../../lib/bulk/group';
import type { HostOutcome } from '../../../lib/bulk/plan';
import { RecipientSchema, type Recipient } from '../../../lib/model/recipient';

const r = (role: Recipient['role'], name: string, email: string | null, extra: Partial<Recipient> = {}) =>
  RecipientSchema.parse({ role, name, emails: email ? [email] : [], ...extra });
const SWITCH = r('host', 'SWITCH', 'abuse@switch.ch', { network: { ip: '130.59.31.80' } });
const MSFT = r('host', 'Microsoft', 'abuse@microsoft.com');
const CF = r('cdn', 'Cloudflare', 'abuse@cloudflare.com');
const TONIC = r('registrar', 'Tonic', 'abuse@tonic.to');
const ok = (host: string, recipients: Recipient[]): HostOutcome => ({
  host,
  ok: true,
  recipients,
  cdn: null,
  errors: [],
});

const urls = [
  { url: 'https://a.to/1', host: 'a.to' },
  { url: 'https://a.to/2', host: 'a.to' },
  { url: 'https://b.to/1', host: 'b.to' },
  { url: 'https://c.to/1', host: 'c.to' },
  { url: 'https://d.to/1', host: 'd.to' },
  { url: 'https://e.to/1', host: 'e.to' },
  { url: 'https://f.to/1', host: 'f.to' },
];
const outcomes: Record<string, HostOutcome> = {
  'a.to': ok('a.to', [SWITCH, TONIC]),
  // Same provider found for another host, with the network of another address.
  'b.to': ok('b.to', [{ ...SWITCH, network: { ip: '130.59.40.1' } }, TONIC]),
  'c.to': ok('c.to', [MSFT, TONIC]),
  'd.to': ok('d.to', [CF, TONIC]),
  'e.to': {
    host: 'e.to',
    ok: false,
    recipients: [],
    cdn: null,
    errors: [{ step: 'dns', kind: 'not_found', message: 'NXDOMAIN' }],
  },
};

describe('groupBulk', () => {
  test('by host: hosts with the same provider merge; a CDN stands in for a hidden host', () => {
    const g = groupBulk(urls, outcomes, 'host');
    expect(g.groups.map((x) => [x.recipient.name, x.hosts, x.urls.length])).toEqual([
      ['SWITCH', ['a.to', 'b.to'], 3],
      ['Cloudflare', ['d.to'], 1],
      ['Microsoft', ['c.to'], 1],
    ]);
    expect(g.groups[0]!.recipient.network).toBeUndefined();
    expect(g.groups[1]!.standIns).toEqual(['d.to']);
    expect(g.unresolved).toEqual([
      { host: 'e.to', urls: ['https://e.to/1'], reason: 'lookup_failed', detail: 'dns: NXDOMAIN' },
      { host: 'f.to', urls: ['https://f.to/1'], reason: 'pending', detail: '' },
    ]);
  });

  test('by registrar: one group for every host at the same registrar', () => {
    const g = groupBulk(urls, outcomes, 'registrar');
    expect(g.groups).toHaveLength(1);
    expect(g.groups[0]).toMatchObject({
      recipient: { name: 'Tonic' },
      hosts: ['a.to', 'b.to', 'c.to', 'd.to'],
      standIns: [],
    });
  });

  test('a manual recipient resolves a failed host and merges with the same provider', () => {
    const g = groupBulk(urls, outcomes, 'host', {
      'e.to': MSFT,
      'f.to': r('host', 'Other', null, { formUrl: 'https://other.example/form' }),
    });
    expect(g.unresolved).toEqual([]);
    expect(g.groups.find((x) => x.recipient.name === 'Microsoft')?.hosts).toEqual(['c.to', 'e.to']);
  });

  test('a recipient with no way to reach it is never chosen; no recipient at all is unresolved', () => {
    expect(pickRecipient([r('host', 'Mute', null), CF], 'host')?.recipient.name).toBe('Cloudflare');
    const g = groupBulk(
      [{ url: 'https://m.to/', host: 'm.to' }],
      { 'm.to': ok('m.to', [r('host', 'Mute', null)]) },
      'host',
    );
    expect(g.unresolved[0]!.reason).toBe('no_recipient');
  });

  test('provider identity ignores case and email order', () => {
    expect(recipientKey(r('host', 'SWITCH ', 'A@x.ch', { emails: ['b@x.ch', 'A@x.ch'] }))).toBe(
      recipientKey(r('cdn', 'switch', null, { emails: ['a@x.ch', 'b@x.ch'] })),
    );
  });
});
