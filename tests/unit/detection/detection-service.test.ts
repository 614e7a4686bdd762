import { describe, expect, it, vi } from 'vitest';
import { BADGE, createDetectionService, type DetectionDeps } from '../../../entrypoints/background/detection';
import { featuresFromHtml } from '../../../lib/detection/html-features';
import { dispatch } from '../../../lib/messaging';
import { page } from './helpers';

const WORKS = [{ id: 'xq', title: '星穹纪元', aliases: [], officialDomains: ['xingqiong.com.cn'], keywords: [] }];
const PIRATE = page({ url: 'https://sf.example/', title: '星穹纪元私服 今日新开', text: '上线送满V 无限元宝 开服表' });
const NEWS = page({ url: 'https://news.example/', title: '星穹纪元 3.0 更新', text: '星穹纪元 新版本上线' });

function fakes(over: Partial<DetectionDeps> = {}) {
  let enabled = true;
  let registered = false;
  const badges: [number, string][] = [];
  const deps: DetectionDeps = {
    loadCatalog: vi.fn(async () => WORKS),
    readEnabled: async () => enabled,
    writeEnabled: async (e) => void (enabled = e),
    hasHostPermission: async () => true,
    setBadge: async (tabId, text) => void badges.push([tabId, text]),
    scripting: {
      isRegistered: async () => registered,
      register: vi.fn(async () => void (registered = true)),
      unregister: vi.fn(async () => void (registered = false)),
    },
    ...over,
  };
  return { deps, badges, state: () => ({ enabled, registered }), setEnabledFlag: (e: boolean) => (enabled = e) };
}
const tab = (tabId: number, url = 'https://sf.example/') => ({ tabId, frameId: 0, url });

describe('detection service', () => {
  it('scores a suspected page, keeps its verdict for the tab and lights the badge', async () => {
    const f = fakes();
    const s = createDetectionService(f.deps);
    expect(await s.handlePage(PIRATE, tab(7))).toEqual({ suspected: true });
    expect(f.badges).toEqual([[7, BADGE.text]]);
    const v = await s.verdictFor(7);
    expect(v).toMatchObject({ suspected: true, url: 'https://sf.example/', work: { id: 'xq', title: '星穹纪元' } });
    expect(v?.reasons.length).toBeGreaterThan(1);
  });

  it('keeps the verdict but no badge for a page that only mentions the work', async () => {
    const f = fakes();
    const s = createDetectionService(f.deps);
    expect(await s.handlePage(NEWS, tab(3, 'https://news.example/'))).toEqual({ suspected: false });
    expect(f.badges).toEqual([[3, '']]);
    expect((await s.verdictFor(3))?.suspected).toBe(false);
  });

  it('scores the URL the browser reports for the sender, not the one in the payload', async () => {
    const s = createDetectionService(fakes().deps);
    await s.handlePage({ ...PIRATE, url: 'https://sf.example/' }, tab(1, 'https://www.xingqiong.com.cn/'));
    expect(await s.verdictFor(1)).toMatchObject({ suspected: false, url: 'https://www.xingqiong.com.cn/' });
  });

  it('ignores pages while detection is off, and sub-frames', async () => {
    const f = fakes();
    const s = createDetectionService(f.deps);
    f.setEnabledFlag(false);
    expect(await s.handlePage(PIRATE, tab(1))).toEqual({ suspected: false });
    f.setEnabledFlag(true);
    expect(await s.handlePage(PIRATE, { ...tab(1), frameId: 4 })).toEqual({ suspected: false });
    expect(await s.verdictFor(1)).toBeNull();
    expect(f.badges).toEqual([]);
  });

  it('drops the verdict and the badge on navigation and forgets closed tabs', async () => {
    const f = fakes();
    const s = createDetectionService(f.deps);
    await s.handlePage(PIRATE, tab(5));
    await s.onTabUpdated(5, { title: 'x' } as { status?: string });
    expect(await s.verdictFor(5)).not.toBeNull();
    await s.onTabUpdated(5, { status: 'loading', url: 'https://elsewhere.example/' });
    expect(await s.verdictFor(5)).toBeNull();
    expect(f.badges.at(-1)).toEqual([5, '']);
    await s.handlePage(PIRATE, tab(6));
    await s.onTabRemoved(6);
    expect(await s.verdictFor(6)).toBeNull();
  });

  it('compiles the catalog once, and again after invalidateCatalog', async () => {
    const f = fakes();
    const s = createDetectionService(f.deps);
    await s.handlePage(PIRATE, tab(1));
    await s.handlePage(PIRATE, tab(2));
    expect(f.deps.loadCatalog).toHaveBeenCalledTimes(1);
    s.invalidateCatalog();
    await s.handlePage(PIRATE, tab(3));
    expect(f.deps.loadCatalog).toHaveBeenCalledTimes(2);
  });

  it('registers the content script only with the host permission, and unregisters when turned off', async () => {
    const denied = fakes({ hasHostPermission: async () => false });
    denied.setEnabledFlag(false);
    await expect(createDetectionService(denied.deps).setEnabled(true)).rejects.toMatchObject({ kind: 'invalid_input' });
    expect(denied.state()).toEqual({ enabled: false, registered: false });

    const f = fakes();
    const s = createDetectionService(f.deps);
    expect(await s.setEnabled(true)).toEqual({ enabled: true, registered: true });
    expect(f.state()).toEqual({ enabled: true, registered: true });
    await s.handlePage(PIRATE, tab(9));
    expect(await s.setEnabled(false)).toEqual({ enabled: false, registered: false });
    expect(f.state()).toEqual({ enabled: false, registered: false });
    expect(await s.verdictFor(9)).toBeNull();
    expect(f.badges.at(-1)).toEqual([9, '']);
  });

  it('sync unregisters when the permission was revoked', async () => {
    let granted = true;
    const f = fakes({ hasHostPermission: async () => granted });
    const s = createDetectionService(f.deps);
    await s.setEnabled(true);
    granted = false;
    expect(await s.sync()).toEqual({ enabled: false, registered: false });
    expect(f.deps.scripting.unregister).toHaveBeenCalledTimes(1);
  });

  describe('through the typed protocol', () => {
    const s = createDetectionService(fakes().deps);
    const handlers = s.handlers();

    it('accepts detection/page only from a content script, with valid capped features', async () => {
      const features = featuresFromHtml(
        '<title>星穹纪元私服</title><body>开服表 无限元宝</body>',
        'https://sf.example/',
      );
      const ok = await dispatch({ type: 'detection/page', data: features }, tab(11), 'content', handlers);
      expect(ok).toEqual({ ok: true, data: { suspected: true } });
      const fromPage = await dispatch({ type: 'detection/verdict', data: { tabId: 11 } }, tab(11), 'content', handlers);
      expect(fromPage).toMatchObject({ ok: false, error: { kind: 'forbidden_sender' } });
      const tooBig = await dispatch(
        { type: 'detection/page', data: { ...features, text: 'x'.repeat(70_000) } },
        tab(11),
        'content',
        handlers,
      );
      expect(tooBig).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    });

    it('answers detection/verdict to extension pages', async () => {
      const reply = await dispatch(
        { type: 'detection/verdict', data: { tabId: 11 } },
        { url: 'chrome-extension://id/popup.html' },
        'extension',
        handlers,
      );
      expect(reply).toMatchObject({ ok: true, data: { verdict: { suspected: true, work: { title: '星穹纪元' } } } });
      const none = await dispatch({ type: 'detection/verdict', data: { tabId: 404 } }, {}, 'extension', handlers);
      expect(none).toEqual({ ok: true, data: { verdict: null } });
    });
  });
});
