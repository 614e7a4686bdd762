import {
  buildCapture,
  dataUrlToBytes,
  pickHeaders,
  type CaptureResult,
  type RawCapture,
} from '../../lib/evidence/capture';
import { db } from '../../lib/db/schema';
import { readSetting } from '../../lib/db/settings';
import { createEvidenceRepo } from '../../lib/db/evidence-repo';
import { backendTimestamper } from '../../lib/backend/timestamp';
import { timestampCapture } from '../../lib/evidence/timestamps';
import { sha256Hex } from '../../lib/tracking/sha256';

interface TabLike {
  id?: number;
  windowId?: number;
  url?: string;
  title?: string;
}

/** Runs inside the reported page (scripting.executeScript): the DOM as rendered, and the cached response headers. */
async function snapshotPage(maxChars: number) {
  const html = document.documentElement.outerHTML;
  let headers: Array<[string, string]>;
  try {
    // only-if-cached reads the response the page came from without a new request to the pirate site.
    const res = await fetch(location.href, { cache: 'only-if-cached', mode: 'same-origin' });
    headers = [...res.headers.entries()];
    void res.body?.cancel();
  } catch {
    headers = [];
  }
  return {
    html: html.length > maxChars ? html.slice(0, maxChars) : html,
    title: document.title,
    url: location.href,
    headers,
  };
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 300);

/** The pageCapture namespace where the browser has one (Chrome); Firefox has none, and the DOM is the archive. */
type PageCapture = { saveAsMHTML(details: { tabId: number }): Promise<Blob | undefined> };

/** Adds the single-file MHTML archive when the browser can make one; why not is recorded otherwise. */
async function captureMhtml(tab: TabLike | undefined, raw: RawCapture): Promise<void> {
  const pageCapture = (browser as unknown as { pageCapture?: PageCapture }).pageCapture;
  if (!pageCapture) return; // Firefox: the serialised DOM (html) is the archive; the manifest says 'dom'.
  if (tab?.id === undefined || tab.id < 0) {
    raw.failures.mhtml = 'no tab';
    return;
  }
  // Chromium backs the archive Blob with a temporary file that is sometimes gone before it is read (NotFoundError);
  // a fresh archive is asked for, at most three times, before the failure is recorded.
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const blob = await pageCapture.saveAsMHTML({ tabId: tab.id });
      if (!blob) throw new Error('the browser returned no archive');
      raw.mhtml = new Uint8Array(await blob.arrayBuffer());
      return;
    } catch (err) {
      last = reason(err);
    }
  }
  raw.failures.mhtml = last;
}

/**
 * Captures what the right-click allows (activeTab): a screenshot of the visible tab and the page's
 * HTML. Each part may fail on pages the browser protects (chrome://, the Web Store, PDF viewer);
 * the report goes on by URL and the failure is recorded.
 */
export async function captureEvidence(
  tab: TabLike | undefined,
  target: { url: string; kind: 'page' | 'link' },
): Promise<CaptureResult> {
  const raw: RawCapture = {
    url: target.url,
    pageUrl: tab?.url,
    title: tab?.title ?? '',
    failures: {},
    userAgent: navigator.userAgent,
  };
  if (tab?.windowId !== undefined) {
    try {
      raw.screenshot = dataUrlToBytes(await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' }));
    } catch (err) {
      raw.failures.screenshot = reason(err);
    }
  } else raw.failures.screenshot = 'no tab';
  if (tab?.id !== undefined && tab.id >= 0) {
    try {
      const [result] = await browser.scripting.executeScript({
        target: { tabId: tab.id },
        func: snapshotPage,
        args: [5_000_000],
      });
      const snap = result?.result;
      if (snap) {
        raw.html = snap.html;
        raw.title = snap.title || raw.title;
        raw.headers = pickHeaders(snap.headers);
        if (Object.keys(raw.headers).length === 0) raw.failures.headers = 'not in the browser cache';
      }
    } catch (err) {
      raw.failures.html = reason(err);
    }
  } else raw.failures.html = 'no tab';
  await captureMhtml(tab, raw);
  const capture = await buildCapture(raw, {
    sha256: sha256Hex,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  });
  await db().evidence.bulkAdd(
    capture.artefacts.map((a) => ({
      ...a.meta,
      blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.meta.mime }),
    })),
  );
  return capture;
}

/**
 * Right after the click (issue 15): when the backend reports a TSA, the capture's manifest SHA-256 is timestamped
 * and the token (or the failure, with its reason) is stored with the capture. No TSA: nothing is claimed.
 */
export async function timestampManifest(capture: CaptureResult): Promise<void> {
  const manifest = capture.artefacts.find((a) => a.meta.kind === 'manifest');
  if (!manifest) return;
  const stamp = await backendTimestamper(() => readSetting(db(), 'backend'), fetch.bind(globalThis))().catch(
    () => null,
  );
  if (!stamp) return;
  const now = () => new Date();
  await timestampCapture(
    { stamp, evidence: createEvidenceRepo({ db: db(), now }), now },
    { captureId: capture.captureId, manifestSha256: manifest.meta.sha256, url: manifest.meta.url },
  );
}
