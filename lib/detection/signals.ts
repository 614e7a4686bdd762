/**
 * Piracy signals as data: each has a weight (negative when the page looks like it discusses
 * piracy rather than distributes it), patterns, and a reason a person can read in en and zh.
 * Text patterns run on normalize()d text: lower case, simplified Chinese, single spaces between
 * Latin words and none around CJK. Link patterns run on the lower-cased href of each link.
 * `download` marks signals that show a copy is actually offered; on search, news and wiki hosts
 * only those count (see allowlist.ts).
 */
export interface Reason {
  en: string;
  zh: string;
}

/**
 * Signals that report the same evidence (a magnet link and the words "magnet link" on it) share a
 * family: the popup lists the family once, and its weight counts once (see score.ts).
 */
export type SignalFamily = 'torrent' | 'cloud-drive' | 'file';

/** Signals that say a video or document was re-uploaded: an embedded player counts with them (see score.ts). */
export type SignalGroup = 'reupload';

export interface TextSignal {
  id: string;
  on: 'text';
  weight: number;
  download?: boolean;
  family?: SignalFamily;
  /**
   * Patterns run on the NFKC, lower-cased text with its punctuation kept (file names need their
   * dots), instead of the normalize()d text.
   */
  raw?: boolean;
  /** One occurrence is full evidence (a file name is a copy, not a word said in passing). */
  concrete?: boolean;
  /** The page discusses piracy (news, warnings): it needs a `download` signal to be flagged. */
  discussion?: boolean;
  /** How many of `patterns` must match (default 1), for words that are only telling together. */
  minMatches?: number;
  /**
   * For negative signals: the weight counts once per pattern that matches, up to this many, so a page
   * with a basket, prices and an ISBN reads as a shop more surely than one with a "buy now" button.
   */
  stack?: number;
  group?: SignalGroup;
  patterns: RegExp[];
  reason: Reason;
}

export interface LinkSignal {
  id: string;
  on: 'links';
  weight: number;
  download: true;
  family?: SignalFamily;
  /** Tested against each link's lower-cased href, host and text; several links of a kind add a little. */
  test: (href: string, host: string, text: string) => boolean;
  reason: Reason;
}

export type Signal = TextSignal | LinkSignal;

const PAN_HOSTS = [
  'pan.baidu.com',
  'yun.baidu.com',
  'aliyundrive.com',
  'alipan.com',
  'pan.quark.cn',
  '115.com',
  '115cdn.com',
  'cloud.189.cn',
  'weiyun.com',
  '123pan.com',
  '123pan.cn',
  'pan.xunlei.com',
  'ctfile.com',
  'mega.nz',
  'mega.co.nz',
  'mediafire.com',
  '1fichier.com',
  'rapidgator.net',
  'nitroflare.com',
  'turbobit.net',
  'uploaded.net',
  'katfile.com',
];
const FILE_NAME = {
  torrent: /[\w.\-[\]]+\.torrent\b/,
  copy: /[\w.\-[\]]+\.(?:apk|xapk|apks|ipa|epub|mobi|azw3|rar|7z|iso|mkv|mp4|avi)\b/,
};
// A sample chapter or preview a shop gives away is not a copy of the work.
const SAMPLE = /sample|preview|excerpt|試讀|試閱|试读|试阅/;
const isPanHost = (host: string) =>
  /(^|\.)lanzou[a-z]?\.com$/.test(host) || PAN_HOSTS.some((d) => host === d || host.endsWith(`.${d}`));

