import { describe, expect, it, vi } from 'vitest';
import {
  createMenus,
  MENU_REPORT_LINK,
  MENU_REPORT_PAGE,
  reportPageUrl,
  reportTargetFor,
} from '../../../entrypoints/background/menus';

describe('context menus', () => {
  it('registers "Report this site" on pages and "Report this link" on links', async () => {
    const menus = { create: vi.fn(), removeAll: vi.fn(async () => {}) };
    await createMenus(menus, (k) => `<${k}>`);
    expect(menus.removeAll).toHaveBeenCalledBefore(menus.create);
    expect(menus.create).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'report-page',
        title: '<menuReportPage>',
        contexts: expect.arrayContaining(['page']),
      }),
    );
    expect(menus.create).toHaveBeenCalledWith({ id: 'report-link', title: '<menuReportLink>', contexts: ['link'] });
  });

  it('reports the link for the link item and the page otherwise', () => {
    expect(
      reportTargetFor({ menuItemId: MENU_REPORT_LINK, pageUrl: 'https://a.test/', linkUrl: 'https://b.test/x' }),
    ).toEqual({ url: 'https://b.test/x', kind: 'link' });
    expect(reportTargetFor({ menuItemId: MENU_REPORT_PAGE, pageUrl: 'https://a.test/' })).toEqual({
      url: 'https://a.test/',
      kind: 'page',
    });
    expect(reportTargetFor({ menuItemId: MENU_REPORT_PAGE }, 'https://tab.test/')).toEqual({
      url: 'https://tab.test/',
      kind: 'page',
    });
    expect(reportTargetFor({ menuItemId: 'other' })).toBeNull();
    expect(reportPageUrl((p) => `chrome-extension://x${p}`, { url: 'https://a.test/', kind: 'page' })).toBe(
      'chrome-extension://x/report.html?url=https%3A%2F%2Fa.test%2F&kind=page',
    );
  });
});
