import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCapture, dataUrlToBytes, MAX_HTML_BYTES, pickHeaders } from '../../../lib/evidence/capture';
import { sha256Hex } from '../../../lib/tracking/sha256';

const deps = () => {
  let n = 0;
  return { sha256: sha256Hex, now: () => new Date('2026-03-04T05:06:07.890Z'), newId: () => `id${n++}` };
};
const nodeSha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('buildCapture', () => {
  it('hashes every artefact and lists them all in a manifest', async () => {
    const screenshot = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const c = await buildCapture(
      {
        url: 'https://pirate.test/x',
        title: 'T',
        screenshot,
        html: '<html>é</html>',
        headers: { server: 'cloudflare' },
        failures: {},
      },
      deps(),
    );
    expect(c.capturedAt).toBe('2026-03-04T05:06:07.890Z');
    expect(c.artefacts.map((a) => a.meta.kind)).toEqual(['screenshot', 'html', 'headers', 'metadata', 'manifest']);
    for (const a of c.artefacts) expect(a.meta.sha256).toBe(nodeSha(a.bytes));
    const manifest = JSON.parse(new TextDecoder().decode(c.artefacts.at(-1)!.bytes));
    expect(manifest.artefacts.map((a: { sha256: string }) => a.sha256)).toEqual(
      c.artefacts.slice(0, -1).map((a) => a.meta.sha256),
    );
    expect(new Set(c.artefacts.map((a) => a.meta.captureId))).toEqual(new Set([c.captureId]));
  });

  it('adds the MHTML archive (issue 15) to the manifest with its hash and names the archive kind', async () => {
    const mhtml = new TextEncoder().encode('MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\r\n');
    const c = await buildCapture(
      { url: 'https://pirate.test/x', title: 'T', html: '<p>x</p>', mhtml, failures: {} },
      deps(),
    );
    const archive = c.artefacts.find((a) => a.meta.kind === 'mhtml')!;
    expect(archive.meta).toMatchObject({ mime: 'multipart/related', sha256: nodeSha(mhtml), size: mhtml.byteLength });
    const manifest = JSON.parse(new TextDecoder().decode(c.artefacts.at(-1)!.bytes));
    expect(manifest.archive).toBe('mhtml');
    expect(manifest.artefacts).toContainEqual(expect.objectContaining({ kind: 'mhtml', sha256: nodeSha(mhtml) }));
    // Without pageCapture (Firefox) the serialised DOM is the archive, and the manifest says so.
    const dom = await buildCapture(
      { url: 'https://pirate.test/x', title: 'T', html: '<p>x</p>', failures: {} },
      deps(),
    );
    expect(JSON.parse(new TextDecoder().decode(dom.artefacts.at(-1)!.bytes)).archive).toBe('dom');
  });

  it('records what could not be captured and still produces a manifest', async () => {
    const c = await buildCapture(
      {
        url: 'https://pirate.test/x',
        title: '',
        failures: { screenshot: 'Cannot access a chrome:// URL', html: 'denied' },
      },
      deps(),
    );
    expect(c.artefacts.map((a) => a.meta.kind)).toEqual(['metadata', 'manifest']);
    expect(JSON.parse(new TextDecoder().decode(c.artefacts[1]!.bytes)).failures).toEqual({
      screenshot: 'Cannot access a chrome:// URL',
      html: 'denied',
    });
  });

  it('caps huge HTML and says so', async () => {
    const c = await buildCapture(
      { url: 'https://pirate.test/x', title: '', html: 'a'.repeat(MAX_HTML_BYTES + 10), failures: {} },
      deps(),
    );
    expect(c.htmlTruncated).toBe(true);
    expect(c.artefacts[0]!.meta.size).toBe(MAX_HTML_BYTES);
    expect(c.artefacts[0]!.meta.note).toMatch(/truncated/);
  });

  it('decodes data URLs and drops cookies from headers', () => {
    expect(Array.from(dataUrlToBytes('data:image/png;base64,AAEC'))).toEqual([0, 1, 2]);
    expect(
      pickHeaders([
        ['Set-Cookie', 'a=b'],
        ['CF-RAY', '1-HKG'],
        ['Server', 'cloudflare'],
      ]),
    ).toEqual({ 'cf-ray': '1-HKG', server: 'cloudflare' });
  });
});
