import { describe, expect, it } from 'vitest';
import { compact, normalize } from '../../../lib/detection/normalize';

describe('normalize', () => {
  it('folds full-width forms to half-width', () => {
    expect(normalize('ＳＴＡＲ　ＤＯＭＥ　ＥＲＡ１２３')).toBe('star dome era123');
  });

  it('maps common traditional characters to simplified', () => {
    expect(normalize('星穹紀元 劍魄江湖 長夜旅人 守燈人')).toBe(normalize('星穹纪元 剑魄江湖 长夜旅人 守灯人'));
    expect(normalize('無彈窗 免費閱讀')).toBe('无弹窗免费阅读');
  });

  it('lower-cases and turns punctuation runs into one space between Latin words', () => {
    expect(normalize('The Lantern-Keeper (2025): Full   Movie!')).toBe('the lantern keeper 2025 full movie');
  });

  it('drops spaces and punctuation around CJK characters', () => {
    expect(normalize('星穹 · 纪元「私服」')).toBe('星穹纪元私服');
    expect(normalize('星穹纪元 Star Dome')).toBe('星穹纪元star dome');
  });

  it('is idempotent', () => {
    for (const s of ['Ｐｏｃｋｅｔ－Ｌｅｄｇｅｒ 口袋帳本', '  a  b  ', '長夜旅人 TXT 全集']) {
      expect(normalize(normalize(s))).toBe(normalize(s));
    }
  });

  it('compacts Latin names for domains', () => {
    expect(compact(normalize('Pocket Ledger'))).toBe('pocketledger');
  });
});
