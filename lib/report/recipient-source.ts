import type { MessageKey } from '../i18n';

/** Where a recipient came from, as Recipient.source records it ('cdn-detection' → source_cdn_detection). */
const SOURCE_KEYS: Record<string, MessageKey> = {
  rdap: 'source_rdap',
  whois: 'source_whois',
  manual: 'source_manual',
  provider: 'source_provider',
  'cdn-detection': 'source_cdn_detection',
  regime: 'source_regime',
};

/** Null for a source this version does not name: the page then shows it as recorded. */
export const recipientSourceKey = (source: string): MessageKey | null => SOURCE_KEYS[source] ?? null;
