import { describe, expect, it } from 'vitest';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { hostOf, openDb, openDbAtVersion, SCHEMA_VERSION } from '../../../lib/db/schema';
import type { Evidence } from '../../../lib/model/evidence';
import { NoticeSchema, type Notice, type NoticeEvent } from '../../../lib/model/notice';
import type { Work } from '../../../lib/model/work';
import { appendEvent, verifyChain } from '../../../lib/tracking/hash-chain';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { freshDbName } from '../../helpers/fresh-db';

const NOTICES = 2500;
const EVIDENCE = 300;
const WORKS = 120;
const STATUSES = ['draft', 'sent', 'acknowledged', 'removed', 'rejected', 'no_response'] as const;
const iso = (minutes: number) => new Date(Date.UTC(2025, 0, 1) + minutes * 60_000).toISOString();

async function buildV1(name: string) {
  const notices: Notice[] = [];
  const events: NoticeEvent[] = [];
  for (let i = 0; i < NOTICES; i++) {
    const status = STATUSES[i % STATUSES.length];
    const sent =
      status === 'draft'
        ? null
        : {
            at: iso(i + 1),
            channel: 'email' as const,
            recipient: {
              role: 'host' as const,
              name: `Host ${i % 17}`,
              emails: [],
              formUrl: null,
              country: null,
              source: 'manual',
              confidence: 0.5,
              notes: [],
            },
            text: `Notice ${i}`,
            textSha256: await sha256Hex(`Notice ${i}`),
            evidenceSha256: [],
          };
    notices.push(
      NoticeSchema.parse({
        id: `n${i}`,
        createdAt: iso(i),
        updatedAt: iso(i + 2),
        status,
        host: `site${i % 50}.example`,
        urls: Array.from({ length: 1 + (i % 3) }, (_, k) => `https://site${i % 50}.example/p/${i}/${k}`),
        workTitles: [`Work ${i % WORKS}`],
        workIds: [`w${i % WORKS}`],
        sent,
        sentAt: sent?.at ?? null,
        followUpAt: sent ? iso(i + 10_000) : null,
      }),
    );
    let prev: NoticeEvent | null = await appendEvent(
      null,
      { id: `e${i}-0`, noticeId: `n${i}`, at: iso(i), kind: 'created', actor: 'user', details: {} },
      sha256Hex,
    );
    events.push(prev);
    if (sent) {
      prev = await appendEvent(
        prev,
        {
          id: `e${i}-1`,
          noticeId: `n${i}`,
          at: sent.at,
          kind: 'sent',
          actor: 'user',
          details: { channel: 'email' },
          textHash: sent.textSha256,
        },
        sha256Hex,
      );
      events.push(prev);
      if (status !== 'sent')
        events.push(
          await appendEvent(
            prev,
            { id: `e${i}-2`, noticeId: `n${i}`, at: iso(i + 2), kind: status!, actor: 'system', details: { i } },
            sha256Hex,
          ),
        );
    }
  }
  const evidence: Evidence[] = [];
  for (let i = 0; i < EVIDENCE; i++) {
    const bytes = new Uint8Array(64 + (i % 200)).map((_, k) => (k * 31 + i) & 0xff);
    evidence.push({
      id: `ev${i}`,
      captureId: `c${i >> 2}`,
      kind: 'screenshot',
      mime: 'image/png',
      sha256: await sha256Hex(bytes),
      size: bytes.length,
      url: `https://site.example/${i}`,
      capturedAt: iso(i),
      note: '',
      blob: new Blob([bytes], { type: 'image/png' }),
    });
  }
  const works: Work[] = Array.from({ length: WORKS }, (_, i) => ({
    id: `w${i}`,
    title: `Work ${i}`,
    aliases: [],
    owner: 'Me',
    registration: '',
    originalUrl: '',
    officialDomains: [],
    keywords: [],
  }));
  const settings = [
    {
      key: 'letterhead',
      value: {
        company: 'ACME',
        address: '1 Road',
        email: 'a@acme.example',
        phone: '',
        signatory: 'A. Person',
        signatoryTitle: '',
      },
    },
    { key: 'defaults', value: { regime: 'auto', lang: 'en' } },
  ];

  const v1 = openDbAtVersion(name, 1);
  await v1.open();
  expect(v1.verno).toBe(1);
  await v1.notices.bulkAdd(notices);
  await v1.events.bulkAdd(events);
  await v1.evidence.bulkAdd(evidence);
  await v1.works.bulkAdd(works);
  await v1.settings.bulkAdd(settings);
  v1.close();
  return { notices, events, evidence, works, settings };
}

