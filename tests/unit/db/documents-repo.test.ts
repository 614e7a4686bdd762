/**
 * Issue 15: the rights holder's documents (schema version 5). The v4 → v5 upgrade keeps every record; documents
 * are refused by name when oversized or of the wrong type; a chosen document fills the Chinese notice's 附件
 * elements, goes out as an attachment with its hash, and cannot be deleted once a sent notice attached it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentsRepo, documentAttachmentId } from '../../../lib/db/documents-repo';
import { openDb, openDbAtVersion, SCHEMA_VERSION, type TakedownDb } from '../../../lib/db/schema';
import { MAX_DOCUMENT_BYTES } from '../../../lib/model/rights-document';
import { exportAll, importAll } from '../../../lib/db/transfer';
import { NoticeSchema } from '../../../lib/model/notice';
import { draftOf, sendNotice, missingElements } from '../../../lib/report/send-notice';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { host, letterhead, recordWorld, works } from './record-fixtures';

const dbs: TakedownDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

const pdf = (text: string) => ({ name: 'licence.pdf', type: 'application/pdf', bytes: new TextEncoder().encode(text) });

describe('schema version 5', () => {
  it('upgrades a version 4 database keeping every record, with an empty documents table', async () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    const name = `v4-${Math.random()}`;
    const old = openDbAtVersion(name, 4);
    await old.open();
    const notice = NoticeSchema.parse({
      id: 'n1',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      status: 'draft',
      host: 'pirate.example',
      urls: ['https://pirate.example/a'],
    });
    // Stored as a v4 notice was: without documentIds.
    const { documentIds: _d, ...v4Notice } = notice;
    await old.notices.add(v4Notice as typeof notice);
    await old.settings.put({ key: 'defaults', value: { regime: 'auto', lang: 'en' } });
    await old.letters.add({ id: 'l1' } as never);
    await old.evidence.add({
      id: 'e1',
      captureId: 'c1',
      kind: 'screenshot',
      mime: 'image/png',
      sha256: 'a'.repeat(64),
      size: 1,
      url: 'https://pirate.example/a',
      capturedAt: '2026-01-01T00:00:00Z',
      note: '',
      blob: new Blob([new Uint8Array([1])]),
    });
    const counts = {
      notices: await old.notices.count(),
      evidence: await old.evidence.count(),
      settings: await old.settings.count(),
      letters: await old.letters.count(),
    };
    old.close();
    const db = openDb(name);
    dbs.push(db);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect({
      notices: await db.notices.count(),
      evidence: await db.evidence.count(),
      settings: await db.settings.count(),
      letters: await db.letters.count(),
    }).toEqual(counts);
    expect(await db.notices.get('n1')).toEqual(v4Notice);
    // An old record still parses, with no documents chosen.
    expect(NoticeSchema.parse(await db.notices.get('n1')).documentIds).toEqual([]);
    expect(await db.documents.count()).toBe(0);
    // …and a document can be deleted even though old notices name none.
    const docs = createDocumentsRepo({ db, now: () => new Date('2026-02-01T00:00:00Z') });
    const meta = await docs.add(pdf('%PDF-1.4 licence'), { kind: 'id_document', title: '营业执照副本复印件' });
    await expect(docs.remove(meta.id)).resolves.toBeUndefined();
  });
});

describe('documents repository', () => {
  it('stores with a hash and refuses oversized or wrong-type files by name', async () => {
    const db = openDb(`docs-${Math.random()}`);
    dbs.push(db);
    const docs = createDocumentsRepo({ db, now: () => new Date('2026-02-01T00:00:00Z') });
    const meta = await docs.add(pdf('%PDF-1.4 licence'), { kind: 'id_document', title: 'Business licence' });
    expect(meta.sha256).toBe(await sha256Hex(new TextEncoder().encode('%PDF-1.4 licence')));
    expect((await docs.list()).map((d) => d.title)).toEqual(['Business licence']);
    const big = { name: 'scan.png', type: 'image/png', bytes: new Uint8Array(MAX_DOCUMENT_BYTES + 1) };
    await expect(docs.add(big, { kind: 'ownership', title: 'x' })).rejects.toMatchObject({
      kind: 'invalid_input',
      message: expect.stringContaining('scan.png is larger than 10 MB'),
    });
    const exe = { name: 'tool.exe', type: 'application/x-msdownload', bytes: new Uint8Array([1]) };
    await expect(docs.add(exe, { kind: 'ownership', title: 'x' })).rejects.toMatchObject({
      message: expect.stringContaining('tool.exe is not a PDF, PNG, JPEG or WebP file'),
    });
    expect(await docs.list()).toHaveLength(1);
    // A changed file is refused when it would go out.
    await db.documents.update(meta.id, { blob: new Blob([new Uint8Array([9])]) });
    await expect(docs.files([meta.id])).rejects.toMatchObject({ kind: 'storage' });
  });

  it("fills a Chinese notice's ID and ownership elements, lists them as 附件, and attaches them when sent", async () => {
    const w = await recordWorld();
    dbs.push(w.db);
    const docs = createDocumentsRepo({ db: w.db, now: w.now });
    const licence = await docs.add(pdf('%PDF licence'), { kind: 'id_document', title: '营业执照副本复印件' });
    const cert = await docs.add(
      { name: 'cert.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71, 9]) },
      { kind: 'ownership', title: '计算机软件著作权登记证书', workId: 'w1' },
    );
    const d = await w.draft(host);
    await w.notices.saveDraft(d.id, { regime: 'cn', lang: 'zh' });
    const notice = (await w.notices.getNotice(d.id))!;
    const ctx = { letterhead, works, evidence: await w.evidence.forNotice(notice), priorNotices: [], now: w.now };
    const without = draftOf(notice, ctx);
    expect(missingElements(without)).toEqual(['id_document']);

    await w.notices.saveDraft(d.id, { documentIds: [licence.id, cert.id] });
    const chosen = (await w.notices.getNotice(d.id))!;
    const withDocs = draftOf(chosen, { ...ctx, documents: await docs.metas(chosen.documentIds) });
    expect(missingElements(withDocs)).toEqual([]);
    const annexes = withDocs!.text.slice(withDocs!.text.lastIndexOf('附件'));
    expect(annexes).toContain('营业执照副本复印件 (licence.pdf');
    expect(annexes).toContain('计算机软件著作权登记证书 (cert.png');

    const sent = await sendNotice(
      { notices: w.notices, evidence: w.evidence, documents: docs, now: w.now },
      { noticeId: d.id, channel: 'eml', letterhead, works },
    );
    expect(sent.sent?.text).toBe(withDocs!.text);
    const attached = sent.sent?.attachments?.filter((a) => a.evidenceId.startsWith('document:'));
    expect(attached).toEqual([
      {
        evidenceId: documentAttachmentId(licence.id),
        filename: 'licence.pdf',
        sha256: licence.sha256,
        size: licence.size,
      },
      { evidenceId: documentAttachmentId(cert.id), filename: 'cert.png', sha256: cert.sha256, size: 5 },
    ]);
    // The sent notice's package needs the file: it is kept.
    await expect(docs.remove(licence.id)).rejects.toMatchObject({ kind: 'read_only' });
    expect(await docs.list()).toHaveLength(2);
  });

  it('travel in the export with their bytes and import once, never overwritten; a version 2 file still imports', async () => {
    const now = () => new Date('2026-02-01T00:00:00Z');
    const from = openDb(`docs-export-${Math.random()}`);
    const to = openDb(`docs-import-${Math.random()}`);
    dbs.push(from, to);
    const meta = await createDocumentsRepo({ db: from, now }).add(pdf('%PDF-1.4 POA'), {
      kind: 'power_of_attorney',
      title: '授权委托书',
    });
    const text = await exportAll(from, now);
    expect(JSON.parse(text)).toMatchObject({ schemaVersion: 5, documents: [{ id: meta.id, sha256: meta.sha256 }] });
    const first = await importAll(to, text);
    expect(first.added.documents).toBe(1);
    const [file] = await createDocumentsRepo({ db: to, now }).files([meta.id]);
    expect(file?.meta).toEqual(meta);
    expect(new TextDecoder().decode(file?.bytes)).toBe('%PDF-1.4 POA');
    expect((await importAll(to, text)).alreadyPresent.documents).toBe(1);
    // Edited bytes are refused with the path, like evidence.
    const edited = JSON.parse(text) as { documents: { data: string; size: number }[] };
    edited.documents[0]!.data = btoa('%PDF-1.4 forged');
    edited.documents[0]!.size = 15;
    const refused = openDb(`docs-x-${Math.random()}`);
    dbs.push(refused);
    await expect(importAll(refused, JSON.stringify(edited))).rejects.toMatchObject({
      message: expect.stringContaining('documents[0].data'),
    });
    // A version 2 export (before documents) imports with none.
    const v2 = JSON.parse(text) as Record<string, unknown>;
    v2.schemaVersion = 2;
    delete v2.documents;
    const fresh = openDb(`docs-v2-${Math.random()}`);
    dbs.push(fresh);
    expect((await importAll(fresh, JSON.stringify(v2))).added.documents).toBe(0);
  });
});
