import { reportPageUrl, reportTargetFor, type MenuClick } from './menus';

export interface ReportTab {
  index: number;
  url?: string;
}

type Target = { url: string; kind: 'page' | 'link' };

export interface ReportStartDeps<T extends ReportTab, C extends { captureId: string }> {
  /** Evidence of what is on screen (capture.ts); may fail, the report goes on by URL. */
  capture: (tab: T | undefined, target: Target) => Promise<C>;
  getURL: (path: string) => string;
  openTab: (props: { url: string; index?: number }) => Promise<unknown>;
  /** Work on the capture once the report tab is open (the manifest's timestamp); its failure is recorded elsewhere. */
  afterOpen?: (capture: C) => Promise<unknown>;
}

/** Captures what is on screen before the report tab covers it, then opens the report page next to the tab. */
export function createReportStarter<T extends ReportTab, C extends { captureId: string }>(deps: ReportStartDeps<T, C>) {
  return async (tab: T | undefined, target: Target): Promise<void> => {
    const capture = await deps.capture(tab, target).catch(() => null);
    const url = reportPageUrl(deps.getURL, target, capture?.captureId);
    await deps.openTab({ url, index: tab ? tab.index + 1 : undefined });
    if (capture && deps.afterOpen) await deps.afterOpen(capture).catch(() => undefined);
  };
}

interface ClickEvent<T> {
  addListener(listener: (info: MenuClick, tab?: T) => void): void;
}

/** The context menu's one listener: a click on one of our items starts a report, anything else is ignored. */
export function wireReportMenu<T extends ReportTab>(
  onClicked: ClickEvent<T>,
  start: (tab: T | undefined, target: Target) => Promise<void>,
): void {
  onClicked.addListener((info, tab) => {
    const target = reportTargetFor(info, tab?.url);
    if (target) void start(tab, target);
  });
}
