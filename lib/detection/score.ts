import { allowKind, hostOf, type AllowKind } from './allowlist';
import type { CatalogWork, CompiledCatalog, PhraseHit } from './catalog';
import type { PageFeatures } from './features';
import { normalize } from './normalize';
import { isSharingSite } from './sharing-sites';
import {
  EPISODE_UPLOAD,
  IMPERSONATION,
  NAMED_HOST,
  PLAYER_EMBED,
  SIGNALS,
  TITLE_PAIRING,
  type Reason,
  type SignalFamily,
  type SignalGroup,
} from './signals';
import type { ScoredReason, Verdict } from './verdict';

export type ReasonLang = 'en' | 'zh';
export interface ScoreOptions {
  lang?: ReasonLang;
}

/** Summed signal weight at which a page that names a work is suspected (score 0.5). */
export const THRESHOLD = 3;
/** How sure we must be that the page is about a work: a title, heading or address hit, or repeated mentions. */
const WORK_MIN = 2;
/**
 * With strong evidence that the page hands over a copy (twice the threshold, and an actual copy), one clear
 * mention plus a keyword (1.5) names the work; the verdict says so.
 */
const WORK_MIN_STRONG = 1.5;
const STRONG_EVIDENCE = 2 * THRESHOLD;
/**
 * `title` is the <title> or og:title (the page's own name for itself); `heading` an h1/h2; `file` the name
 * of a file the page shows. `labelled` is a bonus on a text hit right after 原名/片名/"original title": with
 * it, that one line reaches WORK_MIN_STRONG (named only next to strong evidence of a copy) but not WORK_MIN.
 * `metaKeywords` is weak because keyword lists are stuffed with popular titles: alone it names nothing.
 */
const WORK_WEIGHTS = {
  title: 3,
  url: 2,
  heading: 2,
  labelled: 0.5,
  file: 2,
  description: 1,
  metaKeywords: 1,
  textFirst: 1,
  textMore: 0.5,
  textCap: 2,
  keyword: 0.5,
  keywordCap: 1,
};
/** A name right after one of these labels is the page saying which work it is. */
const LABEL_BEFORE = new RegExp(
  `(?:${[
    '原名',
    '片名',
    '原片名',
    '又名',
    '英文名',
    '外文名',
    '原作名',
    '原著',
    '译名',
    'original title',
    'original name',
    'also known as',
    'aka',
    'english title',
  ].join('|')}) ?$`,
);
/**
 * "Customers also bought" and "you may also like" lists name other works than the page's: names in the
 * stretch after such a heading do not count towards naming a work.
 */
const SIDEBAR = new RegExp(
  [
    String.raw`\b(?:customers|readers|people|viewers|users|buyers)(?: who \w+(?: \w+)?)?` +
      String.raw` also (?:bought|viewed|liked|downloaded|read|watched)\b`,
    String.raw`\byou (?:may|might|will) also (?:like|enjoy)\b`,
    String.raw`\bmore like this\b`,
    String.raw`\brelated (?:books|documents|titles|movies|videos|posts|articles|items)\b`,
    String.raw`\bsimilar (?:books|titles|movies|shows)\b`,
    String.raw`\brecommended for you\b`,
    '猜你喜欢|还看过|还买了|也看过|也买了|相关推荐|热门推荐|为你推荐|同类推荐|相关阅读|推荐阅读|相关文档',
  ].join('|'),
);
// A literal each SIDEBAR heading contains: cheap to find in 64 K characters, unlike SIDEBAR itself.
const SIDEBAR_ANCHOR =
  /also |more like this|related |similar |recommended for you|猜你喜欢|还看过|还买了|也看过|也买了|相关推荐|热门推荐|为你推荐|同类推荐|相关阅读|推荐阅读|相关文档/g;
