// @vitest-environment happy-dom
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mailtoFits, sendByEmail } from '../../../entrypoints/report/send';
import { db } from '../../../lib/db/schema';
import { services } from '../../../lib/db/services';
import { AppError } from '../../../lib/errors';
import { draftOf } from '../../../lib/report/send-notice';
import { host, letterhead, recordWorld, works } from '../db/record-fixtures';

/** The report page's e-mail button: a mailto: link when the letter fits, else an .eml download with the evidence. */
async function world() {
  // sendByEmail reads evidence through services(), i.e. the pages' own database: the world is written there.
  const w = await recordWorld({ db: db() });
  const notice = await w.draft(host);
  const draft = draftOf(notice, {
    letterhead,
    works,
    evidence: w.capture.artefacts.map((a) => a.meta),
    priorNotices: [],
    now: w.now,
  });
  if (!draft) throw new Error('no draft');
  return { w, notice, draft };
}

let downloads: { name: string; blob: Blob }[];
beforeEach(async () => {
  // Blobs go through fake-indexeddb's structured clone, which keeps Node's Blob but not happy-dom's: the page's
  // code only needs the Blob API, so the test gives it Node's, as the real browser gives it its own.
  vi.stubGlobal('Blob', NodeBlob);
  await Promise.all(db().tables.map((t) => t.clear()));
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  // The download is an <a download> click: record what it would save instead of navigating.
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('sending by e-mail from the report page', () => {
  it('a letter too long for mailto: downloads an .eml to the recipient with the capture attached', async () => {
    const { notice, draft } = await world();
    expect(mailtoFits(notice, draft)).toBe(false);
    expect(await sendByEmail(notice, draft, letterhead)).toBe('eml');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(new RegExp(`^notice-.*-${notice.id.slice(0, 8)}\\.eml$`));
    expect(downloads[0]!.blob.type).toBe('message/rfc822');
    const eml = await downloads[0]!.blob.text();
    expect(eml).toMatch(/^To: <abuse@linode\.example>\r?$/m);
    expect(eml).toMatch(/^From: .*legal@moonlit\.example/m);
    expect(eml).toContain(`Message-ID: <${notice.id}@takedown.invalid>`);
    // Exactly the notice's own evidence, each file once, as the evidence repository names it.
    const { files } = await services().evidence.attachmentsFor(notice);
    expect(files.map((f) => f.filename)).toEqual(expect.arrayContaining([expect.stringMatching(/\.png$/)]));
    expect(eml.match(/Content-Disposition: attachment/g)).toHaveLength(files.length);
    for (const f of files) expect(eml).toContain(f.filename);
  });

  it('a letter that fits opens the mail client with a mailto: link and downloads nothing', async () => {
    const { notice, draft } = await world();
    const short = { ...draft, subject: 'Copyright notice', text: 'Please remove https://pirate.example/starsea.' };
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    expect(mailtoFits(notice, short)).toBe(true);
    expect(await sendByEmail(notice, short, letterhead)).toBe('email');
    expect(open).toHaveBeenCalledWith(
      expect.stringMatching(/^mailto:abuse@linode\.example\?subject=Copyright/),
      '_self',
    );
    expect(downloads).toEqual([]);
  });

  it('refuses to attach evidence whose bytes changed since capture, naming it, and downloads nothing', async () => {
    const { notice, draft, w } = await world();
    const shot = w.capture.artefacts.find((a) => a.meta.kind === 'screenshot')!;
    await db().evidence.update(shot.meta.id, { blob: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }) });
    const err = await sendByEmail(notice, draft, letterhead).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      kind: 'storage',
      details: { problems: [expect.objectContaining({ reason: 'hash_mismatch' })] },
    });
    expect(downloads).toEqual([]);
  });
});
