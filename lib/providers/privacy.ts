import type { Localised } from '../notices/elements';
import { serviceKindOf } from '../model/recipient';
import type { Recipient } from '../model/recipient';
import { PROVIDERS } from './directory';
import type { ProviderEntry } from './schema';

/**
 * What happens to the sender's details at this recipient (providers.md rule 7). Google and
 * Cloudflare publish the notices they receive to Lumen; many hosts forward the text verbatim to
 * the customer. A CDN passes the complaint to the site operator, so "do not forward my details"
 * is on by default there, and the CDN letter then asks it to forward the substance only.
 */
export interface PrivacyAdvice {
  /** The public database the notice will be copied to, if the provider says it does that. */
  publishesTo: 'lumen' | null;
  /** What to show beside the recipient; null when there is nothing to warn about. */
  warning: Localised | null;
  /** The default of "do not forward my details" for this recipient. */
  withholdByDefault: boolean;
}

/** The directory entry of a recipient: by its id, else by the entry's name patterns. */
export function directoryEntry(
  r: Pick<Recipient, 'providerId' | 'name'>,
  providers: readonly ProviderEntry[] = PROVIDERS,
): ProviderEntry | null {
  if (r.providerId) return providers.find((p) => p.id === r.providerId) ?? null;
  const name = r.name.trim();
  if (!name) return null;
  return providers.find((p) => p.namePatterns.some((src) => new RegExp(src, 'i').test(name))) ?? null;
}

export function privacyAdvice(r: Recipient, providers: readonly ProviderEntry[] = PROVIDERS): PrivacyAdvice {
  const entry = directoryEntry(r, providers);
  const publishesTo = entry?.publishesNotices?.to ?? null;
  const withholdByDefault = serviceKindOf(r) === 'cdn';
  const warning: Localised | null = publishesTo
    ? {
        en: `${r.name.trim() || entry!.name} sends copies of the notices it receives to the Lumen database (lumendatabase.org), where they can be read by anyone. Use a role mailbox and a business address in your letterhead; leave out personal details you do not want published.`,
        zh: `${r.name.trim() || entry!.name}会将收到的通知副本提交至Lumen数据库（lumendatabase.org）公开。请在信头使用职能邮箱及公司地址，勿填写不希望公开的个人信息。`,
      }
    : null;
  return { publishesTo, warning, withholdByDefault };
}

/** The letter's "do not forward my details" setting: the user's explicit choice, else the recipient's default. */
export function withholdSenderDetails(r: Recipient | null, choice: boolean | null | undefined): boolean {
  if (typeof choice === 'boolean') return choice;
  return r ? privacyAdvice(r).withholdByDefault : false;
}
