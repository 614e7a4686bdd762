/**
 * The evidence package (issue 15): unzipped with fflate, every file matches SHA256SUMS and manifest.json, the
 * letter matches the frozen text hash, and each .tsr verifies with `openssl ts -verify` (an implementation that is
 * not ours) against the file it covers, using only what the package holds.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { packageForNotice } from '../../../lib/evidence/package-sources';
import { timestampCapture, type Stamp } from '../../../lib/evidence/timestamps';
import { sendNotice } from '../../../lib/report/send-notice';
import { createTimestampService, timestampAnswer } from '../../../lib/server/tsa/service';
import { sha256Hex } from '../../../lib/tracking/sha256';
import { startLoopbackTsa, type LoopbackTsa } from '../../helpers/loopback-tsa';
import { letterhead, recordWorld, works } from '../db/record-fixtures';

const run = promisify(execFile);
let tsa: LoopbackTsa;
let out: string;
beforeAll(async () => {
  tsa = await startLoopbackTsa();
  out = await mkdtemp(path.join(tmpdir(), 'takedown-package-'));
}, 60_000);
afterAll(async () => {
  await tsa?.close();
  if (out) await rm(out, { recursive: true, force: true });
});
const worlds: Awaited<ReturnType<typeof recordWorld>>[] = [];
afterEach(async () => {
  for (const w of worlds.splice(0)) await w.db.delete();
});

/** The backend's TSA service as the route answers it (tokens, then the configured roots). */
function stampFn(): Stamp {
  const service = createTimestampService({ url: tsa.url, caFile: tsa.files.root, backoffMs: 5 });
  return (sha256) => timestampAnswer(service, sha256);
}

async function sentWorld() {
  const w = await recordWorld();
  worlds.push(w);
  const stamp = stampFn();
  const manifest = w.capture.artefacts.find((a) => a.meta.kind === 'manifest')!;
  await timestampCapture(
    { stamp, evidence: w.evidence, now: w.now },
    { captureId: w.capture.captureId, manifestSha256: manifest.meta.sha256 },
  );
  const d = await w.draft();
  const sent = await sendNotice(
    { notices: w.notices, evidence: w.evidence, now: w.now, timestamper: async () => stamp },
    { noticeId: d.id, channel: 'email', letterhead, works },
  );
  return { w, sent };
}

describe('evidence package', () => {
  it('holds every artefact, token, chain and the history, each matching its listed SHA-256', async () => {
    const { w, sent } = await sentWorld();
    // What an SMTP send stores under the notice (issue 18): the exact .eml handed over.
    const eml = new TextEncoder().encode('Message-ID: <n1@moonlit.example>\r\n\r\nnotice');
    const delivery = await w.evidence.addDeliveryFile(sent.id, {
      name: 'notice.eml',
      type: 'message/rfc822',
      bytes: eml,
    });
    const pkg = await packageForNotice(
      { notices: w.notices, evidence: w.evidence, sha256: sha256Hex, now: w.now },
      sent.id,
    );
    const files = unzipSync(pkg.zip);
    const names = Object.keys(files).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        'README.txt',
        'SHA256SUMS',
        'history.json',
        'letter.txt',
        'manifest.json',
        'timestamps/manifest-1.tsr',
        'timestamps/seal-1.tsr',
        'timestamps/seal-1.txt',
        'timestamps/tsa-chain.pem',
        'timestamps/tsa-root.pem',
      ]),
    );
    for (const a of w.capture.artefacts) {
      const match = names.find((n) => n.startsWith(`evidence/${a.meta.kind}-${a.meta.sha256.slice(0, 12)}`));
      expect(match, a.meta.kind).toBeDefined();
      expect(await sha256Hex(files[match!]!)).toBe(a.meta.sha256);
    }
    expect(await sha256Hex(files['letter.txt']!)).toBe(sent.sent!.textSha256);
    expect(files[`notice/delivery-${delivery.sha256.slice(0, 12)}.eml`]).toEqual(eml);

    const sums = strFromU8(files['SHA256SUMS']!).trim().split('\n');
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
      files: { path: string; sha256: string }[];
      timestamps: { path: string; data: string }[];
    };
    expect(sums).toHaveLength(manifest.files.length);
    for (const line of sums) {
      const [hash, file] = line.split('  ');
      expect(await sha256Hex(files[file!]!), file).toBe(hash);
      expect(manifest.files.find((f) => f.path === file)?.sha256).toBe(hash);
    }
    const history = JSON.parse(strFromU8(files['history.json']!)) as { events: { kind: string; hash: string }[] };
    const timeline = (await w.notices.getTimeline(sent.id))!;
    expect(history.events.map((e) => e.hash)).toEqual(timeline.events.map((e) => e.hash));
    expect(history.events.map((e) => e.kind)).toContain('timestamped');
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('sha256sum -c SHA256SUMS');
    expect(readme).toContain('openssl ts -verify -in timestamps/seal-1.tsr -data timestamps/seal-1.txt');
    expect(readme).toContain('校验文件未被改动');
    expect(manifest.timestamps.map((t) => t.path)).toEqual(['timestamps/manifest-1.tsr', 'timestamps/seal-1.tsr']);
  });

  it('verifies with sha256sum and openssl alone, as the README says', async () => {
    const { w, sent } = await sentWorld();
    const pkg = await packageForNotice(
      { notices: w.notices, evidence: w.evidence, sha256: sha256Hex, now: w.now },
      sent.id,
    );
    const dir = path.join(out, 'unzipped');
    for (const [name, bytes] of Object.entries(unzipSync(pkg.zip))) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), bytes);
    }
    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
    expect(sums.stdout).not.toMatch(/FAILED/);
    const manifest = JSON.parse(strFromU8(unzipSync(pkg.zip)['manifest.json']!)) as {
      timestamps: { path: string; data: string }[];
    };
    expect(manifest.timestamps).toHaveLength(2);
    for (const t of manifest.timestamps) {
      const args = ['ts', '-verify', '-in', t.path, '-data', t.data, '-CAfile', 'timestamps/tsa-root.pem'];
      const res = await run('openssl', [...args, '-untrusted', 'timestamps/tsa-chain.pem'], { cwd: dir });
      expect(res.stdout, t.path).toContain('Verification: OK');
    }
    // A changed letter is named by sha256sum, and the seal's text hash no longer matches it.
    await writeFile(path.join(dir, 'letter.txt'), 'something else');
    const failed = await run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir }).catch(
      (e: { stdout: string }) => e,
    );
    expect('stdout' in failed && failed.stdout).toMatch(/letter\.txt: FAILED/);
  });

  it('refuses to package a file whose bytes changed since capture, naming it', async () => {
    const { w, sent } = await sentWorld();
    const shot = w.capture.artefacts.find((a) => a.meta.kind === 'screenshot')!;
    await w.db.evidence.update(shot.meta.id, { blob: new Blob([new Uint8Array([1, 2, 3])]) });
    await expect(
      packageForNotice({ notices: w.notices, evidence: w.evidence, sha256: sha256Hex, now: w.now }, sent.id),
    ).rejects.toMatchObject({ kind: 'storage', message: expect.stringContaining('screenshot') });
  });
});