const bytesOf = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));

describe('schema upgrade 1 → 2', () => {
  it('keeps every record of a real version-1 database and fills the new tables', async () => {
    const name = freshDbName('upgrade');
    const before = await buildV1(name);

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);

    expect(byId(await db.notices.toArray())).toEqual(byId(before.notices));
    expect(byId(await db.events.toArray())).toEqual(byId(before.events));
    expect(byId(await db.works.toArray())).toEqual(byId(before.works));
    expect((await db.settings.toArray()).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
      before.settings.sort((a, b) => a.key.localeCompare(b.key)),
    );

    const evidence = byId(await db.evidence.toArray());
    expect(evidence.length).toBe(EVIDENCE);
    for (const [i, e] of byId(before.evidence).entries()) {
      const { blob, ...meta } = evidence[i]!;
      const { blob: origBlob, ...origMeta } = e;
      expect(meta).toEqual(origMeta);
      expect(blob.type).toBe('image/png');
      expect(await bytesOf(blob)).toEqual(await bytesOf(origBlob));
      expect(await sha256Hex(await bytesOf(blob))).toBe(e.sha256);
    }

    // urls: one row per infringing URL, findable by URL and by notice.
    const urlCount = before.notices.reduce((s, n) => s + n.urls.length, 0);
    expect(await db.urls.count()).toBe(urlCount);
    const sample = before.notices[1234];
    expect((await db.urls.where('noticeId').equals(sample!.id).toArray()).map((r) => r.url)).toEqual(sample!.urls);
    expect(await db.urls.where('url').equals(sample!.urls[0]!).first()).toMatchObject({
      noticeId: sample!.id,
      host: hostOf(sample!.urls[0]!),
    });

    // heads: the last event of each chain.
    expect(await db.heads.count()).toBe(NOTICES);
    const lastOfSample = before.events.filter((e) => e.noticeId === sample!.id).at(-1)!;
    expect(await db.heads.get(sample!.id)).toEqual({
      noticeId: sample!.id,
      seq: lastOfSample.seq,
      hash: lastOfSample.hash,
    });

    // new indexes answer queries
    expect(await db.notices.where('[status+createdAt]').between(['removed', ''], ['removed', '\uffff']).count()).toBe(
      before.notices.filter((n) => n.status === 'removed').length,
    );

    // chains still verify, through the repository (with heads) for a sample and in memory for all
    const repo = createNoticesRepo({ db, now: () => new Date('2026-01-01T00:00:00Z') });
    for (const n of before.notices.filter((_, i) => i % 50 === 0))
      expect(await repo.verifyHistory(n.id)).toEqual({ ok: true });
    const grouped = new Map<string, NoticeEvent[]>();
    for (const e of await db.events.orderBy('[noticeId+seq]').toArray())
      grouped.set(e.noticeId, [...(grouped.get(e.noticeId) ?? []), e]);
    let broken = 0;
    for (const evs of grouped.values()) if (!(await verifyChain(evs, sha256Hex)).ok) broken++;
    expect(broken).toBe(0);

    // and the upgraded notices keep working
    const next = await repo.recordEvent('n1', 'acknowledged');
    expect(next.status).toBe('acknowledged');
    expect(await repo.verifyHistory('n1')).toEqual({ ok: true });
    db.close();
  });
});
