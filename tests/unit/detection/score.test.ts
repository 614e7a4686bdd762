import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCatalog, type CatalogWork } from '../../../lib/detection/catalog';
import { featuresFromHtml } from '../../../lib/detection/html-features';
import { scorePage } from '../../../lib/detection/score';
import { VerdictSchema } from '../../../lib/detection/verdict';
import { page } from './helpers';

const works: CatalogWork[] = [
  {
    id: 'xq',
    title: '星穹纪元',
    aliases: ['Star Dome Era'],
    officialDomains: ['xingqiong.com.cn'],
    keywords: ['穹顶城'],
  },
  {
    id: 'lk',
    title: 'The Lantern Keeper',
    aliases: ['守灯人'],
    officialDomains: ['lanternkeeperfilm.com'],
    keywords: [],
  },
];
const catalog = compileCatalog(works);
const privateServer = { title: '星穹纪元私服 - 今日新开', text: '上线送满V 无限元宝 开服表 登录器下载' };

describe('scorePage', () => {
  it('flags a private-server page and names the work with reasons', () => {
    const v = scorePage(page(privateServer), catalog);
    expect(v.suspected).toBe(true);
    expect(v.work).toEqual({ id: 'xq', title: '星穹纪元' });
    expect(v.score).toBeGreaterThanOrEqual(0.5);
    expect(v.reasons.map((r) => r.id)).toEqual(
      expect.arrayContaining(['work', 'private-server', 'modded-economy', 'title-pairing']),
    );
    expect(VerdictSchema.safeParse(v).success).toBe(true);
  });

  it('writes reasons in Chinese on request', () => {
    const v = scorePage(page(privateServer), catalog, { lang: 'zh' });
    expect(v.reasons.find((r) => r.id === 'private-server')?.text).toBe('宣传私服');
    expect(v.reasons[0]!.text).toContain('星穹纪元');
  });

  describe('official domains', () => {
    it('never flags the official domain or its subdomains, whatever the page says', () => {
      for (const url of [
        'https://xingqiong.com.cn/',
        'https://download.xingqiong.com.cn/x',
        'http://a.b.XINGQIONG.com.cn./',
      ]) {
        const v = scorePage(page({ ...privateServer, url, links: ['magnet:?xt=1'] }), catalog);
        expect(v.suspected).toBe(false);
        expect(v.reasons.map((r) => r.id)).toContain('official-domain');
      }
    });

    it('does not excuse look-alike hosts', () => {
      for (const url of [
        'https://xingqiong.com.cn.evil.example/',
        'https://notxingqiong.com.cn/',
        'https://xingqiong-com-cn.example/',
      ]) {
        expect(scorePage(page({ ...privateServer, url }), catalog).suspected).toBe(true);
      }
    });

    it('does not flag a page for linking to the official site or its downloads', () => {
      const v = scorePage(
        page({
          title: '星穹纪元下载_星穹纪元官方版免费下载',
          text: '星穹纪元 安卓版免费下载 进入官网',
          links: ['https://download.xingqiong.com.cn/pkg/client.apk', 'https://www.xingqiong.com.cn/'],
        }),
        catalog,
      );
      expect(v.suspected).toBe(false);
      expect(v.reasons.map((r) => r.id)).not.toContain('file-link');
      expect(v.reasons.map((r) => r.id)).toContain('official-link');
    });

    it('still flags a page that offers a copy even if it also links to the official site', () => {
      const v = scorePage(
        page({ ...privateServer, links: ['https://www.xingqiong.com.cn/', 'https://pan.baidu.com/s/1x'] }),
        catalog,
      );
      expect(v.suspected).toBe(true);
    });
  });

  describe('search, news and wiki hosts', () => {
    const words = {
      title: 'the lantern keeper full movie free - Google Search',
      text: 'Watch The Lantern Keeper full movie online free 1080p torrent 123movies',
    };
    it('are not flagged on words alone', () => {
      for (const url of [
        'https://www.google.com/search?q=x',
        'https://www.google.co.uk/search?q=x',
        'https://www.bing.com/search?q=x',
        'https://en.wikipedia.org/wiki/X',
        'https://torrentfreak.com/x/',
      ]) {
        const v = scorePage(page({ ...words, url }), catalog);
        expect(v.suspected).toBe(false);
        expect(v.reasons.some((r) => r.id.startsWith('allowlist-'))).toBe(true);
      }
    });

    it('are flagged when they offer a copy', () => {
      const v = scorePage(
        page({ ...words, url: 'https://lantern.fandom.com/wiki/Download', links: ['magnet:?xt=urn:btih:abc'] }),
        catalog,
      );
      expect(v.suspected).toBe(true);
    });

    it('licensed stores and streaming services are treated the same way', () => {
      const licensed = { title: '守灯人 在线观看 - 高清完整版', text: '守灯人 在线观看 高清 VIP 免费看 7 天' };
      for (const url of [
        'https://www.iqiyi.com/v_abc.html',
        'https://www.netflix.com/title/1',
        'https://play.google.com/store/apps/details?id=x',
      ]) {
        expect(scorePage(page({ ...licensed, url }), catalog).suspected).toBe(false);
      }
      expect(scorePage(page({ ...licensed, url: 'https://www.bilibili.com/video/BV1' }), catalog).suspected).toBe(true);
    });

    it('baidu search is allowlisted but its cloud drive is not', () => {
      expect(scorePage(page({ ...privateServer, url: 'https://www.baidu.com/s?wd=x' }), catalog).suspected).toBe(false);
      expect(scorePage(page({ ...privateServer, url: 'https://tieba.baidu.com/p/1' }), catalog).suspected).toBe(true);
    });
  });

  describe('a mention alone is not infringement', () => {
    it('news, a review, a fan wiki', () => {
      const pages = [
        {
          title: 'Box office: The Lantern Keeper opens to $38 million',
          text: 'The Lantern Keeper, starring Ilse Marrow, earned an A- CinemaScore.',
        },
        {
          title: '《星穹纪元》评测：宏大的星海',
          text: '星穹纪元的穹顶城设计出色。评分 7.5。不少玩家转投私服。游戏可在官网免费下载。',
        },
        { title: '星穹纪元 Wiki', text: '星穹纪元 是一款科幻MMO。穹顶城 是主城。' },
      ];
      for (const p of pages) {
        const v = scorePage(page(p), catalog);
        expect(v.work).not.toBeNull();
        expect(v.suspected).toBe(false);
      }
    });

    it('news about a piracy bust needs an actual copy to be flagged', () => {
      const news = {
        title: '非法架设“星穹纪元”私服 6人被警方抓获',
        text: '星穹纪元 私服 一键端 无限元宝 上线送满V。公安机关侦破此案，抓获嫌疑人。',
      };
      expect(scorePage(page(news), catalog).suspected).toBe(false);
      expect(scorePage(page({ ...news, links: ['https://pan.baidu.com/s/1x'] }), catalog).suspected).toBe(true);
    });

    it('a cloud drive named once in a news story is not an actual copy', () => {
      const news = {
        title: '非法架设“星穹纪元”私服 6人被警方抓获',
        text: '星穹纪元 私服 一键端 无限元宝。公安机关侦破此案，抓获嫌疑人，该团伙通过百度网盘传播客户端。',
      };
      expect(scorePage(page(news), catalog).suspected).toBe(false);
    });

    it('one piracy word with no corroboration is not enough', () => {
      const v = scorePage(page({ title: '星穹纪元私服', text: '星穹纪元' }), catalog);
      expect(v.suspected).toBe(true); // title pairing corroborates
      const forum = scorePage(page({ title: '星穹纪元 副本攻略', text: '星穹纪元 私服 私服' }), catalog);
      expect(forum.suspected).toBe(false);
      expect(forum.reasons.map((r) => r.id)).toContain('uncorroborated');
    });
  });

  describe('overlapping evidence', () => {
    const magnetPage = {
      title: 'The Lantern Keeper 2025 1080p',
      text: 'The Lantern Keeper magnet link, torrent with 400 seeders',
      links: [{ href: 'magnet:?xt=urn:btih:abc', text: 'magnet link' }],
    };

    for (const lang of ['en', 'zh'] as const) {
      it(`lists one magnet link once, not also as torrent words (${lang})`, () => {
        const v = scorePage(page(magnetPage), catalog, { lang });
        const ids = v.reasons.map((r) => r.id);
        expect(ids.filter((id) => ['magnet-link', 'torrent-link', 'torrent-text'].includes(id))).toEqual([
          'magnet-link',
        ]);
        expect(v.reasons.find((r) => r.id === 'magnet-link')?.text).toBe(
          lang === 'en' ? 'Magnet links (1)' : '磁力链接（1 个）',
        );
        expect(new Set(v.reasons.map((r) => r.text)).size).toBe(v.reasons.length);
      });
    }

    it('counts the same evidence once: torrent words add nothing to a magnet link', () => {
      const link = scorePage(page({ ...magnetPage, text: 'The Lantern Keeper' }), catalog);
      expect(scorePage(page(magnetPage), catalog).score).toBe(link.score);
    });

    it('lists a linked file once when the page text shows the same file name', () => {
      const name = 'The.Lantern.Keeper.2025.mkv';
      const v = scorePage(
        page({
          title: 'The Lantern Keeper',
          text: `The Lantern Keeper ${name}`,
          links: [{ href: 'https://t.me/c/4412', text: name }],
        }),
        catalog,
      );
      expect(v.reasons.map((r) => r.id).filter((id) => id === 'file-link' || id === 'file-name')).toHaveLength(1);
      expect(v.suspected).toBe(false); // one file counted once stays under the threshold
    });

    it('keeps the words when there is no link, and still treats them as a copy for cloud drives', () => {
      expect(scorePage(page({ ...magnetPage, links: [] }), catalog).reasons.map((r) => r.id)).toContain('torrent-text');
      const pan = scorePage(
        page({ title: '守灯人 4K 百度网盘', text: '百度网盘 提取码：dk4x', links: ['https://pan.baidu.com/s/1abc'] }),
        catalog,
      );
      expect(pan.reasons.map((r) => r.id).filter((id) => id === 'cloud-drive' || id === 'file-host-link')).toEqual([
        'file-host-link',
      ]);
      expect(pan.suspected).toBe(true);
    });
  });

  describe('clone sites that call themselves official', () => {
    const clone = {
      url: 'https://www.xq-gf-game.com/',
      title: '星穹纪元官方网站 - 全新资料片',
      text: '星穹纪元 安卓下载 PC端下载',
      links: ['https://cdn.xq-gf-game.com/xq.apk'],
    };

    it('flags an "official site" title on a host that is not official', () => {
      const v = scorePage(page(clone), catalog);
      expect(v.reasons.map((r) => r.id)).toContain('claims-official');
      expect(v.suspected).toBe(true);
    });

    it('does not apply on the official domain, or when the page links to it', () => {
      expect(scorePage(page({ ...clone, url: 'https://www.xingqiong.com.cn/' }), catalog).suspected).toBe(false);
      const portal = scorePage(page({ ...clone, links: ['https://download.xingqiong.com.cn/xq.apk'] }), catalog);
      expect(portal.reasons.map((r) => r.id)).not.toContain('claims-official');
      expect(portal.suspected).toBe(false);
    });
  });

  it('does not flag piracy of works outside the catalog, or a passing mention on such a page', () => {
    const v = scorePage(
      page({
        title: 'Watch Midnight Harbor Full Movie Free',
        text: 'Midnight Harbor 123movies 1080p. Coming soon: The Lantern Keeper',
        links: ['magnet:?xt=1'],
      }),
      catalog,
    );
    expect(v.suspected).toBe(false);
    expect(v.work).toBeNull();
    expect(v.reasons.map((r) => r.id)).toContain('no-work');
  });

  it('matches a work in traditional Chinese and full-width forms', () => {
    expect(scorePage(page({ ...privateServer, title: '星穹紀元私服 今日新開' }), catalog).work?.id).toBe('xq');
    expect(
      scorePage(
        page({ title: 'ＳＴＡＲ ＤＯＭＥ ＥＲＡ Private Server', text: 'unlimited gems, no registration' }),
        catalog,
      ).suspected,
    ).toBe(true);
  });

  it('works with an empty catalog', () => {
    const v = scorePage(page(privateServer), compileCatalog([]));
    expect(v).toMatchObject({ suspected: false, work: null });
  });

  it('works with a 1,000-work catalog', () => {
    const many = [
      ...Array.from({ length: 998 }, (_, i) => ({
        title: `Filler Work ${i}`,
        aliases: [`填充作品${i}`],
        officialDomains: [`filler${i}.example`],
        keywords: [],
      })),
      ...works,
    ];
    const v = scorePage(page(privateServer), compileCatalog(many));
    expect(v.suspected).toBe(true);
    expect(v.work?.id).toBe('xq');
  });

  it('answers a valid verdict for any features and catalog, and never flags an official host', () => {
    const str = fc.string({ unit: 'grapheme', maxLength: 60 });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            title: str.filter((t) => t.trim().length > 0),
            aliases: fc.array(str, { maxLength: 3 }),
            officialDomains: fc.constant<string[]>(['own.example']),
            keywords: fc.array(str, { maxLength: 2 }),
          }),
          { maxLength: 5 },
        ),
        fc.record({
          title: str,
          description: str,
          ogTitle: str,
          keywords: str,
          headings: str,
          text: fc.string({ maxLength: 500 }),
          links: fc.array(fc.record({ href: fc.webUrl(), text: str }), { maxLength: 5 }),
          embeds: fc.nat(5),
        }),
        fc.constantFrom('https://own.example/x', 'https://sub.own.example/', 'https://other.example/', 'not a url'),
        (works, f, url) => {
          const v = scorePage({ ...f, url }, compileCatalog(works.map((w) => ({ ...w, title: w.title.trim() }))));
          expect(VerdictSchema.safeParse(v).success).toBe(true);
          if (url.includes('own.example')) expect(v.suspected).toBe(false);
          if (v.suspected) expect(v.work).not.toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });

  it('survives garbage input end to end', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 65536));
    const v = scorePage(featuresFromHtml(garbage, '%%%'), catalog);
    expect(VerdictSchema.safeParse(v).success).toBe(true);
    expect(v.suspected).toBe(false);
  });
});