const SIDEBAR_SPAN = 240;
/** File names of copies shown on the page (attachments, listed files, link texts): a name in one is the file's work. */
const FILE_EXT = /\.(?:apk|xapk|apks|ipa|epub|mobi|azw3|pdf|mkv|mp4|avi|torrent|rar|7z|zip|iso|txt)(?![\p{L}\p{N}])/giu;
const NAME_CHAR = /[\p{L}\p{N}_\-.[\]()'& ]/u;
const MAX_FILE_NAME = 100;
const MAX_FILE_NAMES = 20;

/**
 * Finds each extension, then walks back over the characters a file name can hold: linear in the text,
 * where one regex for "name + extension" would retry up to 100 characters at every position.
 */
function fileNames(features: PageFeatures): string {
  const names: string[] = [];
  for (const source of [features.text, ...features.links.map((l) => l.text)]) {
    FILE_EXT.lastIndex = 0;
    for (let m = FILE_EXT.exec(source); m; m = FILE_EXT.exec(source)) {
      let start = m.index;
      while (start > 0 && m.index - start < MAX_FILE_NAME && NAME_CHAR.test(source[start - 1] ?? '')) start--;
      const name = source.slice(start, m.index).trim();
      if (name) names.push(name);
      if (names.length >= MAX_FILE_NAMES) return names.join(' | ');
    }
  }
  return names.join(' | ');
}

const MESSAGES = {
  official: { en: 'Official domain of a work in your catalog: never flagged', zh: '属于作品的官方域名，不会标记' },
  allowed: {
    search: { en: 'Search engine: flagged only when it offers downloads', zh: '搜索引擎：只有提供下载时才标记' },
    news: { en: 'News site: flagged only when it offers downloads', zh: '新闻网站：只有提供下载时才标记' },
    wiki: {
      en: 'Wiki or database site: flagged only when it offers downloads',
      zh: '百科/资料站：只有提供下载时才标记',
    },
    store: {
      en: 'Licensed store or streaming service: flagged only when it offers downloads',
      zh: '正版商店或流媒体平台：只有提供下载时才标记',
    },
  } satisfies Record<AllowKind, Reason>,
  work: { en: 'Names “{work}” ({where})', zh: '提到“{work}”（{where}）' },
  where: {
    title: { en: 'title', zh: '标题' },
    url: { en: 'address', zh: '网址' },
    description: { en: 'description', zh: '摘要' },
    text: { en: 'text ×{n}', zh: '正文 {n} 次' },
    keyword: { en: 'keywords', zh: '关键词' },
    heading: { en: 'heading', zh: '大标题' },
    metaKeywords: { en: 'meta keywords', zh: '页面关键词' },
    labelled: { en: 'original-title line', zh: '原名行' },
    file: { en: 'file name', zh: '文件名' },
  },
  strongNaming: {
    en: 'Strong evidence of a copy: one clear mention is enough to name the work',
    zh: '提供盗版的证据很强：一次明确提及即可认定作品',
  },
  officialLink: { en: 'Links to an official site of the work', zh: '链接到作品的官方网站' },
  needsCopy: { en: ': flagged only when it offers a copy', zh: '：只有提供盗版资源时才标记' },
  uncorroborated: { en: 'Only one piracy signal: not enough on its own', zh: '只有一个盗版迹象，不足以标记' },
  noWork: { en: 'No work from your catalog is clearly named', zh: '没有明确提到目录中的作品' },
  mentionOnly: { en: 'Mentions the work without offering a copy', zh: '只是提到作品，没有提供盗版' },
};

const fill = (r: Reason, lang: ReasonLang, vars: Record<string, string | number>) =>
  r[lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

interface WorkMatch {
  index: number;
  strength: number;
  where: string[];
  inTitle: boolean;
  inHeading: boolean;
  inHost: boolean;
}

type WorkField = 'title' | 'url' | 'host' | 'heading' | 'file' | 'description' | 'metaKeywords' | 'text';
type Tally = Record<WorkField | 'labelled', number> & { keywords: Set<string> };

/** Stretches of text after a "customers also bought" heading, as [start, end) pairs. */
function sidebarSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  SIDEBAR_ANCHOR.lastIndex = 0;
  for (let m = SIDEBAR_ANCHOR.exec(text); m; m = SIDEBAR_ANCHOR.exec(text)) {
    const around = text.slice(Math.max(0, m.index - 48), m.index + 48);
    if (SIDEBAR.test(around)) spans.push([m.index, m.index + m[0].length + SIDEBAR_SPAN]);
  }
  return spans;
}

function matchWork(catalog: CompiledCatalog, fields: Record<WorkField, string>, lang: ReasonLang): WorkMatch | null {
  const tally = new Map<number, Tally>();
  const sidebars = sidebarSpans(fields.text);
  const count = (hits: PhraseHit[], field: WorkField) => {
    for (const h of hits) {
      if (field === 'text' && sidebars.some(([a, b]) => h.at >= a && h.at < b)) continue;
      let t = tally.get(h.work);
      if (!t) {
        t = {
          title: 0,
          url: 0,
          host: 0,
          heading: 0,
          file: 0,
          description: 0,
          metaKeywords: 0,
          text: 0,
          labelled: 0,
          keywords: new Set(),
        };
        tally.set(h.work, t);
      }
      if (h.kind === 'keyword') t.keywords.add(h.phrase);
      else t[field]++;
      const before = field === 'text' ? fields.text.slice(Math.max(0, h.at - 16), h.at) : '';
      if (h.kind === 'name' && LABEL_BEFORE.test(before)) t.labelled++;
    }
  };
  const all = ['title', 'url', 'host', 'heading', 'file', 'description', 'metaKeywords', 'text'] as const;
  for (const field of all) count(catalog.scan(fields[field]), field);

  let best: WorkMatch | null = null;
  for (const [index, t] of tally) {
    const textScore =
      t.text === 0 ? 0 : Math.min(WORK_WEIGHTS.textCap, WORK_WEIGHTS.textFirst + WORK_WEIGHTS.textMore * (t.text - 1));
    const strength =
      (t.title ? WORK_WEIGHTS.title : 0) +
      (t.url || t.host ? WORK_WEIGHTS.url : 0) +
      (t.heading ? WORK_WEIGHTS.heading : 0) +
      (t.labelled ? WORK_WEIGHTS.labelled : 0) +
      (t.file ? WORK_WEIGHTS.file : 0) +
      (t.description ? WORK_WEIGHTS.description : 0) +
      (t.metaKeywords ? WORK_WEIGHTS.metaKeywords : 0) +
      textScore +
      Math.min(WORK_WEIGHTS.keywordCap, WORK_WEIGHTS.keyword * t.keywords.size);
    if (best && strength <= best.strength) continue;
    const where: string[] = [];
    if (t.title) where.push(MESSAGES.where.title[lang]);
    if (t.heading) where.push(MESSAGES.where.heading[lang]);
    if (t.url) where.push(MESSAGES.where.url[lang]);
    if (t.description) where.push(MESSAGES.where.description[lang]);
    if (t.labelled) where.push(MESSAGES.where.labelled[lang]);
    if (t.file) where.push(MESSAGES.where.file[lang]);
    if (t.text) where.push(fill(MESSAGES.where.text, lang, { n: t.text }));
    if (t.metaKeywords) where.push(MESSAGES.where.metaKeywords[lang]);
    if (t.keywords.size) where.push(MESSAGES.where.keyword[lang]);
    best = { index, strength, where, inTitle: t.title > 0, inHeading: t.heading > 0, inHost: t.host > 0 };
  }
  return best;
}

interface Found {
  id: string;
  weight: number;
  text: string;
  download: boolean;
  family?: SignalFamily;
  group?: SignalGroup;
}

const globalCache = new WeakMap<RegExp, RegExp>();
/** Occurrences of any pattern in text, counting no further than `max`. */
function occurrences(patterns: readonly RegExp[], text: string, max: number): number {
  let n = 0;
  for (const p of patterns) {
    let g = globalCache.get(p);
    if (!g) globalCache.set(p, (g = new RegExp(p.source, `${p.flags}g`)));
    g.lastIndex = 0;
    while (n < max && g.exec(text)) n++;
    if (n >= max) break;
  }
  return n;
}

/**
 * Signals of one family report the same evidence ("Magnet links (1)" and "Offers torrents or magnet
 * links" on the same link): keep the strongest, so the popup lists it once and it counts once. It
 * offers a copy if any member did.
 */
function mergeFamilies(found: { id: string; weight: number; download: boolean; family?: SignalFamily }[]): void {
  const best = new Map<SignalFamily, (typeof found)[number]>();
  for (const f of found) {
    if (!f.family) continue;
    const b = best.get(f.family);
    if (!b || f.weight > b.weight) best.set(f.family, f);
  }
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i];
    if (!f?.family) continue;
    const b = best.get(f.family)!;
    if (f !== b) {
      b.download ||= f.download;
      found.splice(i, 1);
    }
  }
}

