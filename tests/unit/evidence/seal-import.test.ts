/**
 * Issue 15: an export whose history was re-hashed after the notice was sealed imports (its chain verifies), but the
 * import names the notice, and the notice page's Verify refuses the seal for the rewritten history.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceRepo } from '../../../lib/db/evidence-repo';
import { createNoticesRepo } from '../../../lib/db/notices-repo';
import { openDb, type TakedownDb } from '../../../lib/db/schema';
import { exportAll, importAll } from '../../../lib/db/transfer';
import { verifySealStamp } from '../../../lib/evidence/verify-stamp';
import type { NoticeEvent } from '../../../lib/model/notice';
import { sendNotice } from '../../../lib/report/send-notice';
import { createTimestampService, timestampAnswer } from '../../../lib/server/tsa/service';
import { appendEvent } from '../../../lib/tracking/hash-chain';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { startLoopbackTsa, type LoopbackTsa } from '../../helpers/loopback-tsa';
import { letterhead, recordWorld, works } from '../db/record-fixtures';

let tsa: LoopbackTsa;
beforeAll(async () => {
  tsa = await startLoopbackTsa();
}, 60_000);
afterAll(() => tsa?.close());
const dbs: TakedownDb[] = [];
afterEach(async () => {
  for (const d of dbs.splice(0)) await d.delete();
});

async function sealedExport() {
  const w = await recordWorld();
  dbs.push(w.db);
  const service = createTimestampService({ url: tsa.url, caFile: tsa.files.root, backoffMs: 5 });
  const stamp = (sha256: string) => timestampAnswer(service, sha256);
  const d = await w.draft();
  const sent = await sendNotice(
    { notices: w.notices, evidence: w.evidence, now: w.now, timestamper: async () => stamp },
    { noticeId: d.id, channel: 'email', letterhead, works },
  );
  return { sent, text: await exportAll(w.db, w.now), now: w.now };
}

/** Edits the first event of the notice and recomputes every hash after it, as a forger would. */
async function rehash(text: string, noticeId: string): Promise<string> {
  const file = JSON.parse(text) as { events: NoticeEvent[] };
  const mine = file.events.filter((e) => e.noticeId === noticeId).sort((a, b) => a.seq - b.seq);
  let prev: NoticeEvent | null = null;
  const rewritten = new Map<string, NoticeEvent>();
  for (const e of mine) {
    const details = e.seq === 0 ? { ...e.details, note: 'backdated' } : e.details;
    prev = await appendEvent(prev, { ...e, details }, sha256Hex);
    rewritten.set(e.id, prev);
  }
  file.events = file.events.map((e) => rewritten.get(e.id) ?? e);
  return JSON.stringify(file);
}

async function importInto(text: string) {
  const db = openDb(`import-${Math.random()}`);
  dbs.push(db);
  const report = await importAll(db, text);
  return { db, report };
}

describe('importing a sealed notice', () => {
  it('imports an untouched export with no seal mismatch, and its seal verifies', async () => {
    const { sent, text, now } = await sealedExport();
    const { db, report } = await importInto(text);
    expect(report.added.notices).toBe(1);
    expect(report.sealMismatches).toBeUndefined();
    const timeline = (await createNoticesRepo({ db, now }).getTimeline(sent.id))!;
    const { stamps } = await createEvidenceRepo({ db, now }).timestamps({ noticeId: sent.id });
    const verdict = await verifySealStamp(
      stamps[0]!.record,
      { noticeId: sent.id, textSha256: sent.sent!.textSha256, events: timeline.events },
      sha256Hex,
    );
    expect(verdict.ok).toBe(true);
  });

  it('flags a re-hashed history on import and refuses its seal on Verify', async () => {
    const { sent, text, now } = await sealedExport();
    const { db, report } = await importInto(await rehash(text, sent.id));
    // The rewritten chain is self-consistent, so the import goes through…
    expect(report.added.notices).toBe(1);
    // …but the notice is named: its timestamped head is no longer in its history.
    expect(report.sealMismatches).toEqual([
      { noticeId: sent.id, evidenceId: expect.any(String), reason: 'history_changed' },
    ]);
    const timeline = (await createNoticesRepo({ db, now }).getTimeline(sent.id))!;
    const { stamps } = await createEvidenceRepo({ db, now }).timestamps({ noticeId: sent.id });
    const verdict = await verifySealStamp(
      stamps[0]!.record,
      { noticeId: sent.id, textSha256: sent.sent!.textSha256, events: timeline.events },
      sha256Hex,
    );
    expect(verdict).toMatchObject({ ok: false, reason: 'history_changed' });
  });
});
