import { LetterheadSchema } from '../model/letterhead';
import { escapeHtml as e } from './escape-html';
import type { LetterParts } from './render-text';

// A4 letter on the letterhead, so the browser's "Save as PDF" gives a clean copy. Each paragraph
// and list item is bidi-isolated so a right-to-left override in user text cannot reorder the
// rest of the letter, and long unbroken URLs wrap instead of running off the page.
const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
:root { color-scheme: light; }
body { font: 11pt/1.45 "Noto Serif", "Source Han Serif SC", "Songti SC", Georgia, serif; color: #111; max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
.letterhead { display: flex; gap: 6mm; align-items: center; border-bottom: 1px solid #333; padding-bottom: 4mm; margin-bottom: 8mm; }
.letterhead img { max-height: 22mm; max-width: 50mm; }
.letterhead .company { font-size: 14pt; font-weight: bold; }
.letterhead div { white-space: pre-wrap; }
p, li, .letterhead div { unicode-bidi: isolate; overflow-wrap: anywhere; white-space: pre-wrap; }
h1 { font-size: 12pt; margin: 6mm 0; }
h2 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
ol { padding-left: 8mm; }
li { break-inside: avoid; }
.signature { margin-top: 10mm; }
.seal-slot { width: 42mm; height: 42mm; border: 1px dashed #999; color: #999; display: flex; align-items: center; justify-content: center; margin: 4mm 0; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;

/** The letter as a standalone HTML document; every piece of text is escaped. */
export function renderHtml(d: LetterParts): string {
  const lh = d.letterhead;
  const out: string[] = [];
  out.push(
    `<!doctype html><html lang="${d.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8">`,
    `<title>${e(d.subject)}</title><style>${STYLE}</style></head><body>`,
    '<header class="letterhead">',
  );
  // Only a validated base64 data:image URL may become an image source; nothing is fetched.
  if (lh.logo && LetterheadSchema.shape.logo.safeParse(lh.logo).success) out.push(`<img src="${e(lh.logo)}" alt="">`);
  out.push('<div>');
  if (lh.company.trim()) out.push(`<div class="company">${e(lh.company)}</div>`);
  for (const line of [lh.address, lh.phone, lh.email]) if (line.trim()) out.push(`<div>${e(line)}</div>`);
  out.push('</div></header>');
  out.push(`<p class="date">${e(d.date)}</p>`);
  const to =
    d.recipient.emails.length > 0 ? `${d.recipient.name} <${d.recipient.emails.join(', ')}>` : d.recipient.name;
  out.push(`<p class="to">${e(to)}</p>`, `<h1>${e(d.subject)}</h1>`);
  for (const s of d.sections) {
    if (s.paragraphs.length === 0 && s.items.length === 0) continue;
    const cls = s.id === 'signature' ? ' class="signature"' : '';
    out.push(`<section id="${s.id}"${cls}>`);
    if (s.title) out.push(`<h2>${e(s.title)}</h2>`);
    for (const p of s.paragraphs) out.push(`<p>${e(p)}</p>`);
    if (s.items.length > 0) {
      out.push('<ol>');
      for (const it of s.items) out.push(`<li>${e(it)}</li>`);
      out.push('</ol>');
    }
    for (const p of s.after ?? []) out.push(`<p>${e(p)}</p>`);
    // Where the company seal (公章) goes on the printed letter.
    if (s.seal) out.push('<div class="seal-slot" data-slot="seal">（盖章处）</div>');
    out.push('</section>');
  }
  out.push('</body></html>');
  return out.join('\n');
}
