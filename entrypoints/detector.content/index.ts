import { domPageSource } from '../../lib/detection/dom-source';
import { extractFeatures } from '../../lib/detection/features';
import type { Envelope, MessageInput } from '../../lib/messaging';

/**
 * Reads a page's capped features once it is idle and hands them to the background, which scores
 * them against the catalog. Nothing is kept here, and nothing leaves the browser.
 */
export default defineContentScript({
  // No `matches` on purpose: WXT would add them to the required host_permissions. The background
  // registers this script with DETECTOR_MATCHES (lib/detection/registration.ts) only after the
  // user has turned detection on and granted the optional host permission.
  registration: 'runtime',
  runAt: 'document_idle',
  main(ctx) {
    const report = () => {
      if (!/^https?:$/.test(location.protocol) || ctx.isInvalid) return;
      const data: MessageInput<'detection/page'> = extractFeatures(domPageSource(document));
      // The envelope by hand rather than sendTyped: importing lib/messaging would put zod and every
      // schema into a script injected into each page. The reply is not needed here.
      const message: Envelope = { type: 'detection/page', data };
      browser.runtime.sendMessage(message).catch(() => {
        // Detection turned off or the extension reloaded: nothing to do.
      });
    };
    ctx.requestIdleCallback(report, { timeout: 3000 });
    // Single-page apps change pages without reloading; the background drops the old verdict on the URL change.
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.requestIdleCallback(report, { timeout: 3000 }));
  },
});