function urlWithoutScheme(url: string): string {
  let s = url.replace(/^[a-z]+:\/\//i, '');
  try {
    s = decodeURIComponent(s);
  } catch {
    // keep the encoded form
  }
  return s;
}

/**
 * Scores one page against the catalog. A page is suspected only when it clearly names a work
 * AND its piracy signals reach THRESHOLD: a mention alone (news, review, wiki) is not enough,
 * and official domains are never flagged.
 */
export function scorePage(features: PageFeatures, catalog: CompiledCatalog, options: ScoreOptions = {}): Verdict {
  const lang = options.lang ?? 'en';
  const host = hostOf(features.url);
  const isOfficial = (h: string) => h !== '' && catalog.isOfficialHost(h);

  // The page's own name for itself: <title> and og:title (often the only good one when <title> is generic).
  const ownName =
    features.ogTitle && features.ogTitle !== features.title
      ? `${features.title} | ${features.ogTitle}`
      : features.title;
  const title = normalize(ownName);
  const fields = {
    title,
    url: normalize(urlWithoutScheme(features.url).replace(/^[^/]*/, '')),
    host: normalize(host),
    heading: normalize(features.headings),
    file: normalize(fileNames(features)),
    description: normalize(features.description),
    metaKeywords: normalize(features.keywords),
    text: normalize(features.text),
  };
  const match = matchWork(catalog, fields, lang);
  const named = (min: number) => (match && match.strength >= min ? (catalog.works[match.index] ?? null) : null);
  const describe = (work: CatalogWork | null) => ({
    out: work ? { ...(work.id ? { id: work.id } : {}), title: work.title } : null,
    reason: work
      ? [
          {
            id: 'work',
            text: fill(MESSAGES.work, lang, {
              work: work.title,
              where: match!.where.join(lang === 'zh' ? '、' : ', '),
            }),
          },
        ]
      : [],
  });

  if (isOfficial(host)) {
    const { out, reason } = describe(named(WORK_MIN));
    const reasons = [...reason, { id: 'official-domain', text: MESSAGES.official[lang] }];
    return { suspected: false, score: 0, work: out, reasons };
  }

  // Links to the user's own sites (an official download page) say nothing about piracy, and
  // linking to them at all is what news, wikis and portals do.
  const allLinks = features.links.map((l) => ({
    href: l.href.toLowerCase(),
    text: l.text.toLowerCase(),
    host: hostOf(l.href) || (/^[a-z0-9+.-]+:/i.test(l.href) ? '' : host),
  }));
  const links = allLinks.filter((l) => !isOfficial(l.host));
  const linksOfficial = links.length < allLinks.length;
  const prominent = [fields.title, fields.description, fields.url].join(' ');
  // For `raw` signals: punctuation kept, so "Orchard.epub" is still a file name.
  const rawOf = (s: string) => s.normalize('NFKC').toLowerCase();
  const rawProminent = [features.title, features.ogTitle, features.description].map(rawOf).join(' ');
  const rawText = rawOf(features.text);

  const found: Found[] = [];
  const discussion: ScoredReason[] = [];
  for (const signal of SIGNALS) {
    if (signal.on === 'links') {
      const n = links.filter((l) => signal.test(l.href, l.host, l.text)).length;
      if (n)
        found.push({
          id: signal.id,
          weight: signal.weight * (1 + 0.25 * Math.min(n - 1, 2)),
          text: fill(signal.reason, lang, { n }),
          download: true,
          family: signal.family,
        });
      continue;
    }
    const [sigProminent, sigText] = signal.raw ? [rawProminent, rawText] : [prominent, fields.text];
    const matches = signal.patterns.filter((p) => p.test(`${sigProminent} ${sigText}`)).length;
    if (matches < (signal.minMatches ?? 1)) continue;
    if (signal.discussion) {
      discussion.push({ id: signal.id, text: signal.reason[lang] });
      continue;
    }
    if (signal.stack) {
      const weight = signal.weight * Math.min(matches, signal.stack);
      found.push({ id: signal.id, weight, text: signal.reason[lang], download: false });
      continue;
    }
    // A term said once in passing ("many players turned to private servers") is half the evidence
    // of one a page leads with (title, description, address) or repeats.
    const stated =
      signal.weight < 0 ||
      signal.concrete === true ||
      signal.patterns.some((p) => p.test(sigProminent)) ||
      occurrences(signal.patterns, sigText, 2) >= 2;
    found.push({
      id: signal.id,
      weight: stated ? signal.weight : signal.weight / 2,
      text: signal.reason[lang],
      download: signal.download === true && stated,
      family: signal.family,
      group: signal.group,
    });
  }
  mergeFamilies(found);
  if (linksOfficial) discussion.push({ id: 'official-link', text: MESSAGES.officialLink[lang] });

  // Signals that need the work: decided on the best candidate, which clears WORK_MIN whenever it is in the
  // title (3), a heading (2) or the host (2).
  const candidate = match ? catalog.works[match.index] : null;
  const piracyInTitle = SIGNALS.some((s) => s.on === 'text' && s.weight > 0 && s.patterns.some((p) => p.test(title)));
  if (candidate && match!.inTitle && piracyInTitle) {
    found.push({
      id: TITLE_PAIRING.id,
      weight: TITLE_PAIRING.weight,
      text: fill(TITLE_PAIRING.reason, lang, { work: candidate.title }),
      download: false,
    });
  }
  if (candidate && match!.inTitle && !linksOfficial && IMPERSONATION.patterns.some((p) => p.test(title))) {
    found.push({
      id: IMPERSONATION.id,
      weight: IMPERSONATION.weight,
      text: fill(IMPERSONATION.reason, lang, { work: candidate.title }),
      download: false,
    });
  }
  const labels = `${title} ${fields.heading}`;
  const sharing = isSharingSite(host) || EPISODE_UPLOAD.uploaded.test(fields.text);
  const episode = EPISODE_UPLOAD.patterns.some((p) => p.test(labels)) && !EPISODE_UPLOAD.notWhole.test(labels);
  if (candidate && (match!.inTitle || match!.inHeading) && sharing && episode) {
    const text = fill(EPISODE_UPLOAD.reason, lang, { work: candidate.title });
    found.push({ id: EPISODE_UPLOAD.id, weight: EPISODE_UPLOAD.weight, text, download: false, group: 'reupload' });
  }
  const positive = found.some((f) => f.weight > 0);
  if (candidate && match!.inHost && positive) {
    found.push({
      id: NAMED_HOST.id,
      weight: NAMED_HOST.weight,
      text: fill(NAMED_HOST.reason, lang, { work: candidate.title }),
      download: false,
    });
  }
  // A player next to re-upload words is the re-uploaded copy itself, and counts as a second piece of evidence.
  const reupload = found.some((f) => f.group === 'reupload' && f.weight > 0);
  if (features.embeds > 0 && positive) {
    const weight = reupload ? PLAYER_EMBED.withReupload : PLAYER_EMBED.weight;
    found.push({ id: PLAYER_EMBED.id, weight, text: PLAYER_EMBED.reason[lang], download: false });
  }

  const total = found.reduce((sum, f) => sum + f.weight, 0);
  const score = total > 0 ? Math.round((total / (total + THRESHOLD)) * 100) / 100 : 0;
  const offersCopy = found.some((f) => f.download);
  // One piracy word is not a pattern: ask for two pieces of evidence, or an actual copy.
  const evidence = found.filter((f) => f.weight > 0 && (f.id !== PLAYER_EMBED.id || reupload));
  const corroborated = offersCopy || evidence.length >= 2;

  const strong = total >= STRONG_EVIDENCE && offersCopy;
  const work = named(WORK_MIN) ?? (strong ? named(WORK_MIN_STRONG) : null);
  const { out: workOut, reason: workReason } = describe(work);
  if (work && match!.strength < WORK_MIN) {
    workReason.push({ id: 'strong-evidence-naming', text: MESSAGES.strongNaming[lang] });
  }

  const kind = allowKind(host);
  // Search engines, news and wikis, and pages that read as discussion, are flagged only for an actual copy.
  const needsCopy = kind !== null || discussion.length > 0;
  const gate: ScoredReason[] = [];
  if (needsCopy && !offersCopy) {
    if (kind) gate.push({ id: `allowlist-${kind}`, text: MESSAGES.allowed[kind][lang] });
    gate.push(...discussion.map((d) => ({ id: d.id, text: `${d.text}${MESSAGES.needsCopy[lang]}` })));
  }
  if (!work && positive) gate.push({ id: 'no-work', text: MESSAGES.noWork[lang] });
  if (work && total >= THRESHOLD && !corroborated)
    gate.push({ id: 'uncorroborated', text: MESSAGES.uncorroborated[lang] });
  if (work && total < THRESHOLD) gate.push({ id: 'mention-only', text: MESSAGES.mentionOnly[lang] });

  const signalReasons = found.sort((a, b) => b.weight - a.weight).map((f) => ({ id: f.id, text: f.text }));
  return {
    suspected: work !== null && total >= THRESHOLD && corroborated && !(needsCopy && !offersCopy),
    score,
    work: workOut,
    reasons: [...workReason, ...signalReasons, ...gate].slice(0, 64),
  };
}
