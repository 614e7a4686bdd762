import {
  buildCapture,
  dataUrlToBytes,
  pickHeaders,
  type CaptureResult,
  type RawCapture,
} from '../../lib/evidence/capture';
import { db } from '../../lib/db/schema';
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
