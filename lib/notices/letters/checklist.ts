import { z } from 'zod';
import type { ElementStatus, Localised } from '../elements';
import type { LetterFacts } from './schema';

/** What a check may look at besides the facts: the letter's date, injected for tests. */
export interface CheckContext {
  /** The letter's date, YYYY-MM-DD. */
  today: string;
}

/** One element a letter must (or should) carry, with the rule it comes from. */
export interface LetterElement<F> {
  id: string;
  name: Localised;
  citation: Localised;
  /** What to add or fix when the element is missing or weak. */
  hint: Localised;
  /** A missing required element blocks the letter; a recommended one only warns. */
  required: boolean;
  /** The reference marks the rule unverified; the UI says so. */
  unverified?: boolean;
  check: (f: F, ctx: CheckContext) => ElementStatus;
}

export interface LetterCheckItem {
  id: string;
  name: string;
  citation: string;
  required: boolean;
  unverified: boolean;
  status: ElementStatus;
  message: string;
}

export interface LetterChecklist {
  lang: 'en' | 'zh';
  sendable: boolean;
  items: LetterCheckItem[];
}

export const filled = (s: string | undefined | null) => (s ?? '').trim().length > 0;
export const isEmail = (s: string) => z.email().safeParse(s.trim()).success;
export const ok = (b: boolean): ElementStatus => (b ? 'ok' : 'missing');

/** Every element with its status; a letter is sendable when no required element is missing. */
export function runChecklist<F>(
  elements: readonly LetterElement<F>[],
  f: F,
  ctx: CheckContext,
  lang: 'en' | 'zh',
): LetterChecklist {
  const items = elements.map((e) => {
    const status = e.check(f, ctx);
    return {
      id: e.id,
      name: e.name[lang],
      citation: e.citation[lang],
      required: e.required,
      unverified: e.unverified === true,
      status,
      message: status === 'ok' ? '' : e.hint[lang],
    };
  });
  return { lang, sendable: !items.some((i) => i.required && i.status === 'missing'), items };
}

/** The required elements that are missing, each "name (citation)", for an error that names them. */
export function blockingReasons(c: LetterChecklist): string[] {
  return c.items.filter((i) => i.required && i.status === 'missing').map((i) => `${i.name} (${i.citation})`);
}

/**
 * The sender's own elements, shared by every letter: who writes, how to reach them, who signs,
 * and the accuracy statement the signer adopts (a refused statement is never signed).
 */
export function senderElements<F extends LetterFacts>(
  cite: Localised,
  opts: { signatureRequired: boolean },
): LetterElement<F>[] {
  return [
    {
      id: 'sender_identity',
      name: { en: "sender's legal name", zh: '权利人名称（真实身份）' },
      citation: cite,
      hint: {
        en: 'Enter the legal name of the rights holder in the letterhead.',
        zh: '请在信头填写权利人的真实名称。',
      },
      required: true,
      check: (f) => ok(filled(f.letterhead.company)),
    },
    {
      id: 'sender_contact',
      name: { en: "sender's e-mail address", zh: '权利人电子邮箱' },
      citation: cite,
      hint: { en: 'Enter a valid e-mail address in the letterhead.', zh: '请在信头填写有效的电子邮箱。' },
      required: true,
      check: (f) => ok(isEmail(f.letterhead.email)),
    },
    {
      id: 'sender_address',
      name: { en: "sender's postal address", zh: '权利人通讯地址' },
      citation: cite,
      hint: { en: 'Enter a full postal address in the letterhead.', zh: '请在信头填写完整的通讯地址。' },
      required: false,
      check: (f) => (filled(f.letterhead.address) ? 'ok' : 'weak'),
    },
    {
      id: 'signature',
      name: { en: 'signatory', zh: '签署人' },
      citation: cite,
      hint: { en: 'Enter the name of the person who signs the letter.', zh: '请填写签署人姓名。' },
      required: opts.signatureRequired,
      check: (f) => (filled(f.letterhead.signatory) ? 'ok' : opts.signatureRequired ? 'missing' : 'weak'),
    },
    {
      id: 'stmt_accuracy',
      name: { en: 'statement that the letter is accurate', zh: '内容真实性保证' },
      citation: cite,
      hint: {
        en: 'Tick the statement that the letter is accurate; it is printed over your signature.',
        zh: '请确认内容真实性保证；该保证将以您的名义作出。',
      },
      required: true,
      check: (f) => ok(f.confirmAccuracy === true),
    },
  ];
}
