import type { PageFeatures } from '../../../lib/detection/features';

/** Features for a hand-written page; fields left out are empty. */
export type PageInput = Partial<Omit<PageFeatures, 'links'>> & { links?: (string | { href: string; text: string })[] };

export function page(p: PageInput): PageFeatures {
  return {
    url: p.url ?? 'https://pirate.example/page',
    title: p.title ?? '',
    description: p.description ?? '',
    ogTitle: p.ogTitle ?? '',
    keywords: p.keywords ?? '',
    headings: p.headings ?? '',
    text: p.text ?? '',
    links: (p.links ?? []).map((l) => (typeof l === 'string' ? { href: l, text: '' } : l)),
    embeds: p.embeds ?? 0,
  };
}
