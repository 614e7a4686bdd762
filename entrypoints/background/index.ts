import type { Browser } from 'wxt/browser';
import { classifySender, dispatch } from '../../lib/messaging';
import { captureEvidence, timestampManifest } from './capture';
import { browserDetectionDeps, createDetectionService, wireDetectionEvents } from './detection';
import { browserFollowUpDeps, createFollowUps, watchFollowUps, wireFollowUps } from './follow-ups';
import { wireMailPoll } from './mail-poll';
import { createMenus } from './menus';
import { createReportStarter, wireReportMenu } from './report-start';
import { browserTeamRound, wireTeamSync } from './team-sync';

export default defineBackground(() => {
  const t = (key: string) => browser.i18n.getMessage(key as never);

  browser.runtime.onInstalled.addListener(() => {
    void createMenus(browser.contextMenus, t);
  });

  const followUps = createFollowUps(browserFollowUpDeps());
  wireFollowUps(followUps);
  watchFollowUps(followUps);
  // Replies read by the backend's IMAP poller arrive on the same alarm (issue 18).
  wireMailPoll();

  // The team server (issue 19): sent notices pushed, the team's notices pulled into this profile's record.
  const teamRound = browserTeamRound();
  wireTeamSync(teamRound);

  const detection = createDetectionService(browserDetectionDeps());
  wireDetectionEvents(detection);

  const startReport = createReportStarter<Browser.tabs.Tab, Awaited<ReturnType<typeof captureEvidence>>>({
    capture: captureEvidence,
    getURL: (path) => browser.runtime.getURL(path as '/report.html'),
    openTab: (props) => browser.tabs.create(props),
    afterOpen: timestampManifest,
  });
  wireReportMenu(browser.contextMenus.onClicked, startReport);

  // webextension-polyfill answers a message with the promise its listener returns; Chrome's own typing says void.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => {
    const info = { id: sender.id, url: sender.url, tabId: sender.tab?.id, frameId: sender.frameId };
    const kind = classifySender(info, browser.runtime.id, browser.runtime.getURL('/'));
    return dispatch(message, info, kind, {
      ping: async () => ({ ok: true as const, version: browser.runtime.getManifest().version }),
      ...detection.handlers(),
      'team/sync': async () => teamRound.run(),
      'report/tab': async ({ tabId }) => {
        const tab = await browser.tabs.get(tabId);
        if (!tab.url || !/^https?:/i.test(tab.url)) return { opened: false };
        await startReport(tab, { url: tab.url, kind: 'page' });
        return { opened: true };
      },
    });
  });
});
