/**
 * Issue 15, extension half: the manifest timestamp after the click and the seal inside sendNotice go through the
 * real extension client (lib/backend/timestamp.ts) to the real backend route and a loopback TSA built on openssl,
 * and are re-verified by the extension's own check (lib/evidence/verify-stamp.ts).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendTimestamper } from '../../../lib/backend/timestamp';
import { CHROME_EXTENSION_ORIGIN } from '../../../lib/extension-id';
import { timestampCapture } from '../../../lib/evidence/timestamps';
import { verifyManifestStamp, verifySealStamp } from '../../../lib/evidence/verify-stamp';
import { parseSealText } from '../../../lib/evidence/seal';
import { sendNotice } from '../../../lib/report/send-notice';
import { createApp } from '../../../lib/server/app';
import { createTimestampService } from '../../../lib/server/tsa/service';
import { appendEvent, verifyChain } from '../../../lib/tracking/hash-chain';
import type { NoticeEvent } from '../../../lib/model/notice';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { startLoopbackTsa, type LoopbackTsa } from '../../helpers/loopback-tsa';
import { letterhead, recordWorld, works } from '../db/record-fixtures';

const TOKEN = 'a-long-enough-test-token';
let tsa: LoopbackTsa;
beforeAll(async () => {
  tsa = await startLoopbackTsa();
}, 60_000);
afterAll(() => tsa?.close());

const worlds: Awaited<ReturnType<typeof recordWorld>>[] = [];
afterEach(async () => {
  tsa.setMode('ok');
  for (const w of worlds.splice(0)) await w.db.delete();
});
const world = async () => {
  const w = await recordWorld();
  worlds.push(w);
  return w;
};

/** The extension's fetch, answered in-process by the real backend app (routes, guards, TSA client). */
function backendFetch(configured = true): typeof fetch {
  const timestamp = configured
    ? createTimestampService({ url: tsa.url, caFile: tsa.files.root, backoffMs: 5 })
    : undefined;
  const app = createApp({
    now: () => new Date(),
    token: TOKEN,
    corsOrigins: [CHROME_EXTENSION_ORIGIN],
    rateLimitPerMinute: 1000,
    timestamp,
  });
  return async (input: RequestInfo | URL, init?: RequestInit) =>
    app.request(input instanceof Request ? input.url : String(input), init);
}

const timestamper = (configured = true) =>
  backendTimestamper(async () => ({ value: { url: 'http://127.0.0.1:8787', token: TOKEN } }), backendFetch(configured));

