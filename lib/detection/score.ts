import { allowKind, hostOf, type AllowKind } from './allowlist';
import type { CompiledCatalog, PhraseHit } from './catalog';
import type { PageFeatures } from './features';
import { normalize } from './normalize';
import { IMPERSONATION, NAMED_HOST, PLAYER_EMBED, SIGNALS, TITLE_PAIRING, type Reason, type SignalFamily } from './signals';
import type { ScoredReason, Verdict } from './verdict';

export type ReasonLang = 'en' | 'zh';
export interface ScoreOptions {
  lang?: ReasonLang;
}

/** Summed signal weight at which a page that names a work is suspected (score 0.5). */
export const THRESHOLD = 3;
/** How sure we must be that the page is about a work: a title or address hit, or repeated mentions. */
const WORK_MIN = 2;
const WORK_WEIGHTS = { title: 3, url: 2, description: 1, textFirst: 1, textMore: 0.5, textCap: 2, keyword: 0.5, keywordCap: 1 };

const MESSAGES = {
  official: { en: 'Official domain of a work in your catalog: never flagged', zh: '属于作品的官方域名，不会标记' },
  allowed: {
    search: { en: 'Search engine: flagged only when it offers downloads', zh: '搜索引擎：只有提供下载时才标记' },
    news: { en: 'News site: flagged only when it offers downloads', zh: '新闻网站：只有提供下载时才标记' },
    wiki: { en: 'Wiki or database site: flagged only when it offers downloads', zh: '百科/资料站：只有提供下载时才标记' },
    store: { en: 'Licensed store or streaming service: flagged only when it offers downloads', zh: '正版商店或流媒体平台：只有提供下载时才标记' },
  } satisfies Record<AllowKind, Reason>,
  work: { en: 'Names “{work}” ({where})', zh: '提到“{work}”（{where}）' },
  where: {
    title: { en: 'title', zh: '标题' },
    url: { en: 'address', zh: '网址' },
    description: { en: 'description', zh: '摘要' },
    text: { en: 'text ×{n}', zh: '正文 {n} 次' },
    keyword: { en: 'keywords', zh: '关键词' },
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
  inHost: boolean;
}

function matchWork(catalog: CompiledCatalog, fields: Record<'title' | 'url' | 'host' | 'description' | 'text', string>, lang: ReasonLang): WorkMatch | null {
  const tally = new Map<number, { title: number; url: number; host: number; description: number; text: number; keywords: Set<string> }>();
  const count = (hits: PhraseHit[], field: 'title' | 'url' | 'host' | 'description' | 'text') => {
    for (const h of hits) {
      let t = tally.get(h.work);
      if (!t) tally.set(h.work, (t = { title: 0, url: 0, host: 0, description: 0, text: 0, keywords: new Set() }));
      if (h.kind === 'keyword') t.keywords.add(h.phrase);
      else t[field]++;
    }
  };
  for (const field of ['title', 'url', 'host', 'description', 'text'] as const) count(catalog.scan(fields[field]), field);

  let best: WorkMatch | null = null;
  for (const [index, t] of tally) {
    const textScore = t.text === 0 ? 0 : Math.min(WORK_WEIGHTS.textCap, WORK_WEIGHTS.textFirst + WORK_WEIGHTS.textMore * (t.text - 1));
    const strength =
      (t.title ? WORK_WEIGHTS.title : 0) +
      (t.url || t.host ? WORK_WEIGHTS.url : 0) +
      (t.description ? WORK_WEIGHTS.description : 0) +
      textScore +
      Math.min(WORK_WEIGHTS.keywordCap, WORK_WEIGHTS.keyword * t.keywords.size);
    if (best && strength <= best.strength) continue;
    const where: string[] = [];
    if (t.title) where.push(MESSAGES.where.title[lang]);
    if (t.url) where.push(MESSAGES.where.url[lang]);
    if (t.description) where.push(MESSAGES.where.description[lang]);
    if (t.text) where.push(fill(MESSAGES.where.text, lang, { n: t.text }));
    if (t.keywords.size) where.push(MESSAGES.where.keyword[lang]);
    best = { index, strength, where, inTitle: t.title > 0, inHost: t.host > 0 };
  }
  return best;
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

  const title = normalize(features.title);
  const fields = {
    title,
    url: normalize(urlWithoutScheme(features.url).replace(/^[^/]*/, '')),
    host: normalize(host),
    description: normalize(features.description),
    text: normalize(features.text),
  };
  const match = matchWork(catalog, fields, lang);
  const work = match && match.strength >= WORK_MIN ? catalog.works[match.index] : null;
  const workOut = work ? { ...(work.id ? { id: work.id } : {}), title: work.title } : null;
  const workReason: ScoredReason[] = work ? [{ id: 'work', text: fill(MESSAGES.work, lang, { work: work.title, where: match!.where.join(lang === 'zh' ? '、' : ', ') }) }] : [];

  if (isOfficial(host)) {
    return { suspected: false, score: 0, work: workOut, reasons: [...workReason, { id: 'official-domain', text: MESSAGES.official[lang] }] };
  }

  // Links to the user's own sites (an official download page) say nothing about piracy, and
  // linking to them at all is what news, wikis and portals do.
  const allLinks = features.links.map((l) => ({ href: l.href.toLowerCase(), text: l.text.toLowerCase(), host: hostOf(l.href) || (/^[a-z0-9+.-]+:/i.test(l.href) ? '' : host) }));
  const links = allLinks.filter((l) => !isOfficial(l.host));
  const linksOfficial = links.length < allLinks.length;
  const prominent = [fields.title, fields.description, fields.url].join(' ');
  // For `raw` signals: punctuation kept, so "Orchard.epub" is still a file name.
  const rawOf = (s: string) => s.normalize('NFKC').toLowerCase();
  const rawProminent = [features.title, features.description].map(rawOf).join(' ');
  const rawText = rawOf(features.text);

  const found: { id: string; weight: number; text: string; download: boolean; family?: SignalFamily }[] = [];
  const discussion: ScoredReason[] = [];
  for (const signal of SIGNALS) {
    if (signal.on === 'links') {
      const n = links.filter((l) => signal.test(l.href, l.host, l.text)).length;
      if (n) found.push({ id: signal.id, weight: signal.weight * (1 + 0.25 * Math.min(n - 1, 2)), text: fill(signal.reason, lang, { n }), download: true, family: signal.family });
      continue;
    }
    const [sigProminent, sigText] = signal.raw ? [rawProminent, rawText] : [prominent, fields.text];
    const matches = signal.patterns.filter((p) => p.test(`${sigProminent} ${sigText}`)).length;
    if (matches < (signal.minMatches ?? 1)) continue;
    if (signal.discussion) {
      discussion.push({ id: signal.id, text: signal.reason[lang] });
      continue;
    }
    // A term said once in passing ("many players turned to private servers") is half the evidence
    // of one a page leads with (title, description, address) or repeats.
    const stated =
      signal.weight < 0 || signal.concrete === true || signal.patterns.some((p) => p.test(sigProminent)) || occurrences(signal.patterns, sigText, 2) >= 2;
    found.push({ id: signal.id, weight: stated ? signal.weight : signal.weight / 2, text: signal.reason[lang], download: signal.download === true && stated, family: signal.family });
  }
  mergeFamilies(found);
  if (linksOfficial) discussion.push({ id: 'official-link', text: MESSAGES.officialLink[lang] });
  const piracyInTitle = SIGNALS.some((s) => s.on === 'text' && s.weight > 0 && s.patterns.some((p) => p.test(title)));
  if (work && match!.inTitle && piracyInTitle) {
    found.push({ id: TITLE_PAIRING.id, weight: TITLE_PAIRING.weight, text: fill(TITLE_PAIRING.reason, lang, { work: work.title }), download: false });
  }
  if (work && match!.inTitle && !linksOfficial && IMPERSONATION.patterns.some((p) => p.test(title))) {
    found.push({ id: IMPERSONATION.id, weight: IMPERSONATION.weight, text: fill(IMPERSONATION.reason, lang, { work: work.title }), download: false });
  }
  const positive = found.some((f) => f.weight > 0);
  if (work && match!.inHost && positive) {
    found.push({ id: NAMED_HOST.id, weight: NAMED_HOST.weight, text: fill(NAMED_HOST.reason, lang, { work: work.title }), download: false });
  }
  if (features.embeds > 0 && positive) found.push({ id: PLAYER_EMBED.id, weight: PLAYER_EMBED.weight, text: PLAYER_EMBED.reason[lang], download: false });

  const total = found.reduce((sum, f) => sum + f.weight, 0);
  const score = total > 0 ? Math.round((total / (total + THRESHOLD)) * 100) / 100 : 0;
  const offersCopy = found.some((f) => f.download);
  // One piracy word is not a pattern: ask for two pieces of evidence, or an actual copy.
  const corroborated = offersCopy || found.filter((f) => f.weight > 0 && f.id !== PLAYER_EMBED.id).length >= 2;
  const kind = allowKind(host);
  // Search engines, news and wikis, and pages that read as discussion, are flagged only for an actual copy.
  const needsCopy = kind !== null || discussion.length > 0;
  const gate: ScoredReason[] = [];
  if (needsCopy && !offersCopy) {
    if (kind) gate.push({ id: `allowlist-${kind}`, text: MESSAGES.allowed[kind][lang] });
    gate.push(...discussion.map((d) => ({ id: d.id, text: `${d.text}${MESSAGES.needsCopy[lang]}` })));
  }
  if (!work && positive) gate.push({ id: 'no-work', text: MESSAGES.noWork[lang] });
  if (work && total >= THRESHOLD && !corroborated) gate.push({ id: 'uncorroborated', text: MESSAGES.uncorroborated[lang] });
  if (work && total < THRESHOLD) gate.push({ id: 'mention-only', text: MESSAGES.mentionOnly[lang] });

  const signalReasons = found.sort((a, b) => b.weight - a.weight).map((f) => ({ id: f.id, text: f.text }));
  return {
    suspected: work !== null && total >= THRESHOLD && corroborated && !(needsCopy && !offersCopy),
    score,
    work: workOut,
    reasons: [...workReason, ...signalReasons, ...gate].slice(0, 64),
  };
}
