/**
 * ICP filing and licence numbers a page displays. A site served from mainland China must hold an
 * ICP filing (京ICP备12345678号-1) or, for commercial services, a licence (粤ICP证030173号), and
 * shows the number in its footer. The number is read as the page shows it and never made up: a
 * number the page does not show is absent, and a commented-out or placeholder one is not shown.
 */

/** The one-character abbreviations of the provincial-level regions that issue filings. */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

// Province, "ICP", 备/备案/证, the number, 号, then an optional site suffix -N (an app filing adds A).
// Spaces may separate every part; full-width forms are folded first (NFKC).
const ICP_RE = new RegExp(
  `([${PROVINCES}])\\s*I\\s*C\\s*P\\s*(备案|备|证|證)\\s*[:：]?\\s*(\\d{4,12})\\s*[号號](?:\\s*[-–—]\\s*(\\d{1,3}[Aa]?)(?![\\d]))?`,
  'gi',
);

export interface IcpNumber {
  /** As the page shows it, spacing removed: 京ICP备12345678号-1. */
  number: string;
  kind: 'filing' | 'licence';
  /** The text it was read from, for the reader to compare. */
  raw: string;
}

const MAX_NUMBERS = 20;

/** Visible text of an HTML page (or plain text): comments, scripts and tags removed, entities decoded, width folded. */
export function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&#(\d{1,7});/g, (_, d: string) => safeChar(Number(d)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar(parseInt(h, 16)))
    .replace(/&amp;/g, '&')
    .normalize('NFKC');
}

const safeChar = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ');

/** Every distinct ICP number the page shows, in page order. */
export function extractIcp(html: string): IcpNumber[] {
  const text = visibleText(html);
  const out: IcpNumber[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(ICP_RE)) {
    const [raw, province, kind, digitsGroup, suffix] = m;
    // The digits group always participates in a match (it is not optional in ICP_RE).
    const digits = digitsGroup!;
    // 00000000 and the like are template placeholders, not a number anyone was issued.
    if (/^(\d)\1+$/.test(digits)) continue;
    const k = kind === '證' ? '证' : kind;
    const number = `${province}ICP${k}${digits}号${suffix ? `-${suffix.toUpperCase()}` : ''}`;
    if (seen.has(number)) continue;
    seen.add(number);
    out.push({ number, kind: k === '证' ? 'licence' : 'filing', raw: raw.replace(/\s+/g, ' ').trim() });
    if (out.length >= MAX_NUMBERS) break;
  }
  return out;
}

/** What a capture says about ICP numbers: null when the page's HTML was not captured (then nothing is known). */
export interface IcpReading {
  archived: boolean;
  numbers: string[];
}

/**
 * Reads the ICP numbers of a capture: from its metadata (written at capture time), else from
 * the archived HTML. `readText` returns an artefact's text by evidence id.
 */
export async function readIcp(
  artefacts: readonly { id: string; kind: string }[],
  readText: (id: string) => Promise<string | null>,
): Promise<IcpReading> {
  const html = artefacts.find((a) => a.kind === 'html');
  const meta = artefacts.find((a) => a.kind === 'metadata');
  if (meta) {
    try {
      const parsed = JSON.parse((await readText(meta.id)) ?? '{}') as { icp?: unknown };
      if (Array.isArray(parsed.icp) && parsed.icp.every((x) => typeof x === 'string')) {
        return { archived: html !== undefined, numbers: parsed.icp.slice(0, MAX_NUMBERS) };
      }
    } catch {
      // Unreadable metadata: fall back to the archive.
    }
  }
  if (!html) return { archived: false, numbers: [] };
  const text = await readText(html.id);
  if (text === null) return { archived: false, numbers: [] };
  return { archived: true, numbers: extractIcp(text).map((n) => n.number) };
}
