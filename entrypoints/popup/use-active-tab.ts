import { useEffect, useState } from 'react';
import type { TabVerdict } from '../../lib/detection/verdict';
import { sendTyped } from '../../lib/messaging';

const send = (m: unknown) => browser.runtime.sendMessage(m);

/** The tab the popup was opened on: whether it can be reported, and detection's verdict for it. */
export function useActiveTab() {
  const [tab, setTab] = useState<{ id: number; reportable: boolean; verdict: TabVerdict | null } | null>(null);
  useEffect(() => {
    void (async () => {
      // The last focused browser window, not the popup's own: the same tab whether the popup is
      // the toolbar bubble or a detached window.
      const win = await browser.windows.getLastFocused({ windowTypes: ['normal'] });
      const [active] = await browser.tabs.query({ active: true, windowId: win.id });
      if (active?.id === undefined) return;
      const reportable = /^https?:/i.test(active.url ?? '');
      const verdict = reportable
        ? await sendTyped(send, 'detection/verdict', { tabId: active.id }).then(
            (r) => r.verdict,
            () => null,
          )
        : null;
      setTab({ id: active.id, reportable, verdict });
    })();
  }, []);
  const report = async () => {
    if (!tab) return;
    await sendTyped(send, 'report/tab', { tabId: tab.id });
    window.close();
  };
  return { tab, report };
}