export const SIGNALS: readonly Signal[] = [
  // Links that hand over a copy.
  {
    id: 'magnet-link',
    on: 'links',
    weight: 3,
    download: true,
    family: 'torrent',
    test: (h) => h.startsWith('magnet:'),
    reason: { en: 'Magnet links ({n})', zh: '磁力链接（{n} 个）' },
  },
  {
    id: 'p2p-link',
    on: 'links',
    weight: 3,
    download: true,
    test: (h) => /^(ed2k|thunder|flashget|qqdl):/.test(h),
    reason: { en: 'ed2k/Thunder download links ({n})', zh: 'ed2k/迅雷下载链接（{n} 个）' },
  },
  {
    id: 'torrent-link',
    on: 'links',
    weight: 3,
    download: true,
    family: 'torrent',
    test: (h, _host, text) => /\.torrent(?:[?#]|$)/.test(h) || FILE_NAME.torrent.test(text),
    reason: { en: 'Links to .torrent files ({n})', zh: '种子文件链接（{n} 个）' },
  },
  {
    id: 'file-host-link',
    on: 'links',
    weight: 2.5,
    download: true,
    family: 'cloud-drive',
    test: (_h, host) => isPanHost(host),
    reason: { en: 'Links to cloud-drive or file-locker downloads ({n})', zh: '网盘/文件分享链接（{n} 个）' },
  },
  {
    id: 'file-link',
    on: 'links',
    weight: 1.5,
    download: true,
    family: 'file',
    // Redirectors and file lockers often hide the file behind a neutral URL but name it in the link text.
    test: (h, _host, text) =>
      (/\.(?:apk|xapk|apks|ipa|exe|epub|mobi|azw3|txt|rar|7z|zip|iso|mkv|mp4|avi)(?:[?#]|$)/.test(h) ||
        FILE_NAME.copy.test(text)) &&
      !SAMPLE.test(h) &&
      !SAMPLE.test(text),
    reason: {
      en: 'Direct links to app, e-book, video or archive files ({n})',
      zh: '安装包/电子书/视频/压缩包直链（{n} 个）',
    },
  },
  // Channels (Telegram, Discord) post the copy as an attachment: its file name is page text, not a link.
  // When a link's text is that name, it is the same evidence as file-link (one family).
  {
    id: 'file-name',
    on: 'text',
    weight: 2,
    raw: true,
    concrete: true,
    family: 'file',
    patterns: [/[\p{L}\p{N}_\-[\]()]\.(?:apk|xapk|apks|ipa|epub|mobi|azw3|pdf|mkv|avi)(?![\p{L}\p{N}])/u],
    reason: {
      en: 'Shows the file name of a copy (an attachment or listed file)',
      zh: '列出盗版文件名（附件或文件列表）',
    },
  },

  // What the page says it offers.
  {
    id: 'private-server',
    on: 'text',
    weight: 3,
    patterns: [
      /私服|公益服|sf发布|新开sf|传奇sf|\bprivate servers?\b|\bp server\b|\bemulated servers?\b|\bemu servers?\b/,
    ],
    reason: { en: 'Advertises a private server (私服)', zh: '宣传私服' },
  },
  {
    id: 'server-files',
    on: 'text',
    weight: 2.5,
    patterns: [/一键端|服务端|架设教程|gm工具|gm后台|\bserver files\b|\bserver emulator\b|\brepack server\b/],
    reason: { en: 'Offers server files or a one-click server build (一键端)', zh: '提供服务端或一键端' },
  },
  {
    id: 'modded-economy',
    on: 'text',
    weight: 1.5,
    patterns: [
      /变态版|变态服|无限元宝|无限钻石|满v|上线送|gm权限|充值返利|\bunlimited (?:gems|coins|diamonds|money|gold)\b|\bfree gems\b|\bfree vip\b/,
      // Boosted rates ("EXP x25", "x10 drop rate") are how private servers advertise themselves.
      /\b(?:exp|xp|drop|gold|meso|adena) (?:rates? )?x\d+\b|\bx\d+ (?:exp|xp|drop)\b/,
    ],
    reason: {
      en: 'Promises modded economy (unlimited currency, free VIP, GM rights)',
      zh: '承诺变态福利（无限元宝、满V、GM权限）',
    },
  },
  {
    id: 'server-list',
    on: 'text',
    weight: 1,
    patterns: [/开服表|今日新开|新开服|开区时间|\bnew servers? today\b/],
    reason: { en: 'Lists newly opened servers (开服表)', zh: '列出开服表' },
  },
  {
    id: 'cracked',
    on: 'text',
    weight: 2.5,
    patterns: [
      /破解版|破解补丁|免激活|注册机|\bcracked\b|\bcrack\b(?! down)|\bkeygen\b|\bnulled\b|\bwarez\b|\bpre activated\b|\brepack\b|\bpatched (?:apk|ipa|apps?|version|build)\b|\blicen[cs]e (?:check|verification|validation) (?:removed|bypassed|disabled)\b/,
    ],
    reason: { en: 'Offers a cracked version', zh: '提供破解版' },
  },
  {
    id: 'mod-apk',
    on: 'text',
    weight: 2.5,
    patterns: [
      /\bmod apk\b|\bapk mod\b|\bmodded apk\b|\bmodded by\b|\bmod menu\b|\bhack features\b|\b(?:premium|pro|mod) (?:v?\d+(?: \d+)* )?apk\b|\bpremium unlocked\b|\bpro unlocked\b|\ball unlocked\b|\bunlocked premium\b|\b(?:pro|premium|vip) features (?:for )?free\b|内购破解|去广告版|解锁版|免费内购|会员解锁/,
    ],
    reason: { en: 'Offers a modded app (MOD APK, premium unlocked)', zh: '提供修改版应用（MOD、会员解锁）' },
  },
  {
    id: 'free-download',
    on: 'text',
    weight: 1.5,
    patterns: [
      /免费下载|高速下载|下载地址|点击下载|本地下载|迅雷下载|\bfree download\b(?! of (?:the )?(?:sample|preview))|\bdownload (?:it )?(?:for )?free\b(?! (?:sample|preview|trial|chapter))|\bdirect download\b|\bdownload links?\b|\bmirror links?\b/,
    ],
    reason: { en: 'Offers a free download', zh: '提供免费下载' },
  },
  // Drive names and the word 提取码 are said by takedown notices and warnings too: only a code (or a drive
  // link, above) shows a copy is actually handed over.
  {
    id: 'cloud-drive',
    on: 'text',
    weight: 2,
    family: 'cloud-drive',
    patterns: [
      /提取码|访问码|解压密码|百度网盘|百度云盘|阿里云盘|夸克网盘|天翼云盘|蓝奏云|\bmega nz\b|\bmediafire\b|\barchive password\b/,
    ],
    reason: { en: 'Talks of cloud-drive copies (网盘, extraction codes)', zh: '提到网盘资源（提取码）' },
  },
  {
    id: 'drive-code',
    on: 'text',
    weight: 2.5,
    download: true,
    concrete: true,
    family: 'cloud-drive',
    patterns: [
      /(?:提取码|访问码|提取密码|分享码|解压密码)[a-z0-9]{4,12}(?![a-z0-9])|\b(?:extraction code|access code|archive password|rar password) [a-z0-9]{4,16}\b/,
    ],
    reason: { en: 'Gives a cloud-drive extraction code or archive password', zh: '给出网盘提取码或解压密码' },
  },
  {
    id: 'torrent-text',
    on: 'text',
    weight: 2,
    family: 'torrent',
    patterns: [/种子下载|磁力链接|磁力下载|bt下载|\btorrents?\b|\bmagnet links?\b|\bseeders\b|\bleechers\b/],
    reason: { en: 'Offers torrents or magnet links', zh: '提供种子或磁力链接' },
  },
  {
    id: 'watch-free',
    on: 'text',
    weight: 2,
    patterns: [
      /免费观看|免费在线|无删减|免费看|\bwatch (?:\w+ ){0,6}free\b|\bfree online\b|\bfull movie\b|\bfree (?:movie )?streaming\b|\bstream (?:\w+ ){0,4}free\b|\bwatch (?:\w+ ){0,6}online free\b/,
    ],
    reason: { en: 'Offers free streaming ("watch free", "full movie")', zh: '提供免费观看/完整版' },
  },
  {
    id: 'streaming-words',
    on: 'text',
    weight: 0.75,
    patterns: [
      /在线观看|在线播放|高清播放|线上看|线上观看|\bwatch (?:\w+ ){0,2}online\b|\bstream online\b|\bplayer \d\b|\bserver \d\b/,
    ],
    reason: { en: 'Streaming-page vocabulary (online player)', zh: '在线播放页用语' },
  },
  {
    id: 'rip-quality',
    on: 'text',
    weight: 1,
    patterns: [
      /\b(?:1080p|720p|2160p|480p)\b|\bcamrip\b|\bhdcam\b|\bweb ?dl\b|\bwebrip\b|\bbdrip\b|\bhdrip\b|\bx26[45]\b|\bhevc\b|枪版|蓝光原盘|中字|\bdual audio\b/,
    ],
    reason: { en: 'Rip quality tags (1080p, WEBRip, CAM)', zh: '片源标记（1080p、枪版、中字）' },
  },
  {
    id: 'piracy-brand',
    on: 'text',
    weight: 2,
    patterns: [
      /\b(?:123movies|putlocker|fmovies|gomovies|soap2day|yts|rarbg|1337x|piratebay|pirate bay|z library|zlibrary|libgen|annas archive|apkmody|happymod)\b|电影天堂|人人影视|笔趣阁|顶点小说|八一中文/,
    ],
    reason: { en: 'Names a known piracy brand', zh: '出现知名盗版站名' },
  },
  {
    id: 'pirate-video-host',
    on: 'text',
    weight: 2,
    patterns: [
      /\b(?:vidplay|filemoon|upcloud|megacloud|vidcloud|streamtape|doodstream|mixdrop|vidsrc|streamwish|vidhide)\b/,
    ],
    reason: {
      en: 'Names video hosts that piracy sites embed (Vidplay, UpCloud…)',
      zh: '出现盗版站常用的视频源（Vidplay、UpCloud 等）',
    },
  },
  {
    id: 'ebook-download',
    on: 'text',
    weight: 1.5,
    patterns: [
      /\b(?:epub|mobi|azw3)\b|txt下载|txt全集|全本下载|全集下载|精校版|\bpdf download\b|\bdownload (?:as )?pdf\b|\bfree ebook\b|\bfree pdf\b/,
    ],
    reason: { en: 'Offers e-book files (EPUB, TXT, PDF)', zh: '提供电子书文件（EPUB、TXT）' },
  },
  {
    id: 'novel-mirror',
    on: 'text',
    weight: 1.5,
    patterns: [
      /最新章节|无弹窗|全文阅读|全文免费|免费阅读|章节目录|\bread (?:\w+ ){0,3}free\b|\bread online\b|\bfree novel\b|\ball chapters\b/,
    ],
    reason: { en: 'Mirrors novel chapters (最新章节, read free)', zh: '转载小说章节（最新章节、免费阅读）' },
  },
  {
    id: 'chapter-nav',
    on: 'text',
    weight: 1.5,
    patterns: [/上一章|下一章|\bnext chapter\b|\bprev(?:ious)? chapter\b/],
    reason: { en: 'Serves full chapters with chapter navigation', zh: '提供带翻页的完整章节' },
  },
  {
    id: 'pirate-disclaimer',
    on: 'text',
    weight: 1.5,
    patterns: [
      /仅供(?:学习)?(?:交流|研究|试玩)|24小时内删除|无毒无|安全无毒|\bfor educational purposes only\b|\bfor (?:\w+ and )?(?:educational|preservation) purposes\b|\bwe do not host\b|\bno files are hosted\b|\bvirus free\b|\bno virus\b/,
    ],
    reason: {
      en: 'Typical piracy disclaimer ("for study only, delete in 24 h")',
      zh: '典型盗版免责声明（仅供学习交流、24小时内删除）',
    },
  },
  {
    id: 'no-signup',
    on: 'text',
    weight: 1,
    patterns: [
      /无需注册|免登录|免注册|\bno sign ?up\b|\bno registration\b|\bno account needed\b|\bno login\b|\bwithout (?:having to )?(?:register|registration|signing up|an account)\b/,
    ],
    reason: { en: 'Promises no sign-up', zh: '承诺无需注册' },
  },

  // Re-uploads of a whole episode, film or book to a video or document-sharing site: the uploader's own words.
  {
    id: 'reupload-disclaimer',
    on: 'text',
    weight: 2,
    group: 'reupload',
    patterns: [
      /\bno copyright (?:infringement )?intended\b|\bi (?:do not|don t) own (?:this|the|any|anything)\b|\ball rights (?:belong |go |reserved )?to (?:the|their) (?:respective )?(?:owners?|creators?)\b|\bcopyright (?:claims?|strikes?)\b|\b(?:mirrored|zoomed|flipped|pitched|sped up)(?: \w+){0,4} (?:because of|due to|to avoid|for) copyright\b|侵删|视频来源于网络|搬运/,
    ],
    reason: {
      en: 'Re-upload wording ("no copyright infringement intended", mirrored for copyright, 搬运/侵删)',
      zh: '搬运用语（“无意侵权”、为躲避版权镜像、搬运/侵删）',
    },
  },
  {
    id: 'full-copy',
    on: 'text',
    weight: 1.5,
    group: 'reupload',
    patterns: [
      /\bfull (?:episodes?|eps?|film|season|series|book|audiobook)\b|\bcomplete (?:novel|book|season|series)\b|完整版|全集|全\d+集/,
    ],
    reason: { en: 'Says it is the full episode, film or book', zh: '声称是完整版/全集' },
  },

  // Context that says the page talks about piracy rather than offering it. `discussion` signals
  // hold the page to the same rule as news hosts: only an actual copy (a `download` signal) flags it.
  {
    id: 'news-legal',
    on: 'text',
    weight: 0,
    discussion: true,
    minMatches: 2,
    patterns: [
      /警方|公安|网安/,
      /抓获|刑拘|逮捕|判处|有期徒刑|立案|侦破/,
      /法院|判决|起诉|诉讼|审理/,
      /侵犯著作权|侵权盗版|版权局|版权保护/,
      /\barrest(?:ed)?\b/,
      /\blawsuits?\b|\bsued\b/,
      /\bcourt\b/,
      /\bcrackdown\b|\bcrack down\b/,
      /\bindicted\b|\bprosecut\w*/,
      /\banti piracy\b/,
      /\bseized\b|\bshut (?:\w+ )?down\b/,
      /\bcopyright infringement\b(?! intended)/,
      /\btakedown (?:notices?|requests?)\b|\bdmca\b/,
    ],
    reason: { en: 'Reads like news or a legal report about piracy', zh: '像是关于盗版的新闻或法律报道' },
  },
  // Rights holders' own notices in Chinese: enforcement words that come together only when a page reports
  // on piracy (投诉 and 已删除 next to 侵权链接), never on a page that hands over a copy.
  {
    id: 'enforcement',
    on: 'text',
    weight: 0,
    discussion: true,
    minMatches: 2,
    patterns: [
      /维权/,
      /反盗版|打击盗版|严厉打击|抵制盗版|盗版行为/,
      /侵权链接|侵权内容|侵权行为|侵权盗版|盗版网站|盗版站|盗版链接/,
      /举报/,
      /已删除|已下架|已关停|已处理|已失效|已封禁|已封停|删除了|下架了|关停了/,
      /投诉|取证|律师|起诉|追究法律责任|依法/,
    ],
    reason: {
      en: 'Reads like an anti-piracy or rights-enforcement notice (维权, 举报, 已删除)',
      zh: '像是反盗版或维权公告（维权、举报、已删除）',
    },
  },
  {
    id: 'warning',
    on: 'text',
    weight: 0,
    discussion: true,
    patterns: [
      /谨防|警惕|骗局|诈骗|被骗|上当|跑路|禁止发布|不要下载|\bbeware\b|\bscam(?:s|med)?\b|\bdo not download\b|\bdon t download\b/,
      // Risks of pirated copies and forum rules against them; "no malware" is a pirate's promise, not a warning.
      /(?<!\bno )\bmalware\b(?! free)|\bstolen\b|\bsteal (?:your|their|bank|passwords?|credentials)\b|\b(?:rather|would) not pirate\b|\bdon t pirate\b|\bno piracy\b/,
    ],
    reason: { en: 'Warns readers about piracy', zh: '提醒读者警惕盗版' },
  },
  {
    id: 'review',
    on: 'text',
    weight: -1,
    patterns: [/评测|测评|影评|书评|优缺点|\breview(?:s|ed)?\b|\bour verdict\b|\bpros and cons\b/],
    reason: { en: 'Reads like a review', zh: '像是评测' },
  },
  // A shop's vocabulary: each kind of shop word (basket, stock and formats, ISBN, free sample or reading app,
  // licensed availability) lowers the score once.
  {
    id: 'storefront',
    on: 'text',
    weight: -1,
    stack: 4,
    patterns: [
      /立即购买|正版购买|加入购物车|放入购物车|直接购买|\bbuy (?:now|(?:the )?ebook|it now)\b|\badd to (?:cart|basket|bag|trolley)\b|\bpre ?order\b|\bclick collect\b/,
      /定价|优惠价|当当价|售价|\bin stock\b|\bout of stock\b|\bfree (?:uk |us |standard )?delivery\b|\b(?:paperback|hardback|hardcover)\b/,
      /\bisbn\b|isbn(?=\d)/,
      /\bfree sample\b|\bsample chapters?\b|\bfree (?:reading )?app\b|\breading app\b|免费试读|在线试读|线上试阅|试读|试阅|阅读app/,
      /\bin (?:theaters|theatres|cinemas)\b|\bavailable on (?:steam|netflix|prime video|disney|the app store|google play)\b|\b(?:streaming|available|watch (?:it|the full episode)) (?:now )?on (?:crunchyroll|netflix|prime video|disney|hulu|max|apple tv|hidive)\b/,
    ],
    reason: {
      en: 'Sells or points to a licensed copy (basket, prices, ISBN, sample)',
      zh: '销售或指向正版（购物车、定价、ISBN、试读）',
    },
  },
  {
    id: 'price',
    on: 'text',
    weight: -1,
    raw: true,
    patterns: [/(?:[£$€¥￥]|\bnt\$|\brmb ?)\s?\d{1,5}(?:[.,]\d{2})?(?!\d)/],
    reason: { en: 'Shows prices', zh: '标有价格' },
  },
];

/** The weight added when a piracy term sits in the page title next to the work's name. */
export const TITLE_PAIRING = {
  id: 'title-pairing',
  weight: 1.5,
  reason: { en: 'The page title pairs “{work}” with piracy terms', zh: '页面标题将“{work}”与盗版用语并列' },
} as const;

/** The weight added when a non-official host is named after the work (clone sites). */
export const NAMED_HOST = {
  id: 'named-host',
  weight: 1.5,
  reason: {
    en: 'The site’s address uses “{work}” but is not an official domain',
    zh: '网址使用了“{work}”，但不是官方域名',
  },
} as const;

/** Video players: weak on their own, since news and reviews embed trailers; next to re-upload words, a copy. */
export const PLAYER_EMBED = {
  id: 'player-embed',
  weight: 0.5,
  withReupload: 1,
  reason: { en: 'Embeds a video player', zh: '嵌入视频播放器' },
} as const;

/**
 * An episode number next to the work's name in the title or a heading, on a video or document-sharing
 * site (or a page that says who uploaded it): how a re-uploaded episode is labelled.
 */
export const EPISODE_UPLOAD = {
  id: 'episode-upload',
  weight: 1.5,
  patterns: [/\b(?:episode|ep) ?\d{1,4}\b|\bs\d{1,2} ?e\d{1,3}\b|第[0-9一二三四五六七八九十百]+[集话期]/],
  uploaded: /\buploaded by\b|\badded by\b|\buploader\b|up主|上传者|上传于|投稿/,
  // A trailer, preview, recap or essay about an episode is not the episode.
  notWhole:
    /\b(?:preview|trailer|teaser|promo|clip|recap|reaction|review|explained|analysis|essay)\b|预告|花絮|解说|解析|片段|混剪|评测/,
  reason: { en: 'An episode of “{work}” on a video or document-sharing site', zh: '在视频/文档分享站上的“{work}”单集' },
} as const;

/**
 * The page title calls itself the work's official site on a host that is not an official domain
 * (clone sites). Not applied when the page links to a real official domain: portals and fan sites
 * that say "官网" point there.
 */
export const IMPERSONATION = {
  id: 'claims-official',
  weight: 2,
  patterns: [/官方网站|官网|\bofficial (?:web ?)?site\b|\bofficial website\b|\bofficial homepage\b/],
  reason: {
    en: 'Calls itself the official site of “{work}” on an address that is not official',
    zh: '自称“{work}”官方网站，但网址不是官方域名',
  },
} as const;