describe('timestamps in the extension', () => {
  it("timestamps a capture's manifest and re-verifies the token against the manifest as stored", async () => {
    const w = await world();
    const stamp = await timestamper()();
    expect(stamp).not.toBeNull();
    const manifest = w.capture.artefacts.find((a) => a.meta.kind === 'manifest')!;
    const record = await timestampCapture(
      { stamp: stamp!, evidence: w.evidence, now: w.now },
      { captureId: w.capture.captureId, manifestSha256: manifest.meta.sha256 },
    );
    expect(record).toMatchObject({ status: 'granted', covers: 'manifest', sha256: manifest.meta.sha256 });
    const { stamps, problems } = await w.evidence.timestamps({ captureId: w.capture.captureId });
    expect(problems).toEqual([]);
    expect(stamps).toHaveLength(1);
    const verdict = await verifyManifestStamp(stamps[0]!.record, manifest.meta.sha256);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) {
      expect(verdict.info.tsa).toContain('Loopback TSA');
      expect(verdict.info.chained).toBe(true);
    }
    // The same token is no proof for other data.
    const other = await verifyManifestStamp(stamps[0]!.record, 'a'.repeat(64));
    expect(other).toMatchObject({ ok: false, reason: 'other_data' });
    // Timestamps are not page artefacts: the evidence panel's list does not show them.
    expect((await w.evidence.ofCapture(w.capture.captureId)).map((m) => m.kind)).not.toContain('timestamp');
  });

  it('seals the sent text and the chain head inside sendNotice, logs it, and the seal verifies', async () => {
    const w = await world();
    const d = await w.draft();
    const sent = await sendNotice(
      { notices: w.notices, evidence: w.evidence, now: w.now, timestamper: timestamper() },
      { noticeId: d.id, channel: 'email', letterhead, works },
    );
    expect(sent.status).toBe('sent');
    const timeline = (await w.notices.getTimeline(d.id))!;
    const kinds = timeline.events.map((e) => e.kind);
    expect(kinds.slice(-2)).toEqual(['sent', 'timestamped']);
    const sentEvent = timeline.events.find((e) => e.kind === 'sent')!;
    const logged = timeline.events.at(-1)!;
    expect(logged.details).toMatchObject({ covers: 'seal', sealedHead: { seq: sentEvent.seq, hash: sentEvent.hash } });
    expect((await w.notices.verifyHistory(d.id))?.ok).toBe(true);

    const { stamps } = await w.evidence.timestamps({ noticeId: d.id });
    expect(stamps).toHaveLength(1);
    const record = stamps[0]!.record;
    expect(record.status).toBe('granted');
    expect(parseSealText(record.seal ?? '')).toEqual({
      noticeId: d.id,
      textSha256: sent.sent!.textSha256,
      head: { seq: sentEvent.seq, hash: sentEvent.hash },
    });
    const verdict = await verifySealStamp(
      record,
      { noticeId: d.id, textSha256: sent.sent!.textSha256, events: timeline.events },
      sha256Hex,
    );
    expect(verdict.ok).toBe(true);
    // The seal belongs to this notice only: the page capture does not carry it.
    expect((await w.evidence.timestamps({ captureId: w.capture.captureId })).stamps).toEqual([]);
  });

  it('refuses the seal for a history re-hashed after the fact, though the rewritten chain itself verifies', async () => {
    const w = await world();
    const d = await w.draft();
    const sent = await sendNotice(
      { notices: w.notices, evidence: w.evidence, now: w.now, timestamper: timestamper() },
      { noticeId: d.id, channel: 'email', letterhead, works },
    );
    const { events } = (await w.notices.getTimeline(d.id))!;
    // An export edited and every hash recomputed: the creation event now says something else.
    const rewritten: NoticeEvent[] = [];
    for (const e of events) {
      const details = e.seq === 0 ? { ...e.details, note: 'backdated' } : e.details;
      rewritten.push(await appendEvent(rewritten.at(-1) ?? null, { ...e, details }, sha256Hex));
    }
    expect(await verifyChain(rewritten, sha256Hex, { textSha256: sent.sent!.textSha256 })).toEqual({ ok: true });
    const { stamps } = await w.evidence.timestamps({ noticeId: d.id });
    const verdict = await verifySealStamp(
      stamps[0]!.record,
      { noticeId: d.id, textSha256: sent.sent!.textSha256, events: rewritten },
      sha256Hex,
    );
    expect(verdict).toMatchObject({ ok: false, reason: 'history_changed' });
  });

  it('still sends when the TSA fails, and records and logs the failure with its reason', async () => {
    const w = await world();
    const d = await w.draft();
    tsa.setMode('503');
    const sent = await sendNotice(
      { notices: w.notices, evidence: w.evidence, now: w.now, timestamper: timestamper() },
      { noticeId: d.id, channel: 'email', letterhead, works },
    );
    expect(sent.status).toBe('sent');
    const last = (await w.notices.getTimeline(d.id))!.events.at(-1)!;
    expect(last.kind).toBe('timestamp_failed');
    expect(String(last.details.reason)).toMatch(/did not answer after 3 tries/);
    const { stamps } = await w.evidence.timestamps({ noticeId: d.id });
    expect(stamps.map((s) => s.record.status)).toEqual(['failed']);
    const verdict = await verifySealStamp(
      stamps[0]!.record,
      { noticeId: d.id, textSha256: sent.sent!.textSha256, events: [] },
      sha256Hex,
    );
    expect(verdict).toMatchObject({ ok: false, reason: 'not_granted' });
  });

  it('claims nothing when the backend has no TSA: no token, no event', async () => {
    const w = await world();
    const d = await w.draft();
    expect(await timestamper(false)()).toBeNull();
    await sendNotice(
      { notices: w.notices, evidence: w.evidence, now: w.now, timestamper: timestamper(false) },
      { noticeId: d.id, channel: 'email', letterhead, works },
    );
    const kinds = (await w.notices.getTimeline(d.id))!.events.map((e) => e.kind);
    expect(kinds.at(-1)).toBe('sent');
    expect((await w.evidence.timestamps({ noticeId: d.id })).stamps).toEqual([]);
  });
});
