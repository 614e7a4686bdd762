import { reportPageQuery } from '../../lib/report/target';

export const MENU_REPORT_PAGE = 'report-page';
export const MENU_REPORT_LINK = 'report-link';

interface Menus {
  create(props: {
    id: string;
    title: string;
    contexts: [
      'page' | 'frame' | 'selection' | 'image' | 'video' | 'link',
      ...Array<'page' | 'frame' | 'selection' | 'image' | 'video' | 'link'>,
    ];
  }): unknown;
  removeAll(): Promise<void>;
}

export async function createMenus(menus: Menus, t: (key: string) => string): Promise<void> {
  await menus.removeAll();
  menus.create({
    id: MENU_REPORT_PAGE,
    title: t('menuReportPage'),
    contexts: ['page', 'frame', 'selection', 'image', 'video'],
  });
  menus.create({ id: MENU_REPORT_LINK, title: t('menuReportLink'), contexts: ['link'] });
}

export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  linkUrl?: string;
  frameUrl?: string;
}

/** Which URL a click reports: the link for "Report this link", otherwise the page (or frame) it was made on. */
export function reportTargetFor(info: MenuClick, tabUrl?: string): { url: string; kind: 'page' | 'link' } | null {
  if (info.menuItemId === MENU_REPORT_LINK) return { url: info.linkUrl ?? '', kind: 'link' };
  if (info.menuItemId === MENU_REPORT_PAGE) return { url: info.pageUrl ?? tabUrl ?? '', kind: 'page' };
  return null;
}

export function reportPageUrl(
  getURL: (path: string) => string,
  target: { url: string; kind: 'page' | 'link' },
  captureId?: string,
): string {
  return getURL('/report.html') + reportPageQuery({ ...target, captureId });
}
