import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../../lib/detection/catalog';
import { scorePage } from '../../../lib/detection/score';
import { SIGNALS } from '../../../lib/detection/signals';
import { page } from './helpers';

const catalog = compileCatalog([
  { title: '星穹纪元', aliases: ['Star Dome Era'], officialDomains: ['xingqiong.com.cn'], keywords: [] },
]);
const firedBy = (p: Parameters<typeof page>[0]) => scorePage(page(p), catalog).reasons.map((r) => r.id);

// One sample per signal, in each language the signal covers. Adding a signal without a sample fails below.
const SAMPLES: Record<string, Parameters<typeof page>[0][]> = {
  'magnet-link': [{ links: ['magnet:?xt=urn:btih:abc'] }],
  'p2p-link': [{ links: ['thunder://QUFodHRw', 'ed2k://|file|a.mp4|1|A|/'] }],
  'torrent-link': [{ links: ['https://t.example/get/123.torrent?x=1'] }],
  'file-host-link': [
    { links: ['https://pan.baidu.com/s/1abc', 'https://wwx.lanzoux.com/i8', 'https://mega.nz/file/X'] },
  ],
  'file-link': [
    { links: ['https://dl.example/game_mod.apk', 'https://dl.example/book.epub'] },
    { links: [{ href: 'https://t.me/c/4412', text: 'PocketLedger_5.3_Premium.apk' }] },
  ],
  'file-name': [{ text: '📎 Star.Dome.Era.2025.1080p.WEB-DL.mkv 2.1 GB' }, { text: '附件：星穹纪元_v3.2_福利版.apk' }],
  'private-server': [
    { title: '星穹纪元私服' },
    { title: '星穹纪元公益服' },
    { title: 'Star Dome Era private server' },
    { title: 'Star Dome Era emulated server' },
  ],
  'server-files': [{ text: '星穹纪元 一键端 架设教程' }, { text: 'Star Dome Era server files and server emulator' }],
  'modded-economy': [
    { text: '上线送满V 无限元宝' },
    { text: 'unlimited gems for everyone' },
    { text: 'EXP x25, drop x10, free VIP' },
  ],
  'server-list': [{ text: '今日新开 开服表' }],
  cracked: [
    { text: '破解版 免激活' },
    { text: 'cracked keygen included' },
    { text: 'Patched APK, license verification removed' },
  ],
  'mod-apk': [{ text: 'MOD APK premium unlocked' }, { text: '内购破解 会员解锁' }],
  'free-download': [{ text: '免费下载 点击下载' }, { text: 'free download, direct download' }],
  'cloud-drive': [{ text: '百度网盘 阿里云盘 夸克网盘' }, { text: 'mirrors on mediafire' }],
  'drive-code': [
    { text: '百度网盘 提取码：8kd2' },
    { text: '鏈接：見下方 提取碼：k7wq' },
    { text: 'archive password: ragezone' },
  ],
  'torrent-text': [{ text: '磁力链接 BT下载' }, { text: 'torrent with 400 seeders' }],
  'watch-free': [{ text: '免费观看 无删减' }, { text: 'watch Star Dome Era online free, full movie' }],
  'streaming-words': [{ text: '在线观看 高清播放' }, { text: 'Player 1 Player 2 watch online' }],
  'rip-quality': [{ text: '1080p WEBRip x264' }, { text: '枪版 中字' }],
  'pirate-video-host': [{ text: 'Server 1: Vidplay, Server 2: UpCloud' }],
  'piracy-brand': [{ text: '123Movies' }, { text: '笔趣阁' }],
  'ebook-download': [{ text: 'EPUB MOBI AZW3' }, { text: 'TXT全集下载' }],
  'novel-mirror': [{ text: '最新章节 无弹窗' }, { text: 'read online, all chapters' }],
  'chapter-nav': [{ text: '上一章 目录 下一章' }, { text: 'previous chapter | next chapter' }],
  'pirate-disclaimer': [{ text: '仅供学习交流，请于下载后24小时内删除' }, { text: 'We do not host any files' }],
  'no-signup': [{ text: '无需注册 免登录' }, { text: 'no sign up required' }],
  'reupload-disclaimer': [
    { text: 'I do not own this anime. No copyright infringement intended.' },
    { text: 'video is mirrored and zoomed because of copyright claims' },
    { text: '视频来源于网络，侵删' },
  ],
  'full-copy': [
    { title: '星穹纪元 Episode 7 FULL EPISODE' },
    { title: '星穹纪元 第7集 完整版' },
    { title: '星穹纪元 (Full Book)' },
  ],
  enforcement: [
    { text: '维权公告：侵权链接 216 条已删除，欢迎举报' },
    { text: '反盗版声明：严厉打击私服，欢迎举报' },
    { text: '維權公告：已向平台投訴侵權鏈接' },
  ],
  price: [{ text: 'Paperback £9.99' }, { text: '定价 ¥59.00' }, { text: 'NT$420' }],
  'news-legal': [{ text: '警方抓获 6 名嫌疑人' }, { text: 'the studio sued; the court ruled' }],
  warning: [
    { text: '谨防骗局' },
    { text: '充了五百被骗了，大家别上当' },
    { text: 'beware of scams' },
    { text: 'modded apps are how logins get stolen; I would rather not pirate it' },
  ],
  review: [{ text: '评测 优缺点' }, { text: 'our verdict after the review' }],
  storefront: [
    { text: '立即购买' },
    { text: 'buy now, add to cart' },
    { text: 'Add to basket · ISBN 9781849921047 · Download free sample (EPUB)' },
    { text: '放入購物車 線上試閱' },
    { text: 'episode 7 is streaming now on Crunchyroll' },
  ],
};

