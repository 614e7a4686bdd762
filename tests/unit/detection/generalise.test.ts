import { describe, expect, it } from 'vitest';
import { compileCatalog, type CatalogWork } from '../../../lib/detection/catalog';
import { featuresFromHtml } from '../../../lib/detection/html-features';
import { scorePage } from '../../../lib/detection/score';
import { page, type PageInput } from './helpers';

// Issue 21: each rule that makes detection generalise, on pages shaped like the classes it names.
const works: CatalogWork[] = [
  {
    id: 'yl',
    title: '郁垒山海录',
    aliases: ['Chronicles of Yulei'],
    officialDomains: ['yuleishanhai.cn'],
    keywords: ['顾濯缨'],
  },
  {
    id: 'sf',
    title: 'Starfall Harbor',
    aliases: ['星陨港'],
    officialDomains: ['starfallharbor.film'],
    keywords: ['Idris Vane'],
  },
  { id: 'iv', title: 'Ironvale', aliases: ['铁谷迷城'], officialDomains: ['ironvale.tv'], keywords: ['Sable Corin'] },
  {
    id: 'wm',
    title: 'The Wintermere Letters',
    aliases: ['Wintermere Letters'],
    officialDomains: ['wintermereletters.com'],
    keywords: ['Ottilie Brandreth'],
  },
  { id: 'tw', title: '龍驤鐵騎', aliases: [], officialDomains: [], keywords: ['驍騎營'] },
];
const catalog = compileCatalog(works);
const score = (p: PageInput) => scorePage(page(p), catalog);
const ids = (p: PageInput) => score(p).reasons.map((r) => r.id);

describe('Traditional Chinese through OpenCC', () => {
  it('names a Simplified catalog work from a Traditional page whose title and author use less common characters', () => {
    const v = score({
      title: '鬱壘山海錄 全本TXT下載 - 顧濯纓',
      text: '鬱壘山海錄 作者：顧濯纓 百度網盘 提取碼：k7wq 本地下載',
      links: ['https://pan.baidu.com/s/1Yx'],
    });
    expect(v.work?.id).toBe('yl');
    expect(v.suspected).toBe(true);
  });

  it('matches a catalog entry written in Traditional against a Simplified page', () => {
    const v = score({ title: '龙骧铁骑私服 - 今日新开', text: '骁骑营 上线送满V 无限元宝 开服表' });
    expect(v.work?.id).toBe('tw');
    expect(v.suspected).toBe(true);
  });
});

describe('titles written differently from the catalog', () => {
  for (const title of [
    'Watch Star Fall Harbor (2026) Full Movie Online Free',
    'Star-Fall.Harbor.2026.1080p.WEBRip Torrent',
    'S T A R F A L L : H A R B O R watch online free',
  ]) {
    it(`names the work in "${title}"`, () => {
      const v = score({
        title,
        text: 'Server 1 UpCloud, Server 2 Vidhide. 1080p WEBRip.',
        links: ['magnet:?xt=urn:btih:1'],
      });
      expect(v.work?.id).toBe('sf');
      expect(v.suspected).toBe(true);
    });
  }

  it('counts a title and its alias at the same place once', () => {
    // One mention of the title (which contains the alias) and the author's name: 1.5, below the bar.
    const once = score({
      text: 'The Wintermere Letters by Ottilie Brandreth. free download epub mobi',
      links: ['https://mega.nz/file/x'],
    });
    expect(once.work).toBeNull();
  });
});

