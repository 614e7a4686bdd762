import type { LetterLang, RegimeId } from '../model/notice';
import type { Recipient } from '../model/recipient';

/** EU member states (ISO 3166-1 alpha-2; Greece is "GR" in ISO, "EL" in EU usage). */
const EU = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR EL HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '));

// Chinese groups whose international desks sit outside mainland China (e.g. Alibaba Cloud
// Singapore): their staff read Chinese, their forms are English, so a bilingual letter fits.
const CHINESE_GROUP = /alibaba|aliyun|tencent|huawei|baidu|bytedance|kingsoft|ucloud|qiniu/i;

export interface RegimeSuggestion {
  regime: RegimeId;
  lang: LetterLang;
  /** Why, in English, for the UI's tooltip. */
  reason: string;
}

/**
 * The regime suggested from where the recipient is established; the user can change it.
 * A CDN is judged by its own country too (Cloudflare, US: § 512(b)); it is not the host.
 */
export function suggestRegime(r: Pick<Recipient, 'country' | 'language' | 'name' | 'providerId'>): RegimeSuggestion {
  const cc = (r.country ?? '').toUpperCase();
  const wantsEnglish = (r.language ?? '').toLowerCase().startsWith('en');
  const chineseGroup = CHINESE_GROUP.test(`${r.providerId ?? ''} ${r.name}`);
  if (cc === 'CN') {
    return wantsEnglish
      ? { regime: 'cn', lang: 'zh-en', reason: 'Chinese provider with an English-language desk' }
      : { regime: 'cn', lang: 'zh', reason: 'provider established in mainland China' };
  }
  const lang: LetterLang = chineseGroup ? 'zh-en' : 'en';
  const why = chineseGroup ? '; Chinese group, bilingual letter' : '';
  if (cc === 'US') return { regime: 'us-dmca', lang, reason: `provider established in the US${why}` };
  if (EU.has(cc)) return { regime: 'eu-dsa', lang, reason: `provider established in an EU member state${why}` };
  if (cc === 'GB' || cc === 'UK') return { regime: 'uk', lang, reason: `provider established in the UK${why}` };
  if (cc === 'CA') return { regime: 'ca-notice', lang, reason: `provider established in Canada${why}` };
  if (cc === 'JP') return { regime: 'jp', lang, reason: `provider established in Japan${why}` };
  if (cc === 'KR') return { regime: 'kr', lang, reason: `provider established in South Korea${why}` };
  if (cc === 'AU') return { regime: 'au', lang, reason: `provider established in Australia${why}` };
  if (cc === 'IN') return { regime: 'in', lang, reason: `provider established in India${why}` };
  return { regime: 'generic', lang, reason: cc ? `no specific regime for ${cc}${why}` : `country unknown${why}` };
}
