import { describe, expect, it } from 'vitest';
import { compact, normalize } from '../../../lib/detection/normalize';
import { SIGNALS } from '../../../lib/detection/signals';
import { toSimplified } from '../../../lib/detection/simplified';

describe('normalize', () => {
  it('folds full-width forms to half-width', () => {
    expect(normalize('ＳＴＡＲ　ＤＯＭＥ　ＥＲＡ１２３')).toBe('star dome era123');
  });

  it('maps common traditional characters to simplified', () => {
    expect(normalize('星穹紀元 劍魄江湖 長夜旅人 守燈人')).toBe(normalize('星穹纪元 剑魄江湖 长夜旅人 守灯人'));
    expect(normalize('無彈窗 免費閱讀')).toBe('无弹窗免费阅读');
  });

  it('maps less common traditional characters and Taiwan/Hong Kong variants with OpenCC', () => {
    expect(normalize('鬱壘山海錄 顧濯纓 龍驤鐵騎 驍騎營 星隕港')).toBe('郁垒山海录顾濯缨龙骧铁骑骁骑营星陨港');
    expect(normalize('線上看 裡面 下載 提取碼')).toBe('线上看里面下载提取码');
  });

  it('leaves Simplified text as it is, including characters a naive table would fold (著作权, 乾隆)', () => {
    const simplified = '侵犯著作权 乾隆 干净 星穹纪元 私服 一键端 提取码 百度网盘 后台 发布';
    expect(toSimplified(simplified)).toBe(simplified);
    expect(toSimplified('plain ASCII text')).toBe('plain ASCII text');
  });

  it('keeps every Chinese word in the signal patterns a fixed point of the converter, so normalized text can match it', () => {
    for (const signal of SIGNALS) {
      if (signal.on !== 'text') continue;
      for (const p of signal.patterns) {
        const han = p.source.match(/[\u3400-\u9fff]+/g) ?? [];
        for (const word of han) expect(toSimplified(word), `${signal.id}: ${word}`).toBe(word);
      }
    }
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
