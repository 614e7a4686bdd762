import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DetectionToggle } from '../../../components/detection/DetectionToggle';
import { SuspectedBanner } from '../../../components/detection/SuspectedBanner';
import type { Translate } from '../../../lib/i18n';
import type { Verdict } from '../../../lib/detection/verdict';
import en from '../../../public/_locales/en/messages.json';

const t: Translate = (key, subs) => {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return en[key].message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
};
const suspected: Verdict = {
  suspected: true,
  score: 0.72,
  work: { id: 'xq', title: '星穹纪元 <img src=x onerror=alert(1)>' },
  reasons: [
    { id: 'work', text: 'Names it (title)' },
    { id: 'private-server', text: 'Advertises a private server (私服)' },
    { id: 'magnet-link', text: 'Magnet links (3)' },
  ],
};

describe('SuspectedBanner', () => {
  it('shows "Suspected: <work> — Report this site" and the evidence', () => {
    const html = renderToStaticMarkup(<SuspectedBanner verdict={suspected} onReport={() => {}} t={t} />);
    expect(html).toContain('Suspected: 星穹纪元');
    expect(html).toContain('Report this site');
    expect(html).toContain('Advertises a private server (私服)');
    expect(html).toContain('Magnet links (3)');
    expect(html).not.toContain('Names it (title)');
  });

  it('renders page-controlled text as text', () => {
    const html = renderToStaticMarkup(<SuspectedBanner verdict={suspected} onReport={() => {}} t={t} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });

  it('shows nothing for a page that is not suspected, or no verdict', () => {
    expect(
      renderToStaticMarkup(<SuspectedBanner verdict={{ ...suspected, suspected: false }} onReport={() => {}} t={t} />),
    ).toBe('');
    expect(renderToStaticMarkup(<SuspectedBanner verdict={null} onReport={() => {}} t={t} />)).toBe('');
  });
});

describe('DetectionToggle', () => {
  it('explains the permission and that nothing leaves the browser, and reflects the state', () => {
    const off = renderToStaticMarkup(<DetectionToggle enabled={false} onToggle={async () => {}} t={t} />);
    expect(off).toContain(en.detectExplain.message);
    expect(off).toContain(en.detectPermission.message);
    expect(off).toContain('role="switch"');
    expect(off).not.toContain('checked=""');
    const on = renderToStaticMarkup(<DetectionToggle enabled onToggle={async () => {}} t={t} />);
    expect(on).toContain('checked=""');
  });
});