describe('signals', () => {
  it('has a sample for every signal', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(SIGNALS.map((s) => s.id).sort());
  });

  for (const signal of SIGNALS) {
    it(`${signal.id} fires on its samples and has readable reasons in both languages`, () => {
      expect(signal.reason.en.length).toBeGreaterThan(5);
      expect(signal.reason.zh.length).toBeGreaterThan(2);
      for (const sample of SAMPLES[signal.id]!) {
        const text = `星穹纪元 ${sample.text ?? ''}`;
        const ids = firedBy({ ...sample, text });
        // Discussion signals explain a gate only when nothing is offered; give them something to gate.
        const gated = firedBy({
          ...sample,
          text: `${text} 星穹纪元私服 变态版`,
          title: `星穹纪元 ${sample.title ?? ''}`,
        });
        expect([...ids, ...gated]).toContain(signal.id);
      }
    });
  }

  it('reads file names in link text as well as in hrefs', () => {
    expect(firedBy({ links: [{ href: 'https://go.example/r/1', text: 'The.Film.2025.1080p.torrent' }] })).toContain(
      'torrent-link',
    );
    expect(firedBy({ links: [{ href: 'https://go.example/r/1', text: 'Download now' }] })).not.toContain('file-link');
  });

  it('reads a file name only with its extension attached, not a format named in prose', () => {
    expect(firedBy({ text: '星穹纪元 Wren Ashdown - The Glass Orchard.epub' })).toContain('file-name');
    expect(
      firedBy({ text: '星穹纪元 available as EPUB or MOBI; see pocketledger.app and t.me for news' }),
    ).not.toContain('file-name');
    expect(firedBy({ text: '星穹纪元 the .apk format' })).not.toContain('file-name');
  });

  it('counts one attachment name at full weight, unlike a word said once in passing', () => {
    const name = scorePage(page({ title: '星穹纪元', text: 'xq_3.2.apk' }), catalog).reasons;
    const once = scorePage(page({ title: '星穹纪元', text: '很多玩家转投私服' }), catalog).score;
    expect(name.map((r) => r.id)).toContain('file-name');
    expect(scorePage(page({ title: '星穹纪元', text: 'xq_3.2.apk' }), catalog).score).toBeGreaterThan(once);
  });

  it('does not read a pirate\'s "no malware" promise as a warning', () => {
    expect(firedBy({ text: '星穹纪元私服 变态版 no malware, malware-free' })).not.toContain('warning');
    expect(firedBy({ text: '星穹纪元私服 变态版 these sites spread malware' })).toContain('warning');
  });

  it('does not read a security fix as a patched copy', () => {
    expect(firedBy({ text: '星穹纪元 the login bug was patched in version 3.2' })).not.toContain('cracked');
  });

  it('does not read "crack down" as "crack"', () => {
    expect(firedBy({ text: '星穹纪元 police crack down on piracy' })).not.toContain('cracked');
  });

  it('counts a term said once in passing at half weight', () => {
    const once = scorePage(page({ title: '星穹纪元', text: '很多玩家转投私服' }), catalog);
    const led = scorePage(page({ title: '星穹纪元私服' }), catalog);
    expect(once.score).toBeLessThan(led.score);
  });

  it('adds weight for several download links of a kind', () => {
    const one = scorePage(page({ title: '星穹纪元', links: ['magnet:?a'] }), catalog);
    const three = scorePage(page({ title: '星穹纪元', links: ['magnet:?a', 'magnet:?b', 'magnet:?c'] }), catalog);
    expect(three.score).toBeGreaterThan(one.score);
  });
});
