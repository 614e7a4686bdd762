import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOTE_CODES, NOTE_PARAMS, NoteSchema, noteMessageKey, renderNote, type Note } from '../../../lib/model/note';
import { noteText, substitute } from '../../../lib/model/note-text';
import { RecipientSchema } from '../../../lib/model/recipient';
import type { Translate } from '../../../lib/i18n';
import { REPO_ROOT } from '../../helpers/fixtures';

const catalogue = (locale: string) =>
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string } | undefined
  >;
const translator = (locale: string): Translate => {
  const messages = catalogue(locale);
  return (key, subs) => {
    const m = messages[key];
    if (!m) throw new Error(`${locale} has no message ${key}`);
    return substitute(m.message, subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]);
  };
};

/** A note of each code with distinct, recognisable arguments. */
const sample = (code: (typeof NOTE_CODES)[number]): Note =>
  ({
    code,
    params: Object.fromEntries(NOTE_PARAMS[code].map((p: string, i: number) => [p, `«${p}-${i}»`])),
  }) as Note;

describe('recipient note codes', () => {
  it.each(['en', 'zh_CN'])('every code has a %s message using exactly its parameters', (locale) => {
    const messages = catalogue(locale);
    for (const code of NOTE_CODES) {
      const m = messages[noteMessageKey(sample(code))]?.message;
      expect(m, code).toBeTruthy();
      const used = [...new Set([...m!.matchAll(/\$(\d)/g)].map((x) => Number(x[1])))].sort();
      expect(used, code).toEqual(NOTE_PARAMS[code].map((_: string, i: number) => i + 1));
    }
  });

  it.each(['en', 'zh_CN'])('every code renders in %s with its arguments and no placeholder left', (locale) => {
    const t = translator(locale);
    for (const code of NOTE_CODES) {
      const n = sample(code);
      const text = renderNote(n, t);
      expect(text, code).not.toMatch(/\$\d/);
      for (const v of Object.values(n.params as Record<string, string>)) expect(text, code).toContain(v);
    }
  });

  it('the Chinese page says a note in Chinese, the CLI in English', () => {
    const n: Note = { code: 'upstream', params: { asn: '16509' } };
    expect(renderNote(n, translator('zh_CN'))).toBe('上游网络 AS16509：如主机商不处理，可升级至此。');
    expect(noteText(n)).toBe('Upstream network AS16509: escalate here if the host does not act.');
  });

  it('the directory’s own words are shown as written, with a label saying so', () => {
    const n: Note = { code: 'provider_requirement', params: { text: 'Include the URL of each file.' } };
    expect(noteText(n)).toBe('Provider requirement (directory, as written): Include the URL of each file.');
    expect(renderNote(n, translator('zh_CN'))).toBe('服务商要求（目录原文）：Include the URL of each file.');
  });
});

describe('NoteSchema', () => {
  it('keeps a plain string from an older release as a legacy note, word for word', () => {
    const old = 'Registrars usually act on the domain, not on hosted content: send to the host first.';
    const n = NoteSchema.parse(old);
    expect(n).toEqual({ code: 'legacy', params: { text: old } });
    expect(noteText(n)).toBe(old);
    expect(renderNote(n, translator('zh_CN'))).toBe(old);
  });

  it('refuses a code outside the list and a note missing a parameter', () => {
    expect(NoteSchema.safeParse({ code: 'made_up', params: {} }).success).toBe(false);
    const missing = NoteSchema.safeParse({ code: 'from_whois', params: {} });
    expect(missing.success).toBe(false);
  });

  it('drops parameters the code does not name', () => {
    expect(NoteSchema.parse({ code: 'from_whois', params: { server: 'whois.nic.fr', extra: 'x' } })).toEqual({
      code: 'from_whois',
      params: { server: 'whois.nic.fr' },
    });
  });

  it('parses a recipient stored with old string notes next to coded ones', () => {
    const r = RecipientSchema.parse({
      role: 'registrar',
      name: 'NameCheap',
      notes: ['Registrar of pirate.example.', { code: 'registrar_no_abuse', params: {} }],
    });
    expect(r.notes).toEqual([
      { code: 'legacy', params: { text: 'Registrar of pirate.example.' } },
      { code: 'registrar_no_abuse', params: {} },
    ]);
  });
});