describe('re-uploads', () => {
  const upload: PageInput = {
    url: 'https://www.youtube.com/watch?v=abc',
    title: 'Iron Vale Episode 7 FULL EPISODE HD (No Copyright Infringement Intended) - YouTube',
    text: 'Iron Vale ep 7 full episode english sub. I do not own this anime. No copyright infringement intended.',
    embeds: 1,
  };

  it('flags a full episode re-uploaded with a disclaimer, and says why', () => {
    const v = score(upload);
    expect(v.suspected).toBe(true);
    expect(v.work?.id).toBe('iv');
    expect(v.reasons.map((r) => r.id)).toEqual(
      expect.arrayContaining(['reupload-disclaimer', 'full-copy', 'episode-upload', 'player-embed']),
    );
  });

  it('counts the player with the re-upload words: the same words without a player weigh less', () => {
    expect(score(upload).score).toBeGreaterThan(score({ ...upload, embeds: 0 }).score);
  });

  it('flags a mirrored and zoomed upload on a video site', () => {
    const v = score({
      url: 'https://www.dailymotion.com/video/x8',
      title: 'Ironvale - Ep 12 [Mirrored + Zoomed]',
      text: 'Ironvale episode 12. Video is mirrored and zoomed because of copyright claims.',
      embeds: 1,
    });
    expect(v.suspected).toBe(true);
  });

  it('flags 搬运 uploads on Chinese video sites', () => {
    const v = score({
      url: 'https://www.bilibili.com/video/BV1',
      title: '铁谷迷城 第7集 完整版（搬运）',
      text: '视频来源于网络，侵删',
      embeds: 1,
    });
    expect(v.suspected).toBe(true);
  });

  it('does not read an official preview or the official channel as a re-upload', () => {
    const preview = score({
      url: 'https://www.youtube.com/watch?v=p',
      title: 'Ironvale – Episode 3 Preview',
      text: 'Watch the full episode now on Crunchyroll',
      embeds: 1,
    });
    expect(preview.reasons.map((r) => r.id)).not.toContain('episode-upload');
    expect(preview.suspected).toBe(false);
    const official = score({
      ...upload,
      title: 'Ironvale | Episode 1 - Full Episode | Official',
      text: 'Official site: ironvale.tv',
      links: ['https://ironvale.tv/'],
    });
    expect(official.suspected).toBe(false);
  });

  it('needs a video or document-sharing site (or an uploader) for an episode number to count', () => {
    expect(
      ids({
        ...upload,
        url: 'https://animebeat.example/reviews/ironvale-7',
        title: 'Ironvale Episode 7',
        text: 'the episode',
      }),
    ).not.toContain('episode-upload');
  });
});

describe('minimum evidence', () => {
  const stream = {
    text: '播放源 极速云 量子资源 本站资源均来自互联网，免费观看，无需注册 1080p 中字',
    links: ['magnet:?xt=urn:btih:1'],
    embeds: 1,
  };

  it('names the work from a 原名/片名 line on a page that retitles it', () => {
    const v = score({
      ...stream,
      title: '灯塔归航 在线观看 高清完整版',
      text: `原名：Starfall Harbor 导演：伊德里斯 ${stream.text}`,
    });
    expect(v.work?.id).toBe('sf');
    expect(v.reasons[0]!.text).toContain('original-title line');
    expect(v.suspected).toBe(true);
    expect(v.reasons.map((r) => r.id)).toContain('strong-evidence-naming');
    // With weak evidence the one line stays below the bar.
    const weak = score({ title: '灯塔归航 影评', text: '原名：Starfall Harbor。这部电影的配乐很好，推荐在影院观看。' });
    expect(weak.work).toBeNull();
  });

  it('weighs og:title and headings when the <title> is generic', () => {
    const files = {
      text: 'File: Brandreth_Letters.epub 1.1 MB free download, no sign up',
      links: ['https://1fichier.com/?x8'],
    };
    expect(score({ ...files, title: 'Download #88213', ogTitle: 'The Wintermere Letters (EPUB)' }).work?.id).toBe('wm');
    expect(score({ ...files, title: 'Download #88213', headings: 'The Wintermere Letters' }).work?.id).toBe('wm');
    expect(score({ ...files, title: 'Download #88213' }).work).toBeNull();
  });

  it('reads og:title, meta keywords and h1/h2 headings from HTML', () => {
    const html =
      '<head><title>x</title><meta property="og:title" content="OG"><meta name="keywords" content="a, b"></head><body><h1>Main <b>one</b></h1><h3>minor</h3><h2>Second</h2></body>';
    expect(featuresFromHtml(html, 'https://x.example/')).toMatchObject({
      ogTitle: 'OG',
      keywords: 'a, b',
      headings: 'Main one | Second',
    });
  });

  it('names the work from the file name of the copy the page shows', () => {
    const post = {
      title: 'Book Drop Daily – Telegram',
      text: '📖 New today 📎 Ottilie_Brandreth-The_Wintermere_Letters.epub 1.2 MB',
    };
    expect(score(post).work?.id).toBe('wm');
    expect(score(post).reasons[0]!.text).toContain('file name');
  });

  it('does not name a work from meta keywords alone, however strong the rest', () => {
    const v = score({
      ...stream,
      title: '深海迷航 在线观看 高清完整版',
      keywords: '深海迷航,星陨港,铁谷迷城,免费电影',
      text: `原名：Abyssal Drift ${stream.text}`,
    });
    expect(v.work).toBeNull();
    expect(v.suspected).toBe(false);
  });

  it('lets strong evidence of a copy name the work from one clear mention and a keyword, and says so', () => {
    const strong = {
      title: 'Download #40221',
      text: 'Starfall Harbor dir. Idris Vane. 1080p WEBRip x264. Free download, direct download, no registration, virus free.',
      links: ['magnet:?xt=urn:btih:1', 'magnet:?xt=urn:btih:2', 'https://x.example/a.torrent'],
    };
    const v = score(strong);
    expect(v.work?.id).toBe('sf');
    expect(v.suspected).toBe(true);
    expect(v.reasons.map((r) => r.id)).toContain('strong-evidence-naming');
    // The same mention with weak evidence names nothing.
    expect(
      score({ title: 'Blog', text: 'Starfall Harbor dir. Idris Vane. Free download of my wallpaper.' }).work,
    ).toBeNull();
  });
});

