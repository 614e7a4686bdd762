import { describe, expect, it } from 'vitest';
import { extractIcp, readIcp, visibleText } from '../../../lib/evidence/icp';

const numbers = (html: string) => extractIcp(html).map((n) => n.number);

describe('extractIcp: numbers a page shows', () => {
  it.each([
    [
      '<footer><a href="https://beian.miit.gov.cn/" target="_blank">京ICP备12345678号-1</a></footer>',
      ['京ICP备12345678号-1'],
    ],
    ['<p>粤ICP证030173号</p>', ['粤ICP证030173号']],
    ['<div>ICP备案号：沪ICP备2021012345号-3</div>', ['沪ICP备2021012345号-3']],
    ['<span>京 ICP 备 11000002000001 号</span>', []], // 14 digits: too long for a filing number
    ['<span>京 ICP 备 2021034286 号 - 2</span>', ['京ICP备2021034286号-2']],
    ['<span>浙ＩＣＰ备１２３４５６７８号－４</span>', ['浙ICP备12345678号-4']],
    ['<span>京ICP备<b>12345678</b>号</span>', ['京ICP备12345678号']],
    ['<span>蜀ICP备12345678号</span>', []],
    ['<p>京ICP备2023001234号-5A</p>', ['京ICP备2023001234号-5A']],
    ['<p>京ICP證050897號</p>', ['京ICP证050897号']],
    ['<p>京icp备12345678号</p>', ['京ICP备12345678号']],
    ['<p>闽ICP备案11002233号</p>', ['闽ICP备案11002233号']],
    ['<p>京ICP&#22791;12345678&#21495;-1</p>', ['京ICP备12345678号-1']],
    ['京ICP备12345678号-1 | 京ICP备12345678号-1 | 京ICP证000007号', ['京ICP备12345678号-1', '京ICP证000007号']],
  ])('%s', (html, want) => {
    expect(numbers(html)).toEqual(want);
  });

  it('does not read the police filing, placeholders, hidden or scripted copies, or a bare B2 licence', () => {
    expect(numbers('<p>京公网安备 11010502030143号</p>')).toEqual([]);
    expect(numbers('<p>京ICP备XXXXXXXX号</p>')).toEqual([]);
    expect(numbers('<p>京ICP备00000000号</p>')).toEqual([]);
    expect(numbers('<!-- 京ICP备12345678号-1 --><p>free movies</p>')).toEqual([]);
    expect(numbers('<script>var icp = "京ICP备12345678号"</script>')).toEqual([]);
    expect(numbers('<p>增值电信业务经营许可证：粤B2-20090059</p>')).toEqual([]);
    expect(numbers('<p>ICP备案查询</p><p>Powered by ICP</p>')).toEqual([]);
    expect(numbers('<p>美ICP备12345678号</p>')).toEqual([]);
  });

  it('does not take a following number for the site suffix', () => {
    expect(numbers('<p>京ICP备12345678号-12345</p>')).toEqual(['京ICP备12345678号']);
    expect(numbers('<p>京ICP备12345678号 2024 版权所有</p>')).toEqual(['京ICP备12345678号']);
  });

  it('classifies filings and licences and keeps the raw text', () => {
    const [a, b] = extractIcp('<p>京ICP证000007号</p><p>京 ICP备 12345678号-1</p>');
    expect(a).toEqual({ number: '京ICP证000007号', kind: 'licence', raw: '京ICP证000007号' });
    expect(b!.kind).toBe('filing');
    expect(b!.raw).toBe('京 ICP备 12345678号-1');
  });

  it('visibleText folds full-width forms and drops tags', () => {
    expect(visibleText('<b>ＩＣＰ</b>&nbsp;１')).toBe('ICP 1');
  });
});

describe('readIcp: a capture', () => {
  const texts: Record<string, string> = {
    m1: JSON.stringify({ url: 'https://a.example/', icp: ['京ICP备12345678号-1'] }),
    m2: JSON.stringify({ url: 'https://a.example/' }),
    h1: '<footer>粤ICP备87654321号</footer>',
  };
  const read = async (id: string) => texts[id] ?? null;

  it('prefers the numbers recorded at capture time', async () => {
    expect(
      await readIcp(
        [
          { id: 'h1', kind: 'html' },
          { id: 'm1', kind: 'metadata' },
        ],
        read,
      ),
    ).toEqual({ archived: true, numbers: ['京ICP备12345678号-1'] });
  });

  it('reads the archive of an older capture', async () => {
    expect(
      await readIcp(
        [
          { id: 'h1', kind: 'html' },
          { id: 'm2', kind: 'metadata' },
        ],
        read,
      ),
    ).toEqual({ archived: true, numbers: ['粤ICP备87654321号'] });
  });

  it('knows nothing without the archive', async () => {
    expect(await readIcp([{ id: 'm2', kind: 'metadata' }], read)).toEqual({ archived: false, numbers: [] });
  });
});

describe('capture', () => {
  it('records the ICP numbers of the captured page in its metadata', async () => {
    const { buildCapture } = await import('../../../lib/evidence/capture');
    const { sha256Hex } = await import('../../../lib/tracking/sha256');
    let i = 0;
    const c = await buildCapture(
      { url: 'https://mt.example/', title: 't', html: '<footer>京ICP备12345678号-1</footer>', failures: {} },
      { sha256: sha256Hex, now: () => new Date('2026-02-20T01:15:00Z'), newId: () => `e${++i}` },
    );
    expect(c.icp).toEqual(['京ICP备12345678号-1']);
    const meta = c.artefacts.find((a) => a.meta.kind === 'metadata')!;
    expect(JSON.parse(new TextDecoder().decode(meta.bytes)).icp).toEqual(['京ICP备12345678号-1']);
    const none = await buildCapture(
      { url: 'https://x.example/', title: 't', failures: {} },
      { sha256: sha256Hex, now: () => new Date(), newId: () => `f${++i}` },
    );
    expect(none.icp).toBeUndefined();
  });
});
