import type { EvidenceKind, EvidenceMeta } from '../model/evidence';
import type { Sha256 } from '../tracking/sha256';
import { extractIcp } from './icp';

/** HTML beyond this is cut; the manifest says so, so the hash is never mistaken for the whole page. */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;

export interface RawCapture {
  url: string;
  /** The page the link was on, for "Report this link". */
  pageUrl?: string;
  title: string;
  screenshot?: Uint8Array;
  html?: string;
  headers?: Record<string, string>;
  /**
   * The single-file archive (Chrome's pageCapture.saveAsMHTML): the page with its images and styles as the
   * browser held them. Where pageCapture does not exist (Firefox) the serialised DOM (`html`) is the archive.
   */
  mhtml?: Uint8Array;
  /** Why a part could not be captured, by part: shown to the user and kept in the manifest. */
  failures: Partial<Record<'screenshot' | 'html' | 'headers' | 'mhtml', string>>;
  userAgent?: string;
}

export interface CaptureArtefact {
  meta: EvidenceMeta;
  bytes: Uint8Array;
}

export interface CaptureResult {
  captureId: string;
  capturedAt: string;
  artefacts: CaptureArtefact[];
  failures: RawCapture['failures'];
  htmlTruncated: boolean;
  /** ICP numbers the page shows; undefined when its HTML was not captured. */
  icp?: string[];
}

const encoder = new TextEncoder();

/**
 * Turns what the browser captured into hashed artefacts plus a manifest that lists each
 * artefact's SHA-256, so one hash (the manifest's) vouches for the whole capture.
 */
export async function buildCapture(
  raw: RawCapture,
  deps: { sha256: Sha256; now: () => Date; newId: () => string },
): Promise<CaptureResult> {
  const captureId = deps.newId();
  const capturedAt = deps.now().toISOString();
  const artefacts: CaptureArtefact[] = [];
  const add = async (kind: EvidenceKind, mime: string, bytes: Uint8Array, note = '') => {
    const meta: EvidenceMeta = {
      id: deps.newId(),
      captureId,
      kind,
      mime,
      sha256: await deps.sha256(bytes),
      size: bytes.byteLength,
      url: raw.url,
      capturedAt,
      note,
    };
    artefacts.push({ meta, bytes });
  };

  if (raw.screenshot) await add('screenshot', 'image/png', raw.screenshot);
  if (raw.mhtml) await add('mhtml', 'multipart/related', raw.mhtml);
  let htmlTruncated = false;
  if (raw.html !== undefined) {
    let bytes = encoder.encode(raw.html);
    if (bytes.byteLength > MAX_HTML_BYTES) {
      bytes = bytes.slice(0, MAX_HTML_BYTES);
      htmlTruncated = true;
    }
    await add('html', 'text/html;charset=utf-8', bytes, htmlTruncated ? `truncated to ${MAX_HTML_BYTES} bytes` : '');
  }
  if (raw.headers && Object.keys(raw.headers).length > 0)
    await add('headers', 'application/json', encoder.encode(JSON.stringify(raw.headers, null, 2)));
  // The ICP numbers the page shows, read once here so the notice and the MIIT route need not re-parse the archive.
  const icp = raw.html !== undefined ? extractIcp(raw.html).map((n) => n.number) : undefined;
  const metadata = {
    url: raw.url,
    pageUrl: raw.pageUrl ?? raw.url,
    title: raw.title,
    capturedAt,
    userAgent: raw.userAgent ?? '',
    ...(icp ? { icp } : {}),
  };
  await add('metadata', 'application/json', encoder.encode(JSON.stringify(metadata, null, 2)));

  const manifest = {
    captureId,
    capturedAt,
    url: raw.url,
    title: raw.title,
    artefacts: artefacts.map((a) => ({
      kind: a.meta.kind,
      sha256: a.meta.sha256,
      size: a.meta.size,
      mime: a.meta.mime,
      note: a.meta.note,
    })),
    failures: raw.failures,
    // Which single-file archive this capture holds, so a reader knows whether to look for the MHTML.
    archive: raw.mhtml ? 'mhtml' : raw.html !== undefined ? 'dom' : 'none',
    hashAlgorithm: 'SHA-256',
  };
  await add('manifest', 'application/json', encoder.encode(JSON.stringify(manifest, null, 2)));
  return { captureId, capturedAt, artefacts, failures: raw.failures, htmlTruncated, icp };
}

/** Turns a data: URL (captureVisibleTab's answer) into bytes without fetch. */
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const b64 = dataUrl.slice(comma + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Headers worth keeping as evidence and as CDN signals; cookies and auth never leave the page. */
export function pickHeaders(all: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of all) {
    const key = k.toLowerCase();
    if (key === 'set-cookie' || key === 'authorization' || key === 'cookie') continue;
    if (Object.keys(out).length >= 60) break;
    out[key] = v.slice(0, 1000);
  }
  return out;
}
