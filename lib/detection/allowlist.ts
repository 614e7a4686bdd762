/**
 * Hosts that are never flagged on words alone: the work's official domains (always), and search
 * engines, major news and wiki sites, and licensed stores and streaming services (unless a copy is
 * actually offered: see signals.ts `download`). Video-sharing sites are left out on purpose: users
 * upload whole films there.
 */
export type AllowKind = 'search' | 'news' | 'wiki' | 'store';

const ALLOWED: Record<AllowKind, readonly string[]> = {
  search: [
    'bing.com',
    'duckduckgo.com',
    'search.yahoo.com',
    'yandex.com',
    'yandex.ru',
    'www.baidu.com',
    'm.baidu.com',
    'sogou.com',
    'so.com',
    'search.naver.com',
    'ecosia.org',
    'startpage.com',
    'search.brave.com',
  ],
  news: [
    'bbc.com',
    'bbc.co.uk',
    'nytimes.com',
    'theguardian.com',
    'reuters.com',
    'apnews.com',
    'cnn.com',
    'washingtonpost.com',
    'theverge.com',
    'variety.com',
    'hollywoodreporter.com',
    'deadline.com',
    'torrentfreak.com',
    'ign.com',
    'polygon.com',
    'xinhuanet.com',
    'news.cn',
    'people.com.cn',
    'chinadaily.com.cn',
    'thepaper.cn',
    'news.sina.com.cn',
    'news.qq.com',
    'news.163.com',
    'ifeng.com',
    'caixin.com',
    'scmp.com',
    'nhk.or.jp',
  ],
  wiki: [
    'wikipedia.org',
    'wikimedia.org',
    'fandom.com',
    'baike.baidu.com',
    'baike.sogou.com',
    'baike.so.com',
    'moegirl.org.cn',
    'imdb.com',
    'douban.com',
    'goodreads.com',
  ],
  store: [
    'netflix.com',
    'primevideo.com',
    'disneyplus.com',
    'hulu.com',
    'max.com',
    'tv.apple.com',
    'apps.apple.com',
    'books.apple.com',
    'play.google.com',
    'store.steampowered.com',
    'store.epicgames.com',
    'amazon.com',
    'amazon.co.uk',
    'amazon.co.jp',
    'iqiyi.com',
    'v.qq.com',
    'youku.com',
    'mgtv.com',
    'qidian.com',
    'jjwxc.net',
    'zongheng.com',
    'taptap.cn',
    'taptap.io',
  ],
};

/** The host and each parent domain (a.b.example, b.example, example): one set lookup each finds a domain or its subdomains. */
export function* hostSuffixes(host: string): Generator<string> {
  for (let h = host.toLowerCase().replace(/\.$/, ''); h; h = h.slice(h.indexOf('.') + 1 || h.length)) yield h;
}

const KIND_BY_DOMAIN = new Map(
  Object.entries(ALLOWED).flatMap(([kind, domains]) => domains.map((d) => [d, kind as AllowKind] as const)),
);

export function allowKind(host: string): AllowKind | null {
  if (/^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/.test(host)) return 'search';
  for (const h of hostSuffixes(host)) {
    const kind = KIND_BY_DOMAIN.get(h);
    if (kind) return kind;
  }
  return null;
}

/** The lower-cased host of an http(s) URL, or '' when it has none. */
export function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return /^https?:$/.test(u.protocol) ? u.hostname.toLowerCase().replace(/\.$/, '') : '';
  } catch {
    return '';
  }
}
