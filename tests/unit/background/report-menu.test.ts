import { describe, expect, it, vi } from 'vitest';
import { MENU_REPORT_LINK, MENU_REPORT_PAGE, type MenuClick } from '../../../entrypoints/background/menus';
import { createReportStarter, wireReportMenu, type ReportTab } from '../../../entrypoints/background/report-start';
import { parseReportTarget } from '../../../lib/report/target';

/** Stands in for browser.contextMenus.onClicked: keeps the listeners the background registers and fires them. */
function clickEvent() {
  const listeners: ((info: MenuClick, tab?: ReportTab) => void)[] = [];
  return {
    addListener: (l: (info: MenuClick, tab?: ReportTab) => void) => void listeners.push(l),
    fire: (info: MenuClick, tab?: ReportTab) => listeners.forEach((l) => l(info, tab)),
    listeners,
  };
}

function background(capture: () => Promise<{ captureId: string }>) {
  const onClicked = clickEvent();
  const opened: { url: string; index?: number }[] = [];
  const deps = {
    capture: vi.fn(capture),
    getURL: (path: string) => `chrome-extension://abc${path}`,
    openTab: vi.fn(async (props: { url: string; index?: number }) => void opened.push(props)),
  };
  wireReportMenu(onClicked, createReportStarter(deps));
  return { onClicked, opened, deps };
}

const tab = { index: 3, url: 'https://pirate.test/game', id: 7, windowId: 1 };
const search = (url: string) => url.slice(url.indexOf('?'));

describe('context menu click → report flow', () => {
  it('a click on "Report this link" captures the tab, then opens the report page for the link beside it', async () => {
    const { onClicked, opened, deps } = background(async () => ({ captureId: 'cap-1' }));
    expect(onClicked.listeners).toHaveLength(1);
    onClicked.fire({ menuItemId: MENU_REPORT_LINK, pageUrl: tab.url, linkUrl: 'https://pirate.test/dl/1' }, tab);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(deps.capture).toHaveBeenCalledWith(tab, { url: 'https://pirate.test/dl/1', kind: 'link' });
    expect(opened[0]!.index).toBe(4);
    expect(opened[0]!.url.startsWith('chrome-extension://abc/report.html?')).toBe(true);
    expect(parseReportTarget(search(opened[0]!.url))).toEqual({
      ok: true,
      url: 'https://pirate.test/dl/1',
      kind: 'link',
      captureId: 'cap-1',
      draftId: null,
    });
  });

  it('"Report this site" reports the page; a failed capture still opens the report, without evidence', async () => {
    const { onClicked, opened } = background(async () => {
      throw new Error('Cannot access a chrome:// URL');
    });
    onClicked.fire({ menuItemId: MENU_REPORT_PAGE }, tab);
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(parseReportTarget(search(opened[0]!.url))).toMatchObject({ url: tab.url, kind: 'page', captureId: null });
  });

  it('a click with no tab opens the report at the end; a click on another extension item does nothing', async () => {
    const { onClicked, opened, deps } = background(async () => ({ captureId: 'cap-2' }));
    onClicked.fire({ menuItemId: 'someone-else' }, tab);
    onClicked.fire({ menuItemId: MENU_REPORT_PAGE, pageUrl: 'https://pirate.test/x' });
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(opened[0]!.index).toBeUndefined();
    expect(deps.capture).toHaveBeenCalledTimes(1);
  });
});
