import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_KINDS } from '../../lib/errors';
import { checklistLangFor, pageLanguage } from '../../lib/i18n';
import { EvidenceKindSchema } from '../../lib/model/evidence';
import { RegimeIdSchema, SendChannelSchema } from '../../lib/model/notice';
import { COUNTER_NOTICE_LAWS } from '../../lib/tracking/deadlines';
import { REPO_ROOT } from '../helpers/fixtures';

const load = (locale: string) =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
const en = load('en');
const zh = load('zh_CN');

function sources(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir)).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(path.join(REPO_ROOT, p)).isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe('UI strings', () => {
  it('name every kind of evidence, send channel and follow-up basis, in both languages', () => {
    const keys = [
      ...EvidenceKindSchema.options.map((k) => `evidence_${k}`),
      ...SendChannelSchema.options.map((c) => `channel_${c}`),
      // Follow-up and counter-notice bases, worded in the UI language (components/notice/basis-text.ts).
      ...RegimeIdSchema.options.map((r) => `basis_regime_${r.replace('-', '_')}`),
      ...COUNTER_NOTICE_LAWS.map((l) => `basis_counter_${l.replace(/-/g, '_')}`),
    ];
    for (const key of keys) {
      expect(en[key]?.message, key).toBeTruthy();
      expect(zh[key]?.message, key).toBeTruthy();
    }
  });

  it('exist in English and Simplified Chinese alike', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, { message }] of Object.entries(en)) {
      expect(zh[key]!.message.trim(), key).not.toBe('');
      expect((zh[key]!.message.match(/\$\d/g) ?? []).sort(), key).toEqual((message.match(/\$\d/g) ?? []).sort());
    }
  });

  it('never put two positional arguments together: Chrome reads "$1$2" as an undefined named placeholder', () => {
    // Such a catalogue makes Chrome refuse the whole extension at load time (no service worker at all).
    for (const [locale, messages] of [
      ['en', en],
      ['zh_CN', zh],
    ] as const)
      for (const [key, { message }] of Object.entries(messages))
        expect(message, `${locale} ${key}`).not.toMatch(/\$[A-Za-z0-9_@]+\$/);
  });

  it('cover every key the pages ask for', () => {
    const used = new Set<string>();
    for (const file of [...sources('entrypoints'), ...sources('components')]) {
      for (const m of readFileSync(path.join(REPO_ROOT, file), 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g))
        used.add(m[1]!);
    }
    expect([...used].filter((k) => !(k in en))).toEqual([]);
  });

  it('explain every error kind, including the backend ones, in both languages', () => {
    const missing = ERROR_KINDS.map((k) => `error_${k}`).filter((key) => !(key in en) || !(key in zh));
    expect(missing).toEqual([]);
  });
});

describe('pageLanguage', () => {
  it('follows the message catalogue when the browser reports another language', () => {
    // Chromium on Linux: zh_CN strings while getUILanguage() says en-US.
    expect(pageLanguage('en-US', zh.uiLocale!.message)).toBe('zh-CN');
    expect(pageLanguage('zh-CN', en.uiLocale!.message)).toBe('en');
  });

  it('keeps the browser region when the language agrees, so en-GB users get British dates', () => {
    expect(pageLanguage('en-GB', en.uiLocale!.message)).toBe('en-GB');
    expect(pageLanguage('zh-CN', zh.uiLocale!.message)).toBe('zh-CN');
    expect(pageLanguage('', 'zh-CN')).toBe('zh-CN');
    expect(pageLanguage('de-DE', '')).toBe('de-DE');
  });
});

describe('checklistLangFor', () => {
  it('gives Chinese pages the Chinese checklist', () => {
    expect(checklistLangFor('zh-CN')).toBe('zh');
    expect(checklistLangFor('en-GB')).toBe('en');
  });
});