describe('Chinese anti-piracy and rights-enforcement notices', () => {
  const notice = {
    title: '《鬱壘山海錄》維權公告',
    text: '我方發現多個網站以「全本TXT下載」「百度網盤」「提取碼」等方式傳播盜版。已向平台投訴侵權鏈接 216 條，其中 198 條已刪除。我們將嚴厲打擊盜版行為，歡迎讀者舉報。',
  };

  it('reads a 维权公告 as discussion, and its bare 百度网盘/提取码 words as no copy', () => {
    const v = score(notice);
    expect(v.suspected).toBe(false);
    expect(v.reasons.map((r) => r.id)).toContain('enforcement');
    expect(v.reasons.map((r) => r.id)).not.toContain('drive-code');
  });

  it('still flags such a page when it hands over a drive link or an extraction code', () => {
    expect(
      score({ ...notice, text: `${notice.text} 鏈接 提取碼：k7wq`, links: ['https://pan.baidu.com/s/1x'] }).suspected,
    ).toBe(true);
  });

  it('treats an extraction code as a copy, and the word 提取码 with no code as talk', () => {
    expect(ids({ title: '郁垒山海录', text: '百度网盘 提取码：k7wq' })).toContain('drive-code');
    expect(
      ids({ title: '郁垒山海录', text: '有人问提取码在哪里……没有提取码！百度网盘的分享链接都失效了' }),
    ).not.toContain('drive-code');
  });
});

describe('shops', () => {
  const shop = {
    title: 'The Wintermere Letters by Ottilie Brandreth | Paperback, eBook',
    text: 'Ottilie Brandreth · ISBN 9781849921047 · Paperback £9.99 Add to basket · eBook (EPUB) £6.99 Buy eBook · Download free sample (EPUB) · Read it in our free reading app.',
    links: ['https://shop.example/samples/9781849921047-sample.epub'],
  };

  it('reads basket, prices, ISBN and a free sample as a shop, not piracy', () => {
    const v = score(shop);
    expect(v.suspected).toBe(false);
    expect(v.reasons.map((r) => r.id)).toEqual(expect.arrayContaining(['storefront', 'price']));
    expect(v.reasons.map((r) => r.id)).not.toContain('file-link');
    expect(v.reasons.map((r) => r.id)).not.toContain('free-download');
  });

  it('lowers the score more the more shop vocabulary a page has', () => {
    const bare = { title: shop.title, text: 'EPUB MOBI free ebook, free download, direct download, no registration' };
    expect(score({ ...bare, text: `${bare.text} Add to basket ISBN 9781849921047 free sample` }).score).toBeLessThan(
      score({ ...bare, text: `${bare.text} Add to basket` }).score,
    );
  });

  it('reads a Traditional Chinese shop (放入購物車, 定價, 試閱) the same way', () => {
    const v = score({
      title: '鬱壘山海錄（卷一） - 顧濯纓 | 網路書店',
      text: 'ISBN：9786267329184 定價：NT$420 放入購物車 線上試閱 TXT',
    });
    expect(v.reasons.map((r) => r.id)).toEqual(expect.arrayContaining(['storefront', 'price']));
    expect(v.suspected).toBe(false);
  });
});

describe('sidebar mentions', () => {
  it('does not name a work from a "customers also bought" list on a page about another book', () => {
    const v = score({
      title: 'The Salt Road - Hester Lowry EPUB free download',
      text: 'The Salt Road. Download EPUB. Free ebook download, no registration. Readers also downloaded: The Wintermere Letters (Wintermere Letters #1) by Ottilie Brandreth; The Quiet Lock.',
      links: ['https://www.mediafire.com/file/s4/The_Salt_Road.epub/file'],
    });
    expect(v.work).toBeNull();
    expect(v.suspected).toBe(false);
  });

  it('still counts the same names in the page body', () => {
    const v = score({
      title: 'Download #1',
      text: 'The Wintermere Letters by Ottilie Brandreth. The Wintermere Letters EPUB free download. The Wintermere Letters MOBI.',
      links: ['https://www.mediafire.com/file/w1/WL.epub/file'],
    });
    expect(v.work?.id).toBe('wm');
  });
});
