import { describe, expect, it } from 'vitest';
import { noticeEvidence } from '../../../lib/db/evidence-rule';
import { sendNotice } from '../../../lib/report/send-notice';
import { renderEml } from '../../../lib/notices/render-eml';
import { draftOf } from '../../../lib/report/send-notice';
import { cdn, letterhead, recordWorld, works } from './record-fixtures';

const REPLY_BYTES = new TextEncoder().encode(
  'Cloudflare: the site is hosted by Hetzner Online GmbH, abuse@hetzner.example',
);

describe('evidence ownership (one rule for what a notice cites and attaches)', () => {
  it('keeps a reply with the notice it answers: an escalation and a disclosed-host letter never attach it', async () => {
    const w = await recordWorld();
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now };
    const first = await w.draft();
    await sendNotice(deps, { noticeId: first.id, channel: 'email', letterhead, works });
    const reply = await w.evidence.addReplyFile(first.id, {
      name: 'reply.txt',
      type: 'text/plain',
      bytes: REPLY_BYTES,
    });
    await w.notices.recordEvent(first.id, 'acknowledged', {
      attachment: { evidenceId: reply.id, sha256: reply.sha256, name: 'reply.txt', size: REPLY_BYTES.byteLength },
    });

    expect(reply.captureId).not.toBe(first.captureId);
    expect((await w.evidence.repliesOf(first.id)).map((r) => r.id)).toEqual([reply.id]);

    const { draft: next } = await w.notices.escalate(first.id);
    const disclosed = await w.notices.getNotice(first.id);
    expect(disclosed?.status).toBe('escalated');
    expect(next.evidenceIds).not.toContain(reply.id);
    const { files } = await w.evidence.attachmentsFor(next);
    expect(files.map((f) => f.kind).sort()).toEqual(['headers', 'html', 'manifest', 'screenshot']);
    expect(files.map((f) => f.sha256)).not.toContain(reply.sha256);

    // The .eml of the next notice carries the page capture and nothing the CDN sent back.
    const letter = draftOf(next, {
      letterhead,
      works,
      evidence: await w.evidence.forNotice(next),
      priorNotices: [],
      now: w.now,
    })!;
    const eml = renderEml(letter, {
      from: letterhead.email,
      to: next.recipient!.emails,
      attachments: files.map((f) => ({ filename: f.filename, mime: f.mime, bytes: f.bytes })),
      now: w.now,
      messageId: 'x@takedown.invalid',
    });
    expect(eml).not.toContain('reply.txt');
    expect(eml).not.toContain(Buffer.from(REPLY_BYTES).toString('base64').slice(0, 40));
  });

  it('ignores replies stored the old way (under the page capture) by their kind', async () => {
    const w = await recordWorld();
    const rows = await w.evidence.ofCapture(w.capture.captureId);
    const legacyReply = { ...rows[0]!, id: 'legacy', kind: 'reply' as const };
    expect(noticeEvidence({ captureId: w.capture.captureId }, [...rows, legacyReply]).map((r) => r.id)).not.toContain(
      'legacy',
    );
    expect(noticeEvidence({ captureId: null }, rows)).toEqual([]);
  });

  it('reports a blob that fails its schema by name and skips it, without throwing', async () => {
    const w = await recordWorld();
    const manifest = w.capture.artefacts.find((a) => a.meta.kind === 'manifest')!;
    await w.db.evidence.update(manifest.meta.id, {
      blob: new Blob([JSON.stringify({ captureId: 'x', artefacts: 'oops' })], { type: 'application/json' }),
    });
    const headers = w.capture.artefacts.find((a) => a.meta.kind === 'headers')!;
    await w.db.evidence.update(headers.meta.id, { blob: new Blob(['{not json'], { type: 'application/json' }) });

    const m = await w.evidence.manifest(w.capture.captureId);
    expect(m).toMatchObject({ ok: false, problem: { kind: 'manifest', reason: 'schema' } });
    expect(m && !m.ok && m.problem.name).toMatch(/^manifest \([0-9a-f]{12}\)$/);
    expect(await w.evidence.headers(w.capture.captureId)).toMatchObject({ ok: false, problem: { reason: 'not_json' } });
    const meta = await w.evidence.metadata(w.capture.captureId);
    expect(meta).toMatchObject({ ok: true, value: { title: 'Starsea free download' } });
    // Changed bytes no longer match the capture's hash: left out of the attachments and named.
    const { files, problems } = await w.evidence.attachmentsFor({ captureId: w.capture.captureId });
    expect(files.map((f) => f.kind)).toEqual(['screenshot', 'html']);
    expect(problems.map((p) => [p.kind, p.reason])).toEqual([
      ['headers', 'hash_mismatch'],
      ['manifest', 'hash_mismatch'],
    ]);
  });

  it('refuses a reply file over 25 MB before storing anything', async () => {
    const w = await recordWorld();
    const d = await w.draft();
    await expect(
      w.evidence.addReplyFile(d.id, { name: 'big.bin', type: '', bytes: new Uint8Array(25 * 1024 * 1024 + 1) }),
    ).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(await w.evidence.repliesOf(d.id)).toEqual([]);
  });

  it('a disclosed host gets its own draft citing the CDN notice, without the CDN reply', async () => {
    const w = await recordWorld();
    const deps = { notices: w.notices, evidence: w.evidence, now: w.now };
    const first = await w.draft(cdn);
    await sendNotice(deps, { noticeId: first.id, channel: 'form', letterhead, works });
    const reply = await w.evidence.addReplyFile(first.id, {
      name: 'reply.txt',
      type: 'text/plain',
      bytes: REPLY_BYTES,
    });
    w.tick(2);
    const next = await w.notices.notifyDisclosedHost(first.id, {
      name: 'Hetzner Online GmbH',
      emails: ['abuse@hetzner.example'],
    });
    expect(next).toMatchObject({
      status: 'draft',
      escalatedFrom: first.id,
      recipientName: 'Hetzner Online GmbH',
      recipient: { role: 'host', emails: ['abuse@hetzner.example'] },
    });
    expect(next.evidenceIds).not.toContain(reply.id);
    expect((await w.notices.getNotice(first.id))?.status).toBe('sent');
    const letter = draftOf(next, {
      letterhead,
      works,
      evidence: await w.evidence.forNotice(next),
      priorNotices: [{ date: first.createdAt, recipient: 'Cloudflare', id: first.id }],
      now: w.now,
    })!;
    expect(letter.text).toContain('Cloudflare');
    const t = await w.notices.getTimeline(first.id);
    expect(t?.events.at(-1)).toMatchObject({
      kind: 'escalation_drafted',
      details: { nextNoticeId: next.id, role: 'host' },
    });
    expect(await w.notices.verifyHistory(first.id)).toEqual({ ok: true });
  });
});
